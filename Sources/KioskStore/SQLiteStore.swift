import Foundation
import GRDB
import KioskCore

/// The embedded store: SQLite through GRDB, in WAL mode on disk or in memory for tests.
public struct SQLiteStore: NewsroomStore {
    let writer: any DatabaseWriter
    /// Grows with every committed change; anything rendered at an older generation may be stale.
    public let contentGeneration = ContentGeneration()

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    public static func open(path: String) throws -> SQLiteStore {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
        return SQLiteStore(writer: pool)
    }

    /// A fresh, migrated in-memory database, private to the caller.
    public static func inMemory() throws -> SQLiteStore {
        let queue = try DatabaseQueue(configuration: configuration)
        try Migrations.migrator.migrate(queue)
        return SQLiteStore(writer: queue)
    }

    /// Names of the migrations applied to the database at `path`, after applying any pending ones.
    public static func migrate(path: String) throws -> (applied: [String], all: [String]) {
        let pool = try DatabasePool(path: path, configuration: configuration)
        let before = try pool.read { try Migrations.migrator.appliedMigrations($0) }
        try Migrations.migrator.migrate(pool)
        let after = try pool.read { try Migrations.migrator.appliedMigrations($0) }
        return (after.filter { !before.contains($0) }, after)
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        return configuration
    }

    // MARK: Site

    /// The site settings and the sections in navigation order, read together.
    public func siteContext() async throws -> SiteContext {
        try await writer.read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM site_settings WHERE id = 1"))
            guard let row else { throw StoreError.notFound }
            let sections = try Section.fetchAll(db.cachedStatement(sql: "SELECT * FROM section ORDER BY position, name"))
            let settings = try SiteSettings(row: row)
            let logo = try settings.logoID.flatMap {
                try Media.fetchOne(db.cachedStatement(sql: "SELECT * FROM media WHERE id = ?"), arguments: [$0.rawValue])
            }
            return SiteContext(settings: settings, sections: sections, logo: logo)
        }
    }

    /// Replaces the site settings.
    public func updateSiteSettings(_ settings: SiteSettings) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE site_settings SET name = ?, description = ?, about = ?, locale = ?, time_zone = ?,
                        logo_media_id = ?, social_profiles = ?, navigation = ?, feeds_carry_full_text = ?, robots_rules = ?, smtp_url = ?
                    WHERE id = 1
                    """,
                arguments: [
                    settings.name, settings.description, settings.about, settings.locale, settings.timeZone,
                    settings.logoID?.rawValue, try JSONColumn.encode(settings.socialProfiles), try JSONColumn.encode(settings.navigation),
                    settings.feedsCarryFullText, settings.robotsRules, settings.smtpURL,
                ])
        }
    }

    // MARK: Taxonomy and media

    /// Adds a section; throws `StoreError.slugTaken` if its slug is in use.
    public func createSection(_ new: NewSection) async throws -> Section {
        try await write { db in
            try ensureSlugIsFree(db, table: "section", slug: new.slug)
            try db.execute(
                sql: "INSERT INTO section (slug, name, description, position) VALUES (?, ?, ?, ?)",
                arguments: [new.slug.rawValue, new.name, new.description, new.position])
            return Section(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, description: new.description, position: new.position)
        }
    }

    /// Adds a topic; throws `StoreError.slugTaken` if its slug is in use.
    public func createTopic(_ new: NewTerm) async throws -> Topic {
        try await write { db in
            try ensureSlugIsFree(db, table: "topic", slug: new.slug)
            try db.execute(sql: "INSERT INTO topic (slug, name, description) VALUES (?, ?, ?)", arguments: [new.slug.rawValue, new.name, new.description])
            return Topic(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, description: new.description)
        }
    }

    /// Adds a series; throws `StoreError.slugTaken` if its slug is in use.
    public func createSeries(_ new: NewTerm) async throws -> Series {
        try await write { db in
            try ensureSlugIsFree(db, table: "series", slug: new.slug)
            try db.execute(sql: "INSERT INTO series (slug, name, description) VALUES (?, ?, ?)", arguments: [new.slug.rawValue, new.name, new.description])
            return Series(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, description: new.description)
        }
    }

    /// Adds an author; throws `StoreError.slugTaken` if its slug is in use.
    public func createAuthor(_ new: NewAuthor) async throws -> Author {
        try await write { db in
            try ensureSlugIsFree(db, table: "author", slug: new.slug)
            try db.execute(
                sql: "INSERT INTO author (slug, name, bio, photo_media_id, links) VALUES (?, ?, ?, ?, ?)",
                arguments: [new.slug.rawValue, new.name, new.bio, new.photoID?.rawValue, try JSONColumn.encode(new.links)])
            return Author(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, bio: new.bio, photoID: new.photoID, links: new.links)
        }
    }

    /// Gives a section a new slug; the old one keeps answering with a redirect.
    public func changeSectionSlug(_ id: Section.ID, to slug: Slug) async throws {
        try await write { db in try Renames.move(db, kind: .section, id: id.rawValue, to: slug) }
    }

    /// Records a media file already written to the media folder.
    public func addMedia(_ new: NewMedia) async throws -> Media {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO media (file_name, content_type, width, height, alt, caption, credit, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [new.fileName, new.contentType, new.width, new.height, new.alt, new.caption, new.credit, Date()])
            return Media(
                id: .init(db.lastInsertedRowID), fileName: new.fileName, contentType: new.contentType, width: new.width,
                height: new.height, alt: new.alt, caption: new.caption, credit: new.credit)
        }
    }

    // MARK: Articles

    /// Stores a new article; throws `StoreError` for a taken slug or a missing reference.
    public func createArticle(_ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) async throws -> Article {
        let publishedAt = status == .published ? (publishedAt ?? now) : publishedAt
        return try await write { db in
            let id = try ArticleColumns.insert(db, content, status: status, publishedAt: publishedAt, now: now)
            return Article(id: id, content: content, status: status, publishedAt: publishedAt, createdAt: now, updatedAt: now)
        }
    }

    /// Stores many published articles in one transaction; nothing is stored if any of them is refused.
    public func createPublishedArticles(_ articles: [(content: ArticleContent, publishedAt: Date)]) async throws {
        try await write { db in
            for article in articles {
                _ = try ArticleColumns.insert(db, article.content, status: .published, publishedAt: article.publishedAt, now: article.publishedAt)
            }
        }
    }

    /// Replaces an article's content; a changed slug leaves the old one redirecting to the new.
    public func updateArticle(_ id: Article.ID, content: ArticleContent, now: Date) async throws -> Article {
        try await write { db in
            guard var article = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            try ArticleColumns.update(db, article, to: content, now: now)
            article.content = content
            article.updatedAt = now
            article.version += 1
            return article
        }
    }

    /// The article with this id in any status, or `nil`.
    public func article(_ id: Article.ID) async throws -> Article? {
        try await writer.read { db in try ArticleColumns.fetch(db, id: id) }
    }

    /// How many articles exist in any status.
    public func articleCount() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM article")) ?? 0 }
    }

    /// Deletes every article, section, topic, series, author, media record, redirect and newsroom account; settings stay.
    public func removeAllContent() async throws {
        try await write { db in
            try db.execute(
                sql: """
                    DELETE FROM api_token; DELETE FROM invitation; DELETE FROM session; DELETE FROM login_throttle; DELETE FROM user;
                    DELETE FROM article_search; DELETE FROM article_search_filter; DELETE FROM article_topic; DELETE FROM article_author; DELETE FROM article; DELETE FROM slug_redirect;
                    DELETE FROM topic; DELETE FROM series; DELETE FROM section; DELETE FROM author;
                    UPDATE site_settings SET logo_media_id = NULL; DELETE FROM media;
                    """)
        }
    }

    // MARK: Reader's site

    /// The newest published article as lead and the `latestCount` after it.
    public func frontPage(latestCount: Int) async throws -> FrontPage {
        try await writer.read { db in
            let stories = try Summaries.fetch(db, filter: .all, limit: latestCount + 1, offset: 0)
            return FrontPage(lead: stories.first, latest: Array(stories.dropFirst()))
        }
    }

    /// A page of all published articles, newest first.
    public func latest(_ page: PageRequest) async throws -> Page<ArticleSummary> {
        try await writer.read { db in try Summaries.page(db, filter: .all, request: page) }
    }

    /// A published article with everything its page shows, or where its slug moved.
    public func articlePage(_ slug: Slug, relatedLimit: Int) async throws -> SlugLookup<ArticleDetail> {
        try await writer.read { db in
            guard let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM article WHERE slug = ? AND status = 'published'"), arguments: [slug.rawValue]),
                let article = try ArticleColumns.fetch(db, id: Article.ID(id))
            else {
                return try Redirects.lookup(db, kind: .article, slug: slug, table: "article", visibleOnly: true)
            }
            return .found(try ArticleDetails.fetch(db, article: article, relatedLimit: relatedLimit))
        }
    }

    /// A page of a section's published articles.
    public func sectionListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Section>> {
        try await listing(kind: .section, slug: slug, page: page) { .section($0.id) }
    }

    /// A page of a topic's published articles.
    public func topicListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Topic>> {
        try await listing(kind: .topic, slug: slug, page: page) { .topic($0.id) }
    }

    /// A page of a series' published articles.
    public func seriesListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Series>> {
        try await listing(kind: .series, slug: slug, page: page) { .series($0.id) }
    }

    /// A page of an author's published articles.
    public func authorListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Author>> {
        try await listing(kind: .author, slug: slug, page: page) { .author($0.id) }
    }

    /// Every section, topic, series and author.
    public func taxonomy() async throws -> Taxonomy {
        try await writer.read { db in
            Taxonomy(
                sections: try Section.fetchAll(db.cachedStatement(sql: "SELECT * FROM section ORDER BY position, name")),
                topics: try Topic.fetchAll(db.cachedStatement(sql: "SELECT * FROM topic ORDER BY name")),
                series: try Series.fetchAll(db.cachedStatement(sql: "SELECT * FROM series ORDER BY name")),
                authors: try Author.fetchAll(db.cachedStatement(sql: "SELECT * FROM author ORDER BY name")))
        }
    }

    /// The slug of the published article with this id, or `nil`.
    public func publishedArticleSlug(_ id: Article.ID) async throws -> Slug? {
        try await writer.read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT slug FROM article WHERE id = ? AND status = 'published'"), arguments: [id.rawValue])
                .flatMap(Slug.parse)
        }
    }

    // MARK: Search

    /// One page of published articles matching `query`, most relevant first with a boost for recent ones.
    public func search(_ query: SearchQuery, page: PageRequest) async throws -> Page<SearchResult> {
        try await writer.read { db in try SearchIndex.search(db, query, request: page) }
    }

    // MARK: Feeds and sitemaps

    /// The newest `limit` published articles of `scope` with their bodies, or where its slug moved.
    public func feed(_ scope: FeedScope, limit: Int) async throws -> SlugLookup<FeedContent> {
        try await writer.read { db in
            let owner: (filter: SummaryFilter, title: String?, description: String, path: String)
            switch scope {
            case .site:
                owner = (.all, nil, "", SitePaths.home)
            case .section(let slug):
                guard let section = try Section.fetchOne(db.cachedStatement(sql: "SELECT * FROM section WHERE slug = ?"), arguments: [slug.rawValue]) else {
                    return try Redirects.lookup(db, kind: .section, slug: slug, table: "section", visibleOnly: false)
                }
                owner = (.section(section.id), section.name, section.description, SitePaths.section(section.slug))
            case .topic(let slug):
                guard let topic = try Topic.fetchOne(db.cachedStatement(sql: "SELECT * FROM topic WHERE slug = ?"), arguments: [slug.rawValue]) else {
                    return try Redirects.lookup(db, kind: .topic, slug: slug, table: "topic", visibleOnly: false)
                }
                owner = (.topic(topic.id), topic.name, topic.description, SitePaths.topic(topic.slug))
            case .series(let slug):
                guard let series = try Series.fetchOne(db.cachedStatement(sql: "SELECT * FROM series WHERE slug = ?"), arguments: [slug.rawValue]) else {
                    return try Redirects.lookup(db, kind: .series, slug: slug, table: "series", visibleOnly: false)
                }
                owner = (.series(series.id), series.name, series.description, SitePaths.series(series.slug))
            case .author(let slug):
                guard let author = try Author.fetchOne(db.cachedStatement(sql: "SELECT * FROM author WHERE slug = ?"), arguments: [slug.rawValue]) else {
                    return try Redirects.lookup(db, kind: .author, slug: slug, table: "author", visibleOnly: false)
                }
                owner = (.author(author.id), author.name, author.bio, SitePaths.author(author.slug))
            }
            let summaries = try Summaries.fetch(db, filter: owner.filter, limit: limit, offset: 0)
            let ids = summaries.isEmpty ? "NULL" : summaries.map { String($0.id.rawValue) }.joined(separator: ",")
            let bodies = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, body_html, updated_at FROM article WHERE id IN (\(ids))")
                    .map { row -> (Int64, (String, Date)) in (row["id"], (row["body_html"], row["updated_at"])) })
            let entries = summaries.compactMap { summary in
                bodies[summary.id.rawValue].map { FeedEntry(summary: summary, bodyHTML: $0.0, updatedAt: $0.1) }
            }
            return .found(FeedContent(title: owner.title, description: owner.description, path: owner.path, entries: entries))
        }
    }

    /// Published articles' addresses and last changes, in a stable order (oldest first).
    public func sitemapArticles(offset: Int, limit: Int) async throws -> [SitemapEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT slug, updated_at FROM article WHERE status = 'published' ORDER BY id LIMIT ? OFFSET ?"),
                arguments: [limit, offset]
            ).map { row in SitemapEntry(path: SitePaths.article(try Slug(column: row, "slug")), lastModified: row["updated_at"]) }
        }
    }

    /// The last change within each run of `size` published articles, in the order of `sitemapArticles`.
    public func sitemapArticleChanges(chunkSize size: Int) async throws -> [Date?] {
        try await writer.read { db in
            let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM article WHERE status = 'published'")) ?? 0
            return try stride(from: 0, to: max(count, 1), by: size).map { offset in
                try Date.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT MAX(updated_at) FROM (SELECT updated_at FROM article WHERE status = 'published' ORDER BY id LIMIT ? OFFSET ?)"),
                    arguments: [size, offset])
            }
        }
    }

    /// Every listing page of `kind` with the last change among its articles.
    public func sitemapListings(_ kind: SitemapListing) async throws -> [SitemapEntry] {
        let (sql, path): (String, @Sendable (Slug) -> String) =
            switch kind {
            case .sections:
                ("SELECT o.slug, MAX(a.updated_at) AS changed FROM section o LEFT JOIN article a ON a.section_id = o.id AND a.status = 'published' GROUP BY o.id ORDER BY o.position, o.name", SitePaths.section)
            case .series:
                ("SELECT o.slug, MAX(a.updated_at) AS changed FROM series o LEFT JOIN article a ON a.series_id = o.id AND a.status = 'published' GROUP BY o.id ORDER BY o.name", SitePaths.series)
            case .topics:
                ("SELECT o.slug, MAX(a.updated_at) AS changed FROM topic o LEFT JOIN article_topic l ON l.topic_id = o.id LEFT JOIN article a ON a.id = l.article_id AND a.status = 'published' GROUP BY o.id ORDER BY o.name", SitePaths.topic)
            case .authors:
                ("SELECT o.slug, MAX(a.updated_at) AS changed FROM author o LEFT JOIN article_author l ON l.author_id = o.id LEFT JOIN article a ON a.id = l.article_id AND a.status = 'published' GROUP BY o.id ORDER BY o.name", SitePaths.author)
            }
        return try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql)).map { row in
                SitemapEntry(path: path(try Slug(column: row, "slug")), lastModified: row["changed"])
            }
        }
    }

    /// Articles published at or after `since`, newest first, at most `limit`.
    public func newsSitemapArticles(since: Date, limit: Int) async throws -> [NewsSitemapEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT slug, title, published_at FROM article WHERE status = 'published' AND published_at >= ? ORDER BY published_at DESC, id DESC LIMIT ?"),
                arguments: [since, limit]
            ).map { row in
                NewsSitemapEntry(path: SitePaths.article(try Slug(column: row, "slug")), title: row["title"], publishedAt: row["published_at"])
            }
        }
    }

    // MARK: Helpers

    private func listing<Owner: FetchableRecord & Sendable>(
        kind: RedirectKind, slug: Slug, page: PageRequest,
        filter: @escaping @Sendable (Owner) -> SummaryFilter
    ) async throws -> SlugLookup<Listing<Owner>> {
        try await writer.read { db in
            guard let owner = try Owner.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(kind.rawValue) WHERE slug = ?"), arguments: [slug.rawValue]) else {
                return try Redirects.lookup(db, kind: kind, slug: slug, table: kind.rawValue, visibleOnly: false)
            }
            return .found(Listing(owner: owner, page: try Summaries.page(db, filter: filter(owner), request: page)))
        }
    }

    /// Runs a write in one transaction, turning SQLite constraint failures into `StoreError`s, and
    /// advances the content generation once it has committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            let result = try await writer.write(work)
            contentGeneration.advance()
            return result
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreErrors.translate(error)
        }
    }
}
