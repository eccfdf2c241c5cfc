import Foundation

/// Which articles a feed carries: the whole site's, or one listing's.
public enum FeedScope: Sendable, Hashable {
    case site
    case section(Slug)
    case topic(Slug)
    case series(Slug)
    case author(Slug)
}

/// One article in a feed, with what a feed carries beyond a teaser.
public struct FeedEntry: Sendable {
    /// The article as a listing shows it.
    public let summary: ArticleSummary
    /// The whole body as safe HTML.
    public let bodyHTML: String
    /// When it was last changed.
    public let updatedAt: Date

    /// Creates an entry.
    public init(summary: ArticleSummary, bodyHTML: String, updatedAt: Date) {
        self.summary = summary
        self.bodyHTML = bodyHTML
        self.updatedAt = updatedAt
    }
}

/// A feed's subject and its newest entries.
public struct FeedContent: Sendable {
    /// The listing's name, or `nil` for the whole site.
    public let title: String?
    /// What the listing is about; empty for the whole site.
    public let description: String
    /// The listing's address (`/` for the whole site).
    public let path: String
    /// Newest first.
    public let entries: [FeedEntry]

    /// Creates feed content.
    public init(title: String?, description: String, path: String, entries: [FeedEntry]) {
        self.title = title
        self.description = description
        self.path = path
        self.entries = entries
    }
}

/// An address in a sitemap and when what it shows last changed.
public struct SitemapEntry: Sendable, Equatable {
    /// The page's path.
    public let path: String
    /// The last change, if anything is known.
    public let lastModified: Date?

    /// Creates an entry.
    public init(path: String, lastModified: Date?) {
        self.path = path
        self.lastModified = lastModified
    }
}

/// The kinds of listing pages that have a sitemap of their own.
public enum SitemapListing: String, Sendable, CaseIterable {
    case sections, topics, series, authors, pages
}

/// An article in the Google News sitemap.
public struct NewsSitemapEntry: Sendable, Equatable {
    /// The article's path.
    public let path: String
    /// The headline.
    public let title: String
    /// When it was published.
    public let publishedAt: Date

    /// Creates an entry.
    public init(path: String, title: String, publishedAt: Date) {
        self.path = path
        self.title = title
        self.publishedAt = publishedAt
    }
}
