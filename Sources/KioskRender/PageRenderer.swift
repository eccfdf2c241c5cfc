import Foundation
import KioskCore

/// The kind of a listing page, with the heading label readers see.
public enum ListingKind: String, Sendable {
    case latest = "Latest"
    case section = "Section"
    case topic = "Topic"
    case series = "Series"
    case author = "Author"

    /// Whether the listing has feeds of its own (Latest is the site-wide feed).
    var hasOwnFeeds: Bool { self != .latest }
}

/// A listing to render: its kind, heading, description, links and page of stories.
public struct ListingContent: Sendable {
    /// What is listed.
    public let kind: ListingKind
    /// The listing heading.
    public let heading: String
    /// A sentence or two about it.
    public let description: String
    /// The listing's own address, without page query.
    public let path: String
    /// Extra links (an author's profiles).
    public let links: [SocialLink]
    /// A photo shown with the heading (an author's).
    public let photo: Media?
    /// The page of stories.
    public let page: Page<ArticleSummary>

    /// Creates listing content.
    public init(
        kind: ListingKind, heading: String, description: String, path: String, links: [SocialLink] = [], photo: Media? = nil,
        page: Page<ArticleSummary>
    ) {
        self.kind = kind
        self.heading = heading
        self.description = description
        self.path = path
        self.links = links
        self.photo = photo
        self.page = page
    }
}

/// Turns the store's read models into HTML pages with the theme's templates.
public struct PageRenderer: Sendable {
    let theme: Theme
    /// Absolute base of public URLs, e.g. "https://example.org", without trailing slash.
    let publicURL: String
    /// The current time, for the footer's year; injected so rendered pages can be compared in tests.
    let now: @Sendable () -> Date

    /// Creates a renderer for `theme`, building absolute links from `publicURL`.
    public init(theme: Theme, publicURL: String, now: @escaping @Sendable () -> Date = Date.init) {
        self.theme = theme
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.now = now
    }

    /// The front page.
    public func frontPage(_ front: FrontPage, site: SiteContext) -> String {
        let dates = DateStyle(settings: site.settings)
        let view = HomePageView(
            site: siteView(site, currentPath: SitePaths.home),
            meta: MetaView(
                title: site.settings.name, description: site.settings.description,
                canonicalURL: publicURL + SitePaths.home, robots: nil,
                shareTitle: site.settings.name, type: "website", locale: Self.openGraphLocale(site.settings.locale),
                image: nil, feeds: feedLinks(site: site)),
            lead: front.lead.map { teaser($0, dates: dates) },
            latest: front.latest.map { teaser($0, dates: dates) },
            moreURL: front.latest.isEmpty ? nil : SitePaths.page(2, of: SitePaths.latest)
        )
        return theme.render(view)
    }

    /// How wide a picture in the text column is drawn, for `sizes`.
    static let columnSizes = "(min-width: 48rem) 42rem, 100vw"

    /// An article page with its series navigation and related stories; `bodyImages` are the
    /// library images its text shows (`BodyImages.fileNames`), by file name.
    public func articlePage(_ detail: ArticleDetail, site: SiteContext, bodyImages: [String: Media]) -> String {
        let dates = DateStyle(settings: site.settings)
        let article = detail.article
        let content = article.content
        let path = SitePaths.article(content.slug)
        let canonical = content.seo.canonicalURL ?? publicURL + path
        let published = article.publishedAt ?? article.createdAt
        let wasUpdated = article.updatedAt.timeIntervalSince(published) > 60
        let publishedView = dates.view(published)
        let modified = dates.view(max(article.updatedAt, published))
        let shareTitle = content.seo.title ?? content.title
        let description = content.seo.description ?? (content.dek.isEmpty ? content.body.excerpt : content.dek)
        let view = ArticlePageView(
            site: siteView(site, currentPath: SitePaths.section(detail.section.slug)),
            meta: MetaView(
                title: shareTitle + " | " + site.settings.name,
                description: description,
                canonicalURL: canonical, robots: nil,
                shareTitle: shareTitle, type: "article", locale: Self.openGraphLocale(site.settings.locale),
                image: detail.topMedia.map(absoluteImageView), feeds: feedLinks(site: site)),
            format: content.format.displayName,
            section: LinkView(label: detail.section.name, url: SitePaths.section(detail.section.slug)),
            series: detail.series.map { LinkView(label: $0.name, url: SitePaths.series($0.slug)) },
            title: content.title,
            dek: content.dek,
            bylines: Self.bylineLinks(detail.authors),
            published: publishedView,
            updated: wasUpdated ? dates.view(article.updatedAt) : nil,
            modified: modified,
            image: detail.topMedia.map(imageView),
            bodyHTML: BodyImages.responsive(content.body.html, images: bodyImages, sizes: Self.columnSizes),
            topics: detail.topics.map { LinkView(label: $0.name, url: SitePaths.topic($0.slug)) },
            previousInSeries: detail.previousInSeries.map { teaser($0, dates: dates) },
            nextInSeries: detail.nextInSeries.map { teaser($0, dates: dates) },
            related: detail.related.map { teaser($0, dates: dates) },
            shareLinks: shareLinks(title: content.title, url: canonical),
            structuredData: structuredData(
                detail, site: site, canonicalURL: canonical, description: description,
                published: publishedView.iso, modified: modified.iso)
        )
        return theme.render(view)
    }

    /// A page of a listing (Latest, section, topic, series, author).
    public func listingPage(_ listing: ListingContent, site: SiteContext) -> String {
        let dates = DateStyle(settings: site.settings)
        let page = listing.page
        let suffix = page.number > 1 ? " (page \(page.number))" : ""
        let ownFeeds = listing.kind.hasOwnFeeds ? (name: listing.heading, path: listing.path) : nil
        let view = ListingPageView(
            site: siteView(site, currentPath: listing.path),
            meta: MetaView(
                title: listing.heading + suffix + " | " + site.settings.name,
                description: listing.description.isEmpty ? site.settings.description : listing.description,
                canonicalURL: publicURL + SitePaths.page(page.number, of: listing.path), robots: nil,
                shareTitle: listing.heading + suffix, type: "website", locale: Self.openGraphLocale(site.settings.locale),
                image: nil, feeds: feedLinks(site: site, listing: ownFeeds)),
            kind: listing.kind.rawValue,
            heading: listing.heading,
            description: listing.description,
            links: listing.links.map { LinkView(label: $0.label, url: $0.url) },
            photo: listing.photo.map(imageView),
            items: page.items.map { teaser($0, dates: dates) },
            pagination: PaginationView(
                number: page.number, totalPages: page.totalPages,
                previousURL: page.hasPrevious ? SitePaths.page(page.number - 1, of: listing.path) : nil,
                nextURL: page.hasNext ? SitePaths.page(page.number + 1, of: listing.path) : nil)
        )
        return theme.render(view)
    }

    /// The search page: the form, and for a query its page of results with the matches marked.
    public func searchPage(_ query: SearchQuery, results: Page<SearchResult>, site: SiteContext) -> String {
        let dates = DateStyle(settings: site.settings)
        let heading = query.isEmpty ? "Search" : "Search: \(query.text)"
        func address(_ number: Int) -> String {
            var items = [URLQueryItem(name: "q", value: query.text)]
            if let section = query.section { items.append(URLQueryItem(name: "section", value: section.rawValue)) }
            if number > 1 { items.append(URLQueryItem(name: "page", value: String(number))) }
            var components = URLComponents()
            components.path = SitePaths.search
            components.queryItems = items
            return components.string ?? SitePaths.search
        }
        let view = SearchPageView(
            site: siteView(site, currentPath: SitePaths.search),
            meta: MetaView(
                title: heading + " | " + site.settings.name, description: "Search " + site.settings.name + ".",
                canonicalURL: publicURL + SitePaths.search, robots: "noindex", shareTitle: heading, type: "website",
                locale: Self.openGraphLocale(site.settings.locale), image: nil, feeds: feedLinks(site: site)),
            query: query.text,
            sections: site.sections.map { OptionView(label: $0.name, value: $0.slug.rawValue, selected: $0.slug == query.section) },
            hasQuery: !query.isEmpty,
            total: results.totalItems,
            results: results.items.map { SearchResultView(teaser: teaser($0.summary, dates: dates), snippetHTML: Self.snippetHTML($0.snippet)) },
            pagination: PaginationView(
                number: results.number, totalPages: results.totalPages,
                previousURL: results.hasPrevious ? address(results.number - 1) : nil,
                nextURL: results.hasNext ? address(results.number + 1) : nil)
        )
        return theme.render(view)
    }

    /// A snippet as safe HTML: everything escaped, then the match marks turned into `<mark>`.
    static func snippetHTML(_ snippet: String) -> String {
        HTMLEscaping.escape(snippet)
            .replacingOccurrences(of: String(SearchResult.matchStart), with: "<mark>")
            .replacingOccurrences(of: String(SearchResult.matchEnd), with: "</mark>")
    }

    /// A standing page of the publication (About, Masthead…); `bodyImages` as for `articlePage`.
    public func standingPage(_ detail: PageDetail, site: SiteContext, bodyImages: [String: Media]) -> String {
        let page = detail.page
        let path = SitePaths.page(page.content.slug)
        let view = StandingPageView(
            site: siteView(site, currentPath: path),
            meta: MetaView(
                title: page.content.title + " | " + site.settings.name,
                description: page.content.body.excerpt.isEmpty ? site.settings.description : page.content.body.excerpt,
                canonicalURL: publicURL + path, robots: nil, shareTitle: page.content.title, type: "website",
                locale: Self.openGraphLocale(site.settings.locale), image: detail.topImage.map(absoluteImageView), feeds: feedLinks(site: site)),
            title: page.content.title, image: detail.topImage.map(imageView), bodyHTML: BodyImages.responsive(page.content.body.html, images: bodyImages, sizes: Self.columnSizes),
            updated: DateStyle(settings: site.settings).view(page.updatedAt))
        return theme.render(view)
    }

    /// A friendly error page; the status decides the wording, never the error's details.
    public func errorPage(status: Int, site: SiteContext) -> String {
        let (heading, message) = Self.wording(for: status)
        let view = ErrorPageView(
            site: siteView(site, currentPath: ""),
            meta: MetaView(
                title: heading + " | " + site.settings.name, description: message, canonicalURL: publicURL + "/", robots: "noindex",
                shareTitle: heading, type: "website", locale: Self.openGraphLocale(site.settings.locale),
                image: nil, feeds: feedLinks(site: site)),
            status: status, heading: heading, message: message
        )
        return theme.render(view)
    }

    static func wording(for status: Int) -> (String, String) {
        switch status {
        case 404: ("Page not found", "We could not find that page. It may have moved, or the address may be mistyped.")
        case 413: ("Too much sent", "What your browser sent is larger than this page accepts. Shorten it and try again.")
        case 400..<500: ("Request not understood", "Your browser sent a request this site cannot answer. Check the address and try again.")
        case 503: ("Back in a moment", "This page cannot be shown just now, while we reconnect to our database. Please try again in a minute.")
        default: ("Something went wrong", "We could not show this page just now. Please try again in a moment.")
        }
    }

    private func siteView(_ site: SiteContext, currentPath: String) -> SiteView {
        let settings = site.settings
        return SiteView(
            name: settings.name,
            description: settings.description,
            about: settings.about,
            language: settings.locale,
            sections: site.sections.map {
                let url = SitePaths.section($0.slug)
                return LinkView(label: $0.name, url: url, current: url == currentPath)
            },
            navigation: settings.navigation.map { LinkView(label: $0.label, url: $0.url, current: $0.url == currentPath) },
            headerPages: pageLinks(site, .header, currentPath: currentPath),
            footerPages: pageLinks(site, .footer, currentPath: currentPath),
            socialProfiles: settings.socialProfiles.map { LinkView(label: $0.label, url: $0.url) },
            logo: site.logo.map(imageView),
            currentPath: currentPath,
            assetVersion: theme.assetVersion,
            year: String(Calendar(identifier: .gregorian).component(.year, from: now()))
        )
    }

    private func pageLinks(_ site: SiteContext, _ placement: PagePlacement, currentPath: String) -> [LinkView] {
        site.pages.filter { $0.placement == placement }.map {
            let url = SitePaths.page($0.slug)
            return LinkView(label: $0.title, url: url, current: url == currentPath)
        }
    }

    private func teaser(_ summary: ArticleSummary, dates: DateStyle) -> TeaserView {
        TeaserView(
            id: "story-\(summary.id)",
            url: SitePaths.article(summary.slug),
            title: summary.title,
            dek: summary.dek,
            format: summary.format.displayName,
            section: LinkView(label: summary.section.name, url: SitePaths.section(summary.section.slug)),
            series: summary.series.map { LinkView(label: $0.name, url: SitePaths.series($0.slug)) },
            byline: Self.byline(summary.authors.map(\.name)),
            excerpt: summary.excerpt,
            openingHTML: summary.openingHTML,
            image: summary.topMedia.map(imageView),
            published: dates.view(summary.publishedAt)
        )
    }

    /// `media` for `<picture>`: its renditions in every type made, narrowest first, the fallback
    /// type's widest in `src`; the original's address alone while none are made.
    private func imageView(_ media: Media) -> ImageView {
        let image = ResponsiveImage(media)
        return ImageView(
            url: image.src, alt: media.alt, width: image.width, height: image.height, caption: media.caption, credit: media.credit,
            sources: image.sources, srcset: image.srcset)
    }

    /// `media` with an absolute URL, for share cards: its 1200 × 630 JPEG crop once made.
    private func absoluteImageView(_ media: Media) -> ImageView {
        guard let card = media.madeRenditions?.crops[.card] else {
            return ImageView(
                url: publicURL + SitePaths.media(media.fileName), alt: media.alt, width: media.width, height: media.height,
                caption: media.caption, credit: media.credit)
        }
        return ImageView(
            url: publicURL + card.path, alt: media.alt, width: card.width, height: card.height, caption: media.caption, credit: media.credit)
    }

    /// Autodiscovery links: the listing's own feeds (if given), then the site-wide ones, each in every format.
    private func feedLinks(site: SiteContext, listing: (name: String, path: String)? = nil) -> [FeedLinkView] {
        let siteName = site.settings.name
        var links: [FeedLinkView] = []
        if let listing {
            links += FeedFormat.allCases.map { format in
                FeedLinkView(
                    title: "\(listing.name) — \(siteName) (\(format.title))", url: SitePaths.feed(of: listing.path, format: format),
                    mediaType: Self.mediaType(of: format))
            }
        }
        links += FeedFormat.allCases.map { format in
            FeedLinkView(
                title: "\(siteName) (\(format.title))", url: SitePaths.feed(of: SitePaths.home, format: format),
                mediaType: Self.mediaType(of: format))
        }
        return links
    }

    /// The feed's media type without its charset, as `<link type>` wants it.
    static func mediaType(of format: FeedFormat) -> String {
        String(format.contentType.prefix { $0 != ";" })
    }

    /// The OpenGraph form of a BCP 47 tag: "en-GB" becomes "en_GB", "en" stays "en".
    static func openGraphLocale(_ tag: String) -> String {
        let language = Locale.Language(identifier: tag)
        guard let code = language.languageCode?.identifier else { return tag.replacingOccurrences(of: "-", with: "_") }
        guard let region = language.region?.identifier else { return code }
        return code + "_" + region
    }

    private func shareLinks(title: String, url: String) -> [LinkView] {
        let text = Self.queryEscaped(title)
        let link = Self.queryEscaped(url)
        return [
            LinkView(label: "Email", url: "mailto:?subject=\(text)&body=\(link)"),
            LinkView(label: "Bluesky", url: "https://bsky.app/intent/compose?text=\(text)%20\(link)"),
            LinkView(label: "LinkedIn", url: "https://www.linkedin.com/sharing/share-offsite/?url=\(link)"),
        ]
    }

    /// Author links with the separators of "A", "A and B", "A, B and C".
    static func bylineLinks(_ authors: [Author]) -> [LinkView] {
        authors.enumerated().map { index, author in
            let remaining = authors.count - index - 1
            let separator = remaining > 1 ? ", " : (remaining == 1 ? " and " : "")
            return LinkView(label: author.name, url: SitePaths.author(author.slug), separator: separator)
        }
    }

    /// "A", "A and B", "A, B and C".
    static func byline(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        guard names.count > 1 else { return last }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Formats dates in the publication's locale and time zone.
struct DateStyle {
    /// The long date readers see.
    let style: Date.FormatStyle
    /// The local date and time in ISO 8601, without the offset (added by `iso(_:)`).
    let localISOStyle: Date.ISO8601FormatStyle
    /// The publication's time zone.
    let zone: TimeZone

    /// Creates the styles of the publication's settings.
    init(settings: SiteSettings) {
        zone = TimeZone(identifier: settings.timeZone) ?? .gmt
        style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: settings.locale), calendar: Calendar(identifier: .gregorian), timeZone: zone)
        localISOStyle = Date.ISO8601FormatStyle(timeZone: zone).year().month().day().dateTimeSeparator(.standard).time(includingFractionalSeconds: false)
    }

    /// The date as shown and in ISO 8601.
    func view(_ date: Date) -> DateView {
        DateView(display: date.formatted(style), iso: iso(date))
    }

    /// ISO 8601 in the publication's time zone, always with an explicit offset ("+01:00", "+00:00", never "Z").
    func iso(_ date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let minutes = abs(offset) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return date.formatted(localISOStyle) + (offset < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}

/// What a newsletter page shows: a heading, a message, and one form, if any.
public struct NewsletterPageContent: Sendable {
    /// The form on the page.
    public enum Form: Sendable {
        /// Sign up for any of the newsletters.
        case signUp([NewsletterChoice])
        /// A button that confirms a pending subscription (link scanners only follow GETs).
        case confirm(action: String)
        /// A button that unsubscribes.
        case unsubscribe(action: String)
        /// Checkboxes to choose newsletters, and a way to leave them all.
        case preferences(action: String, choices: [NewsletterChoice])
    }

    /// The page's address.
    public let path: String
    /// The page's heading.
    public let heading: String
    /// The text under the heading.
    public let message: String
    /// The form, if any.
    public let form: Form?
    /// Sent issues for the archive list, newest first.
    public let archive: [ArchiveEntry]

    /// Creates the content.
    public init(path: String, heading: String, message: String, form: Form?, archive: [ArchiveEntry] = []) {
        self.path = path
        self.heading = heading
        self.message = message
        self.form = form
        self.archive = archive
    }
}

/// A newsletter in a sign-up or preferences form.
public struct NewsletterChoice: Sendable {
    /// The form value.
    public let slug: String
    /// Its name.
    public let name: String
    /// What it brings.
    public let description: String
    /// Whether the box is ticked.
    public let checked: Bool

    /// Creates the value.
    public init(slug: String, name: String, description: String, checked: Bool) {
        self.slug = slug
        self.name = name
        self.description = description
        self.checked = checked
    }
}

/// A sent issue in the public archive.
public struct ArchiveEntry: Sendable {
    /// The subject.
    public let subject: String
    /// Its web address.
    public let url: String
    /// When it was sent.
    public let sentAt: Date

    /// Creates the value.
    public init(subject: String, url: String, sentAt: Date) {
        self.subject = subject
        self.url = url
        self.sentAt = sentAt
    }
}

extension PageRenderer {
    /// A newsletter page: the list with its sign-up form and archive, or a step of confirming,
    /// choosing and leaving.
    public func newsletterPage(_ content: NewsletterPageContent, site: SiteContext) -> String {
        let dates = DateStyle(settings: site.settings)
        var choices: [NewsletterChoice] = []
        var action = ""
        var kind = ""
        switch content.form {
        case .signUp(let list): (kind, choices, action) = ("signUp", list, SitePaths.newsletterSubscribe)
        case .confirm(let target): (kind, action) = ("confirm", target)
        case .unsubscribe(let target): (kind, action) = ("unsubscribe", target)
        case .preferences(let target, let list): (kind, choices, action) = ("preferences", list, target)
        case nil: break
        }
        let view = NewsletterPageView(
            site: siteView(site, currentPath: content.path),
            meta: MetaView(
                title: content.heading + " | " + site.settings.name, description: content.message, canonicalURL: publicURL + content.path,
                robots: content.path == SitePaths.newsletter ? nil : "noindex", shareTitle: content.heading, type: "website",
                locale: Self.openGraphLocale(site.settings.locale), image: nil, feeds: feedLinks(site: site)),
            heading: content.heading, message: content.message, formKind: kind, action: action,
            choices: choices.map { ChoiceView(name: $0.name, slug: $0.slug, checked: $0.checked, description: $0.description) },
            archive: content.archive.map { ArchiveView(subject: $0.subject, url: $0.url, sent: dates.view($0.sentAt)) })
        return theme.render(view)
    }
}
