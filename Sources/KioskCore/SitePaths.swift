/// The public URL paths of the reader's site, in one place so links and routes agree.
public enum SitePaths {
    /// The front page.
    public static let home = "/"
    /// The reverse-chronological river of everything published.
    public static let latest = "/latest"

    /// The page of one article.
    public static func article(_ slug: Slug) -> String { "/articles/\(slug)" }
    /// A standing page, at the site's root.
    public static func page(_ slug: Slug) -> String { "/\(slug)" }
    /// The listing of a section.
    public static func section(_ slug: Slug) -> String { "/sections/\(slug)" }
    /// The listing of a topic.
    public static func topic(_ slug: Slug) -> String { "/topics/\(slug)" }
    /// The archive of a series.
    public static func series(_ slug: Slug) -> String { "/series/\(slug)" }
    /// The page of an author.
    public static func author(_ slug: Slug) -> String { "/authors/\(slug)" }
    /// A stored media file.
    public static func media(_ fileName: String) -> String { "/media/\(fileName)" }
    /// A file of the theme's assets.
    public static func asset(_ fileName: String, version: String) -> String { "/assets/\(fileName)?v=\(version)" }

    /// The search page.
    public static let search = "/search"
    /// The newsletters, their sign-up form and archive.
    public static let newsletter = "/newsletter"
    /// Where the sign-up form posts.
    public static let newsletterSubscribe = "/newsletter/subscribe"

    /// The web version of a sent issue.
    public static func newsletterIssue(_ id: Int64) -> String { "/newsletter/archive/\(id)" }
    /// The robots.txt file.
    public static let robots = "/robots.txt"
    /// The sitemap index.
    public static let sitemapIndex = "/sitemap.xml"
    /// The Google News sitemap: articles of the last two days.
    public static let newsSitemap = "/sitemap-news.xml"

    /// The feed of `listing` (a path such as `/` or `/sections/europe`) in `format`.
    public static func feed(of listing: String, format: FeedFormat) -> String {
        (listing == home ? "" : listing) + "/feed." + format.fileExtension
    }

    /// `path` for page `number` of a listing; page 1 has no query.
    public static func page(_ number: Int, of path: String) -> String {
        number == 1 ? path : "\(path)?page=\(number)"
    }
}

/// The syndication formats Kiosk publishes.
public enum FeedFormat: String, Sendable, CaseIterable {
    case rss, atom, json

    /// The file extension in the feed's address.
    public var fileExtension: String {
        switch self {
        case .rss: "xml"
        case .atom: "atom"
        case .json: "json"
        }
    }

    /// The media type of the feed.
    public var contentType: String {
        switch self {
        case .rss: "application/rss+xml; charset=utf-8"
        case .atom: "application/atom+xml; charset=utf-8"
        case .json: "application/feed+json; charset=utf-8"
        }
    }

    /// The name readers' software shows for it.
    public var title: String {
        switch self {
        case .rss: "RSS"
        case .atom: "Atom"
        case .json: "JSON Feed"
        }
    }
}
