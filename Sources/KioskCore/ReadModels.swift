import Foundation

/// What a reader-facing list or teaser needs to know about an article, fetched in one go.
public struct ArticleSummary: Hashable, Sendable, Identifiable {
    /// The store identifier.
    public let id: Article.ID
    /// The URL segment that names it.
    public let slug: Slug
    /// The headline.
    public let title: String
    /// The standfirst under the headline, also the meta description.
    public let dek: String
    /// The editorial format shown in the kicker.
    public let format: ArticleFormat
    /// The primary section.
    public let section: SectionReference
    /// The series, if any.
    public let series: SectionReference?
    /// The authors in byline order.
    public let authors: [AuthorReference]
    /// The top image, if any.
    public let topMedia: Media?
    /// A plain-text teaser.
    public let excerpt: String
    /// The opening paragraphs as safe HTML.
    public let openingHTML: String
    /// When it went (or goes) live.
    public let publishedAt: Date

    /// Creates a summary.
    public init(
        id: Article.ID, slug: Slug, title: String, dek: String, format: ArticleFormat, section: SectionReference,
        series: SectionReference?, authors: [AuthorReference], topMedia: Media?, excerpt: String,
        openingHTML: String, publishedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.dek = dek
        self.format = format
        self.section = section
        self.series = series
        self.authors = authors
        self.topMedia = topMedia
        self.excerpt = excerpt
        self.openingHTML = openingHTML
        self.publishedAt = publishedAt
    }
}

/// The name and slug of a section or series, enough to print and link it.
public struct SectionReference: Hashable, Sendable {
    /// The URL segment that names it.
    public let slug: Slug
    /// The name readers see.
    public let name: String

    /// Creates a reference.
    public init(slug: Slug, name: String) {
        self.slug = slug
        self.name = name
    }
}

/// The name and slug of an author, enough for a byline link.
public struct AuthorReference: Hashable, Sendable {
    /// The URL segment that names it.
    public let slug: Slug
    /// The name readers see.
    public let name: String

    /// Creates a reference.
    public init(slug: Slug, name: String) {
        self.slug = slug
        self.name = name
    }
}

/// Everything the article page shows, gathered by the store.
public struct ArticleDetail: Sendable {
    /// The article itself.
    public let article: Article
    /// The primary section.
    public let section: Section
    /// The series, if any.
    public let series: Series?
    /// The topics, by name.
    public let topics: [Topic]
    /// The authors in byline order.
    public let authors: [Author]
    /// The top image, if any.
    public let topMedia: Media?
    /// The previous article in the series, by publication date.
    public let previousInSeries: ArticleSummary?
    /// The next article in the series, by publication date.
    public let nextInSeries: ArticleSummary?
    /// Newest published articles sharing the series, section or a topic; never the article itself.
    public let related: [ArticleSummary]

    /// Creates a detail.
    public init(
        article: Article, section: Section, series: Series?, topics: [Topic], authors: [Author], topMedia: Media?,
        previousInSeries: ArticleSummary?, nextInSeries: ArticleSummary?, related: [ArticleSummary]
    ) {
        self.article = article
        self.section = section
        self.series = series
        self.topics = topics
        self.authors = authors
        self.topMedia = topMedia
        self.previousInSeries = previousInSeries
        self.nextInSeries = nextInSeries
        self.related = related
    }
}

extension ArticleDetail {
    /// The article as a list shows it.
    public var summary: ArticleSummary {
        let content = article.content
        return ArticleSummary(
            id: article.id, slug: content.slug, title: content.title, dek: content.dek, format: content.format,
            section: SectionReference(slug: section.slug, name: section.name),
            series: series.map { SectionReference(slug: $0.slug, name: $0.name) },
            authors: authors.map { AuthorReference(slug: $0.slug, name: $0.name) }, topMedia: topMedia,
            excerpt: content.body.excerpt, openingHTML: content.body.openingHTML, publishedAt: article.publishedAt ?? article.createdAt)
    }
}

/// The answer to "what is at this slug?": the thing, a newer slug to redirect to, or nothing.
public enum SlugLookup<Value: Sendable>: Sendable {
    case found(Value)
    case moved(to: Slug)
    case notFound
}

/// A page of a reader-facing listing (section, topic, series, author) and the thing it lists.
public struct Listing<Owner: Sendable>: Sendable {
    /// The section, topic, series or author being listed.
    public let owner: Owner
    /// The page of stories.
    public let page: Page<ArticleSummary>

    /// Creates a listing.
    public init(owner: Owner, page: Page<ArticleSummary>) {
        self.owner = owner
        self.page = page
    }
}

/// The front page: a lead story and the newest stories after it.
public struct FrontPage: Sendable {
    /// The lead story, if anything is published.
    public let lead: ArticleSummary?
    /// The stories after the lead, newest first.
    public let latest: [ArticleSummary]

    /// Creates a front page.
    public init(lead: ArticleSummary?, latest: [ArticleSummary]) {
        self.lead = lead
        self.latest = latest
    }
}

/// Every section, topic, series and author, for indexes and APIs.
public struct Taxonomy: Sendable {
    /// Sections in navigation order.
    public let sections: [Section]
    /// Topics by name.
    public let topics: [Topic]
    /// Series by name.
    public let series: [Series]
    /// Authors by name.
    public let authors: [Author]

    /// Creates a taxonomy.
    public init(sections: [Section], topics: [Topic], series: [Series], authors: [Author]) {
        self.sections = sections
        self.topics = topics
        self.series = series
        self.authors = authors
    }
}
