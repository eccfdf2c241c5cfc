import Foundation
import KioskCore

/// Everything Kiosk stores, as operations named after what the newsroom and the reader's site do.
///
/// Each operation runs in one transaction. `SQLiteStore` implements it; the contract tests in
/// `KioskStoreTests` describe the behaviour every implementation must have.
public protocol PublicationStore: Sendable {
    /// Grows with every committed change; anything rendered at an older generation may be stale.
    var contentGeneration: ContentGeneration { get }

    // MARK: Site

    /// The site settings and the sections in navigation order, read together.
    func siteContext() async throws -> SiteContext
    /// Replaces the site settings.
    func updateSiteSettings(_ settings: SiteSettings) async throws

    // MARK: Taxonomy and media

    /// Adds a section; throws `StoreError.slugTaken` if its slug is in use.
    func createSection(_ new: NewSection) async throws -> Section
    /// Adds a topic; throws `StoreError.slugTaken` if its slug is in use.
    func createTopic(_ new: NewTerm) async throws -> Topic
    /// Adds a series; throws `StoreError.slugTaken` if its slug is in use.
    func createSeries(_ new: NewTerm) async throws -> Series
    /// Adds an author; throws `StoreError.slugTaken` if its slug is in use.
    func createAuthor(_ new: NewAuthor) async throws -> Author
    /// Gives a section a new slug; the old one keeps answering with a redirect.
    func changeSectionSlug(_ id: Section.ID, to slug: Slug) async throws
    /// Records a media file already written to the media folder.
    func addMedia(_ new: NewMedia) async throws -> Media

    // MARK: Articles

    /// Stores a new article; throws `StoreError` for a taken slug or a missing reference.
    func createArticle(_ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) async throws -> Article
    /// Stores many published articles in one transaction (imports and generated publications);
    /// nothing is stored if any of them is refused.
    func createPublishedArticles(_ articles: [(content: ArticleContent, publishedAt: Date)]) async throws
    /// Replaces an article's content; a changed slug leaves the old one redirecting to the new.
    func updateArticle(_ id: Article.ID, content: ArticleContent, now: Date) async throws -> Article
    /// The article with this id in any status, or `nil`.
    func article(_ id: Article.ID) async throws -> Article?
    /// How many articles exist in any status.
    func articleCount() async throws -> Int
    /// Deletes every article, section, topic, series, author, media record, redirect and newsroom account; settings stay.
    func removeAllContent() async throws

    // MARK: Reader's site (published articles only)

    /// The newest published article as lead and the `latestCount` after it.
    func frontPage(latestCount: Int) async throws -> FrontPage
    /// A page of all published articles, newest first.
    func latest(_ page: PageRequest) async throws -> Page<ArticleSummary>
    /// A published article with everything its page shows, or where its slug moved.
    func articlePage(_ slug: Slug, relatedLimit: Int) async throws -> SlugLookup<ArticleDetail>
    /// A page of a section's published articles.
    func sectionListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Section>>
    /// A page of a topic's published articles.
    func topicListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Topic>>
    /// A page of a series' published articles.
    func seriesListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Series>>
    /// A page of an author's published articles.
    func authorListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Author>>

    /// Every section, topic, series and author.
    func taxonomy() async throws -> Taxonomy
    /// The slug of the published article with this id, or `nil`.
    func publishedArticleSlug(_ id: Article.ID) async throws -> Slug?

    // MARK: Search (published articles only)

    /// One page of published articles matching `query`, most relevant first with a boost for recent ones.
    func search(_ query: SearchQuery, page: PageRequest) async throws -> Page<SearchResult>

    // MARK: Feeds and sitemaps (published articles only)

    /// The newest `limit` published articles of `scope` with their bodies, or where its slug moved.
    func feed(_ scope: FeedScope, limit: Int) async throws -> SlugLookup<FeedContent>
    /// Published articles' addresses and last changes, in a stable order (oldest first).
    func sitemapArticles(offset: Int, limit: Int) async throws -> [SitemapEntry]
    /// The last change within each run of `size` published articles, in the order of `sitemapArticles`.
    func sitemapArticleChanges(chunkSize size: Int) async throws -> [Date?]
    /// Every listing page of `kind` with the last change among its articles.
    func sitemapListings(_ kind: SitemapListing) async throws -> [SitemapEntry]
    /// Articles published at or after `since`, newest first, at most `limit`.
    func newsSitemapArticles(since: Date, limit: Int) async throws -> [NewsSitemapEntry]
}

/// A section to create.
public struct NewSection: Sendable {
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
    public var description: String
    /// Order in the navigation, smallest first.
    public var position: Int

    /// The navigation positions accepted.
    public static let positions = -1_000_000...1_000_000

    /// Validates the name and position and creates the input.
    public init(slug: Slug, name: String, description: String = "", position: Int = 0) throws(ValidationError) {
        guard Self.positions.contains(position) else {
            throw ValidationError(field: "position", message: "A position must be a whole number from -1000000 to 1000000.")
        }
        self.slug = slug
        self.name = try requiredName(name)
        self.description = description
        self.position = position
    }
}

/// A topic or series to create.
public struct NewTerm: Sendable {
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
    public var description: String

    /// Validates the name and creates the input.
    public init(slug: Slug, name: String, description: String = "") throws(ValidationError) {
        self.slug = slug
        self.name = try requiredName(name)
        self.description = description
    }
}

/// An author to create.
public struct NewAuthor: Sendable {
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A short biography.
    public var bio: String
    /// A portrait, if any.
    public var photoID: Media.ID?
    /// Profiles elsewhere.
    public var links: [SocialLink]

    /// Validates the name and creates the input.
    public init(slug: Slug, name: String, bio: String = "", photoID: Media.ID? = nil, links: [SocialLink] = []) throws(ValidationError) {
        self.slug = slug
        self.name = try requiredName(name)
        self.bio = bio
        self.photoID = photoID
        self.links = links
    }
}

/// A media file to record.
public struct NewMedia: Sendable {
    /// File name inside the media folder.
    public var fileName: String
    /// The MIME type of the file.
    public var contentType: String
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Text alternative for people who cannot see the image.
    public var alt: String
    /// The caption printed under the image.
    public var caption: String
    /// Who made the image.
    public var credit: String

    /// Validates the dimensions and the alt text and creates the input.
    public init(fileName: String, contentType: String, width: Int, height: Int, alt: String, caption: String = "", credit: String = "") throws(ValidationError) {
        guard width > 0, height > 0 else { throw ValidationError(field: "dimensions", message: "An image must be at least one pixel wide and high.") }
        guard !alt.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(field: "alt", message: "Describe the image in its alt text, for readers who cannot see it.")
        }
        self.fileName = fileName
        self.contentType = contentType
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}

private func requiredName(_ name: String) throws(ValidationError) -> String {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw ValidationError(field: "name", message: "A name is required.") }
    guard trimmed.count <= 200 else { throw ValidationError(field: "name", message: "A name can be at most 200 characters long.") }
    return trimmed
}
