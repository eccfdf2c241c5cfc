import Foundation

/// Whether readers can see a page.
public enum PageStatus: String, Sendable, CaseIterable, Codable {
    case draft, published
}

/// Where a page is linked on every page of the site.
public enum PagePlacement: String, Sendable, CaseIterable, Codable {
    case none, header, footer

    /// The label the newsroom shows.
    public var displayName: String {
        switch self {
        case .none: "Not linked"
        case .header: "Header, after the sections"
        case .footer: "Footer"
        }
    }
}

/// A standing page of the publication (About, Masthead, Corrections policy) at the site's root,
/// such as `/about`. Pages are not stories: they are in no feed, listing or search, only in the
/// sitemap and wherever an editor links them.
public struct SitePage: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<SitePage>
    /// The store identifier.
    public let id: ID
    /// What the editor wrote, with the rendered body.
    public var content: PageContent
    /// Draft or published.
    public var status: PageStatus
    /// When it was first published, if it was.
    public var publishedAt: Date?
    /// When it was first stored.
    public var createdAt: Date
    /// When it was last changed.
    public var updatedAt: Date
    /// Grows with every change, so a save based on an older version can be refused.
    public var version: Int

    /// Creates a page value.
    public init(id: ID, content: PageContent, status: PageStatus, publishedAt: Date?, createdAt: Date, updatedAt: Date, version: Int = 1) {
        self.id = id
        self.content = content
        self.status = status
        self.publishedAt = publishedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// Everything an editor writes about a page, plus its rendered body; validated on creation.
public struct PageContent: Hashable, Sendable {
    /// The address at the site's root: `/about` for `about`.
    public var slug: Slug
    /// The page's heading and document title.
    public var title: String
    /// The Markdown body and its renderings; its excerpt is the page's description.
    public var body: RenderedBody
    /// The image shown at the top, if any.
    public var topMediaID: Media.ID?
    /// Where the page is linked on every page of the site.
    public var placement: PagePlacement
    /// Its place among the pages linked in the same place, smallest first.
    public var position: Int

    /// Validates and creates page content; throws `ValidationError` naming the first bad field.
    public init(slug: Slug, title: String, body: RenderedBody, topMediaID: Media.ID? = nil, placement: PagePlacement = .none, position: Int = 0)
        throws(ValidationError)
    {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ValidationError(field: "title", message: "A page needs a title.") }
        guard title.count <= ArticleContent.maximumTitleLength else {
            throw ValidationError(field: "title", message: "A title can be at most \(ArticleContent.maximumTitleLength) characters long.")
        }
        guard !ReservedPaths.isReserved(slug) else {
            throw ValidationError(
                field: "slug", message: "/\(slug) is one of the site's own addresses; choose another, such as /\(ReservedPaths.available(slug)).")
        }
        guard (-1_000...1_000).contains(position) else { throw ValidationError(field: "position", message: "The order must be a whole number from -1000 to 1000.") }
        self.slug = slug
        self.title = title
        self.body = body
        self.topMediaID = topMediaID
        self.placement = placement
        self.position = position
    }
}

/// The first segments of the addresses Kiosk's own routes answer, in one list: a page (made in the
/// newsroom or imported) can never take one, so no page can shadow a route. A route added later
/// must add its first segment here; a router test fails until it does.
public enum ReservedPaths {
    /// Every reserved first segment: today's routes, and the ones later features announce.
    public static let segments: Set<String> = [
        "admin", "api", "articles", "assets", "authors", "feed.atom", "feed.json", "feed.xml", "healthz", "latest", "media",
        "newsletter", "readyz", "robots.txt", "search", "sections", "series", "setup", "sitemap-news.xml", "sitemap.xml", "sitemaps",
        "topics", "favicon.ico", ".well-known", "feed", "claims", "corrections", "parties", "threads", "p", "page", "tag", "category",
        "wp-admin", "wp-content", "wp-login.php", "xmlrpc.php",
    ]

    /// Whether `slug` is one of the site's own first segments.
    public static func isReserved(_ slug: Slug) -> Bool {
        segments.contains(slug.rawValue)
    }

    /// `slug` itself when it is free of the reserved names, otherwise `slug-page` (or `slug-page-2`,
    /// and so on, should that be reserved too): what an import renames a colliding page to.
    public static func available(_ slug: Slug) -> Slug {
        guard isReserved(slug) else { return slug }
        for suffix in ["page"] + (2...9).map({ "page-\($0)" }) {
            if let renamed = Slug.parse(String(slug.rawValue.prefix(Slug.maximumLength - suffix.count - 1)) + "-" + suffix), !isReserved(renamed) {
                return renamed
            }
        }
        return slug
    }
}

/// A page as the newsroom saved it once, to compare and restore.
public struct PageRevision: Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<PageRevision>
    /// The store identifier.
    public let id: ID
    /// The page it belongs to.
    public let pageID: SitePage.ID
    /// Who saved it, by name (kept even if the account is removed).
    public let savedBy: String
    /// When it was saved.
    public let savedAt: Date
    /// Why it exists (created, saved or restored).
    public let kind: RevisionKind
    /// The fields as they were.
    public let draft: PageDraft

    /// Creates a revision value.
    public init(id: ID, pageID: SitePage.ID, savedBy: String, savedAt: Date, kind: RevisionKind, draft: PageDraft) {
        self.id = id
        self.pageID = pageID
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.kind = kind
        self.draft = draft
    }
}

/// A page's editable fields as an editor typed them, unvalidated: what a revision keeps.
public struct PageDraft: Sendable, Equatable {
    /// The title.
    public var title: String
    /// The slug.
    public var slug: String
    /// The Markdown body.
    public var markdown: String
    /// The top image, if any.
    public var topMediaID: Media.ID?
    /// Where it is linked.
    public var placement: PagePlacement
    /// Its place among the pages linked in the same place.
    public var position: Int

    /// Creates a draft.
    public init(title: String, slug: String, markdown: String, topMediaID: Media.ID?, placement: PagePlacement, position: Int) {
        self.title = title
        self.slug = slug
        self.markdown = markdown
        self.topMediaID = topMediaID
        self.placement = placement
        self.position = position
    }

    /// The fields of `content`.
    public init(_ content: PageContent) {
        self.init(
            title: content.title, slug: content.slug.rawValue, markdown: content.body.markdown, topMediaID: content.topMediaID,
            placement: content.placement, position: content.position)
    }

    /// The fields written out as text, for comparing two revisions line by line.
    public var text: String {
        "Title: \(title)\nAddress: /\(slug)\nLinked: \(placement.displayName), order \(position)\n\n\(markdown)"
    }
}

/// A revision to keep with a change: who saved what, and why.
public struct NewPageRevision: Sendable, Equatable {
    /// Why it exists.
    public let kind: RevisionKind
    /// Who saved it, by name.
    public let savedBy: String
    /// The fields saved.
    public let draft: PageDraft

    /// The revision of `content` saved by `author`.
    public init(kind: RevisionKind, by author: ChangeAuthor, content: PageContent) {
        self.kind = kind
        savedBy = author.name
        draft = PageDraft(content)
    }
}

/// What one save changes on a page, as the rules decided it. The store writes all of it in one
/// transaction and bumps the page's version.
public struct PageChange: Sendable {
    /// The new content, if the save brings any.
    public var content: PageContent?
    /// The new status.
    public var status: PageStatus
    /// When it was first published (kept once set).
    public var publishedAt: Date?
    /// The revision kept with the change, if any.
    public var revision: NewPageRevision?
    /// Whether readers can see the difference, so the public site's caches must drop their pages.
    public var visibleToReaders: Bool
}

/// How saves of pages are decided: the same edit-conflict policy as articles, publishing and
/// taking back, and whether readers see the result.
public enum PageEdits {
    /// The change a save makes: `content` replaces the page's when `expectedVersion` is still the
    /// stored one, and the page becomes `status`; `revision` is kept.
    public static func save(_ current: SitePage, content: PageContent?, status: PageStatus, expectedVersion: Int, revision: NewPageRevision?, now: Date)
        throws(StaleEdit) -> PageChange
    {
        guard current.version == expectedVersion else { throw StaleEdit(currentVersion: current.version) }
        let publishedAt = current.publishedAt ?? (status == .published ? now : nil)
        return PageChange(
            content: content, status: status, publishedAt: publishedAt, revision: revision,
            visibleToReaders: current.status == .published || status == .published)
    }
}

/// A published page linked in the header or footer.
public struct PageLink: Sendable, Hashable {
    /// The page's title.
    public let title: String
    /// Its slug.
    public let slug: Slug
    /// Where it is linked.
    public let placement: PagePlacement

    /// Creates a link.
    public init(title: String, slug: Slug, placement: PagePlacement) {
        self.title = title
        self.slug = slug
        self.placement = placement
    }
}

/// A published page with what its page shows.
public struct PageDetail: Sendable {
    /// The page.
    public let page: SitePage
    /// Its top image, if any.
    public let topImage: Media?

    /// Creates the detail.
    public init(page: SitePage, topImage: Media?) {
        self.page = page
        self.topImage = topImage
    }
}
