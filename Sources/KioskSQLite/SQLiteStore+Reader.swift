import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    /// The newest published article as lead and the `latestCount` after it.
    public func frontPage(latestCount: Int) async throws -> FrontPage {
        try await read { db in
            let stories = try Summaries.fetch(db, filter: .all, limit: latestCount + 1, offset: 0)
            return FrontPage(lead: stories.first, latest: Array(stories.dropFirst()))
        }
    }

    /// A page of all published articles, newest first.
    public func latest(_ page: PageRequest) async throws -> Page<ArticleSummary> {
        try await read { db in try Summaries.page(db, filter: .all, request: page) }
    }

    /// A published article with everything its page shows, or where its slug moved.
    public func articlePage(_ slug: Slug, relatedLimit: Int) async throws -> SlugLookup<ArticleDetail> {
        try await read { db in
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

    /// The slug of the published article with this id, or `nil`.
    public func publishedArticleSlug(_ id: Article.ID) async throws -> Slug? {
        try await read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT slug FROM article WHERE id = ? AND status = 'published'"), arguments: [id.rawValue])
                .flatMap(Slug.parse)
        }
    }

    // MARK: Search

    /// One page of published articles matching `query`, most relevant first with a boost for recent ones.
    public func search(_ query: SearchQuery, page: PageRequest) async throws -> Page<SearchResult> {
        try await read { db in try SearchIndex.search(db, query, request: page) }
    }

    // MARK: Feeds and sitemaps

    /// The newest `limit` published articles of `scope` with their bodies, or where its slug moved.
    public func feed(_ scope: FeedScope, limit: Int) async throws -> SlugLookup<FeedContent> {
        try await read { db in
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
        try await read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT slug, updated_at FROM article WHERE status = 'published' ORDER BY id LIMIT ? OFFSET ?"),
                arguments: [limit, offset]
            ).map { row in SitemapEntry(path: SitePaths.article(try Slug(column: row, "slug")), lastModified: row["updated_at"]) }
        }
    }

    /// The last change within each run of `size` published articles, in the order of `sitemapArticles`.
    public func sitemapArticleChanges(chunkSize size: Int) async throws -> [Date?] {
        try await read { db in
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
            case .pages:
                ("SELECT slug, updated_at AS changed FROM page WHERE status = 'published' ORDER BY slug", SitePaths.page)
            }
        return try await read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql)).map { row in
                SitemapEntry(path: path(try Slug(column: row, "slug")), lastModified: row["changed"])
            }
        }
    }

    /// Articles published at or after `since`, newest first, at most `limit`.
    public func newsSitemapArticles(since: Date, limit: Int) async throws -> [NewsSitemapEntry] {
        try await read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT slug, title, published_at FROM article WHERE status = 'published' AND published_at >= ? ORDER BY published_at DESC, id DESC LIMIT ?"),
                arguments: [since, limit]
            ).map { row in
                NewsSitemapEntry(path: SitePaths.article(try Slug(column: row, "slug")), title: row["title"], publishedAt: row["published_at"])
            }
        }
    }

    /// Published articles in `period`, newest first.
    public func articlesPublished(in period: Range<Date>) async throws -> [ArticleSummary] {
        try await read { db in
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM article WHERE status = 'published' AND published_at >= ? AND published_at < ? ORDER BY published_at DESC, id DESC LIMIT 200",
                arguments: [period.lowerBound, period.upperBound])
            let summaries = try Summaries.fetch(db, filter: .ids(ids.map(Article.ID.init)), limit: ids.count, offset: 0)
            let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id.rawValue, $0) })
            return ids.compactMap { byID[$0] }
        }
    }

    // MARK: Helpers

    private func listing<Owner: FetchableRecord & Sendable>(
        kind: RedirectKind, slug: Slug, page: PageRequest,
        filter: @escaping @Sendable (Owner) -> SummaryFilter
    ) async throws -> SlugLookup<Listing<Owner>> {
        try await read { db in
            guard let owner = try Owner.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(kind.rawValue) WHERE slug = ?"), arguments: [slug.rawValue]) else {
                return try Redirects.lookup(db, kind: kind, slug: slug, table: kind.rawValue, visibleOnly: false)
            }
            return .found(Listing(owner: owner, page: try Summaries.page(db, filter: filter(owner), request: page)))
        }
    }
}
