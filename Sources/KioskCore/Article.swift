import Foundation

/// The editorial format of an article, shown first in the kicker ("Reporting | Europe").
public enum ArticleFormat: String, Sendable, CaseIterable, Codable {
    case reporting, analysis, opinion, explainer, interview, review

    /// The label readers see.
    public var displayName: String {
        switch self {
        case .reporting: "Reporting"
        case .analysis: "Analysis"
        case .opinion: "Opinion"
        case .explainer: "Explainer"
        case .interview: "Interview"
        case .review: "Review"
        }
    }
}

/// Where an article is in its life: only published articles are visible to readers.
public enum ArticleStatus: String, Sendable, CaseIterable, Codable {
    case draft, scheduled, published
}

/// A story as stored: the Markdown an editor wrote and the HTML rendered from it when it was saved.
public struct Article: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Article>
    /// The store identifier.
    public let id: ID
    /// What the editor wrote, with the rendered body.
    public var content: ArticleContent
    /// Draft, scheduled or published.
    public var status: ArticleStatus
    /// When it went (or goes) live.
    public var publishedAt: Date?
    /// When it was first stored.
    public var createdAt: Date
    /// When it was last changed.
    public var updatedAt: Date
    /// Grows with every change, so a save based on an older version can be refused.
    public var version: Int
    /// The newsroom account that started it, if any (contributors may edit only their own).
    public var ownerID: User.ID?
    /// When a draft was handed to the editors for review, if it was.
    public var submittedAt: Date?
    /// When it was moved to the trash, if it is there.
    public var trashedAt: Date?

    /// Creates an article value.
    public init(
        id: ID, content: ArticleContent, status: ArticleStatus, publishedAt: Date?, createdAt: Date, updatedAt: Date,
        version: Int = 1, ownerID: User.ID? = nil, submittedAt: Date? = nil, trashedAt: Date? = nil
    ) {
        self.id = id
        self.content = content
        self.status = status
        self.publishedAt = publishedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.ownerID = ownerID
        self.submittedAt = submittedAt
        self.trashedAt = trashedAt
    }
}

/// Everything an editor writes about an article, plus its rendered body; validated on creation.
public struct ArticleContent: Hashable, Sendable {
    /// The longest headline accepted, in characters.
    public static let maximumTitleLength = 300

    /// The URL segment that names it.
    public var slug: Slug
    /// The headline.
    public var title: String
    /// The standfirst under the headline, also the meta description.
    public var dek: String
    /// The editorial format shown in the kicker.
    public var format: ArticleFormat
    /// The primary section.
    public var sectionID: Section.ID
    /// The topics (tags), sorted.
    public var topicIDs: [Topic.ID]
    /// The series (recurring column), if any.
    public var seriesID: Series.ID?
    /// Authors in byline order; never empty.
    public var authorIDs: [Author.ID]
    /// The image shown at the top, if any.
    public var topMediaID: Media.ID?
    /// The Markdown body and its renderings.
    public var body: RenderedBody
    /// Overrides for search engines and sharing.
    public var seo: SEOFields

    /// Validates and creates article content; throws `ValidationError` naming the first bad field.
    public init(
        slug: Slug, title: String, dek: String, format: ArticleFormat, sectionID: Section.ID,
        topicIDs: [Topic.ID] = [], seriesID: Series.ID? = nil, authorIDs: [Author.ID],
        topMediaID: Media.ID? = nil, body: RenderedBody, seo: SEOFields = SEOFields()
    ) throws(ValidationError) {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ValidationError(field: "title", message: "A headline is required.") }
        guard title.count <= Self.maximumTitleLength else {
            throw ValidationError(field: "title", message: "A headline can be at most \(Self.maximumTitleLength) characters long.")
        }
        guard !authorIDs.isEmpty else { throw ValidationError(field: "authors", message: "An article needs at least one author.") }
        guard Set(authorIDs).count == authorIDs.count else {
            throw ValidationError(field: "authors", message: "Each author can appear only once in a byline.")
        }
        self.slug = slug
        self.title = title
        self.dek = dek.trimmingCharacters(in: .whitespacesAndNewlines)
        self.format = format
        self.sectionID = sectionID
        self.topicIDs = Array(Set(topicIDs)).sorted()
        self.seriesID = seriesID
        self.authorIDs = authorIDs
        self.topMediaID = topMediaID
        self.body = body
        self.seo = seo
    }
}

/// An article body in Markdown with the HTML pieces rendered from it at save time.
public struct RenderedBody: Hashable, Sendable {
    /// What the editor wrote.
    public var markdown: String
    /// The full body as safe HTML.
    public var html: String
    /// The first paragraphs as safe HTML, shown when a teaser card is expanded.
    public var openingHTML: String
    /// A plain-text summary of the opening, for teasers and descriptions.
    public var excerpt: String

    /// Bundles a body with its renderings.
    public init(markdown: String, html: String, openingHTML: String, excerpt: String) {
        self.markdown = markdown
        self.html = html
        self.openingHTML = openingHTML
        self.excerpt = excerpt
    }
}

/// Optional overrides for search engines and sharing.
public struct SEOFields: Hashable, Sendable {
    /// The document title override.
    public var title: String?
    /// The meta description override.
    public var description: String?
    /// The canonical address when it is not this site.
    public var canonicalURL: String?

    /// Creates overrides; empty strings count as absent.
    public init(title: String? = nil, description: String? = nil, canonicalURL: String? = nil) {
        self.title = title.nonEmpty
        self.description = description.nonEmpty
        self.canonicalURL = canonicalURL.nonEmpty
    }
}

extension Optional<String> {
    fileprivate var nonEmpty: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
