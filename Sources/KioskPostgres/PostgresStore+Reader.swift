import Foundation
import KioskCore
import KioskStore
import PostgresNIO

extension PostgresStore {
    /// The newest published article as lead and the `latestCount` after it.
    public func frontPage(latestCount: Int) async throws -> FrontPage {
        try await read { connection in
            let stories = try await Summaries.fetch(connection, filter: .all, limit: latestCount + 1, offset: 0)
            return FrontPage(lead: stories.first, latest: Array(stories.dropFirst()))
        }
    }

    /// A page of all published articles, newest first.
    public func latest(_ page: PageRequest) async throws -> Page<ArticleSummary> {
        try await read { connection in try await Summaries.page(connection, filter: .all, request: page) }
    }

    /// A published article with everything its page shows, or where its slug moved.
    public func articlePage(_ slug: Slug, relatedLimit: Int) async throws -> SlugLookup<ArticleDetail> {
        try await read { connection in
            guard let id = try await connection.value("SELECT id FROM article WHERE slug = \(slug.rawValue) AND status = 'published'", as: Int64.self),
                let article = try await ArticleColumns.fetch(connection, id: Article.ID(id))
            else {
                return try await Redirects.lookup(connection, kind: .article, slug: slug, visibleOnly: true)
            }
            return .found(try await ArticleDetails.fetch(connection, article: article, relatedLimit: relatedLimit))
        }
    }

    /// A page of a section's published articles.
    public func sectionListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Section>> {
        try await listing(kind: .section, slug: slug, page: page, record: Records.section) { .section($0.id) }
    }

    /// A page of a topic's published articles.
    public func topicListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Topic>> {
        try await listing(kind: .topic, slug: slug, page: page, record: Records.topic) { .topic($0.id) }
    }

    /// A page of a series' published articles.
    public func seriesListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Series>> {
        try await listing(kind: .series, slug: slug, page: page, record: Records.series) { .series($0.id) }
    }

    /// A page of an author's published articles.
    public func authorListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Author>> {
        try await listing(kind: .author, slug: slug, page: page, record: Records.author) { .author($0.id) }
    }

    /// The slug of the published article with this id, or `nil`.
    public func publishedArticleSlug(_ id: Article.ID) async throws -> Slug? {
        try await read { connection in
            try await connection.value("SELECT slug FROM article WHERE id = \(id.rawValue) AND status = 'published'", as: String.self).flatMap(Slug.parse)
        }
    }

    /// Published articles in `period`, newest first, at most 200.
    public func articlesPublished(in period: Range<Date>) async throws -> [ArticleSummary] {
        try await read { connection in
            let ids = try await connection.values(
                """
                SELECT id FROM article WHERE status = 'published' AND published_at >= \(period.lowerBound) AND published_at < \(period.upperBound)
                ORDER BY published_at DESC, id DESC LIMIT 200
                """, as: Int64.self)
            let summaries = try await Summaries.fetch(connection, filter: .ids(ids.map(Article.ID.init)), limit: ids.count, offset: 0)
            let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id.rawValue, $0) })
            return ids.compactMap { byID[$0] }
        }
    }

    /// One page of published articles matching `query`, most relevant first with a boost for recent ones.
    public func search(_ query: SearchQuery, page: PageRequest) async throws -> Page<SearchResult> {
        try await read { connection in try await SearchIndex.search(connection, query, request: page) }
    }

    /// The newest `limit` published articles of `scope` with their bodies, or where its slug moved.
    public func feed(_ scope: FeedScope, limit: Int) async throws -> SlugLookup<FeedContent> {
        try await read { connection in
            let owner: (filter: SummaryFilter, title: String?, description: String, path: String)
            func find<Record>(_ kind: RedirectKind, _ slug: Slug, _ record: (PostgresRandomAccessRow) throws -> Record) async throws -> Record? {
                var sql = SQLBuilder("SELECT * FROM \(kind.rawValue) WHERE slug = ")
                sql.append(sql.bind(slug.rawValue))
                return try await connection.row(sql.query).map(record)
            }
            switch scope {
            case .site:
                owner = (.all, nil, "", SitePaths.home)
            case .section(let slug):
                guard let section = try await find(.section, slug, Records.section) else {
                    return try await Redirects.lookup(connection, kind: .section, slug: slug, visibleOnly: false)
                }
                owner = (.section(section.id), section.name, section.description, SitePaths.section(section.slug))
            case .topic(let slug):
                guard let topic = try await find(.topic, slug, Records.topic) else {
                    return try await Redirects.lookup(connection, kind: .topic, slug: slug, visibleOnly: false)
                }
                owner = (.topic(topic.id), topic.name, topic.description, SitePaths.topic(topic.slug))
            case .series(let slug):
                guard let series = try await find(.series, slug, Records.series) else {
                    return try await Redirects.lookup(connection, kind: .series, slug: slug, visibleOnly: false)
                }
                owner = (.series(series.id), series.name, series.description, SitePaths.series(series.slug))
            case .author(let slug):
                guard let author = try await find(.author, slug, Records.author) else {
                    return try await Redirects.lookup(connection, kind: .author, slug: slug, visibleOnly: false)
                }
                owner = (.author(author.id), author.name, author.bio, SitePaths.author(author.slug))
            }
            let summaries = try await Summaries.fetch(connection, filter: owner.filter, limit: limit, offset: 0)
            let rows = try await connection.rows("SELECT id, body_html, updated_at FROM article WHERE id = ANY(\(summaries.map(\.id.rawValue)))")
            let bodies = Dictionary(
                uniqueKeysWithValues: try rows.map { row -> (Int64, (String, Date)) in
                    (try row.get("id"), (try row.get("body_html"), try row.get("updated_at")))
                })
            let entries = summaries.compactMap { summary in
                bodies[summary.id.rawValue].map { FeedEntry(summary: summary, bodyHTML: $0.0, updatedAt: $0.1) }
            }
            return .found(FeedContent(title: owner.title, description: owner.description, path: owner.path, entries: entries))
        }
    }

    /// Published articles' addresses and last changes, in a stable order (oldest first).
    public func sitemapArticles(offset: Int, limit: Int) async throws -> [SitemapEntry] {
        try await read { connection in
            try await connection.rows("SELECT slug, updated_at FROM article WHERE status = 'published' ORDER BY id LIMIT \(limit) OFFSET \(offset)")
                .map { row in SitemapEntry(path: SitePaths.article(try row.slug("slug")), lastModified: try row.get("updated_at")) }
        }
    }

    /// The last change within each run of `size` published articles, in the order of `sitemapArticles`.
    public func sitemapArticleChanges(chunkSize size: Int) async throws -> [Date?] {
        try await read { connection in
            let count = Int(try await connection.value("SELECT count(*) FROM article WHERE status = 'published'", as: Int64.self) ?? 0)
            let changes = try await connection.rows(
                """
                SELECT chunk, max(updated_at) AS changed FROM (
                    SELECT (row_number() OVER (ORDER BY id) - 1) / \(size) AS chunk, updated_at FROM article WHERE status = 'published') numbered
                GROUP BY chunk
                """)
            let byChunk = Dictionary(uniqueKeysWithValues: try changes.map { (Int(try $0.get("chunk", as: Int64.self)), try $0.get("changed", as: Date?.self)) })
            return stride(from: 0, to: max(count, 1), by: size).map { byChunk[$0 / size] ?? nil }
        }
    }

    /// Every listing page of `kind` with the last change among its articles.
    public func sitemapListings(_ kind: SitemapListing) async throws -> [SitemapEntry] {
        let (sql, path): (String, @Sendable (Slug) -> String) =
            switch kind {
            case .sections:
                ("SELECT o.slug, max(a.updated_at) AS changed FROM section o LEFT JOIN article a ON a.section_id = o.id AND a.status = 'published' GROUP BY o.id ORDER BY o.position, o.name", SitePaths.section)
            case .series:
                ("SELECT o.slug, max(a.updated_at) AS changed FROM series o LEFT JOIN article a ON a.series_id = o.id AND a.status = 'published' GROUP BY o.id ORDER BY o.name", SitePaths.series)
            case .topics:
                ("SELECT o.slug, max(a.updated_at) AS changed FROM topic o LEFT JOIN article_topic l ON l.topic_id = o.id LEFT JOIN article a ON a.id = l.article_id AND a.status = 'published' GROUP BY o.id ORDER BY o.name", SitePaths.topic)
            case .authors:
                ("SELECT o.slug, max(a.updated_at) AS changed FROM author o LEFT JOIN article_author l ON l.author_id = o.id LEFT JOIN article a ON a.id = l.article_id AND a.status = 'published' GROUP BY o.id ORDER BY o.name", SitePaths.author)
            case .pages:
                ("SELECT slug, updated_at AS changed FROM page WHERE status = 'published' ORDER BY slug", SitePaths.page)
            }
        return try await read { connection in
            try await connection.rows(PostgresQuery(unsafeSQL: sql)).map { row in
                SitemapEntry(path: path(try row.slug("slug")), lastModified: try row.get("changed"))
            }
        }
    }

    /// Articles published at or after `since`, newest first, at most `limit`.
    public func newsSitemapArticles(since: Date, limit: Int) async throws -> [NewsSitemapEntry] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT slug, title, published_at FROM article WHERE status = 'published' AND published_at >= \(since)
                ORDER BY published_at DESC, id DESC LIMIT \(limit)
                """
            ).map { row in
                NewsSitemapEntry(path: SitePaths.article(try row.slug("slug")), title: try row.get("title"), publishedAt: try row.get("published_at"))
            }
        }
    }

    // MARK: Helpers

    private func listing<Owner: Sendable>(
        kind: RedirectKind, slug: Slug, page: PageRequest, record: @escaping @Sendable (PostgresRandomAccessRow) throws -> Owner,
        filter: @escaping @Sendable (Owner) -> SummaryFilter
    ) async throws -> SlugLookup<Listing<Owner>> {
        try await read { connection in
            var sql = SQLBuilder("SELECT * FROM \(kind.rawValue) WHERE slug = ")
            sql.append(sql.bind(slug.rawValue))
            guard let owner = try await connection.row(sql.query).map(record) else {
                return try await Redirects.lookup(connection, kind: kind, slug: slug, visibleOnly: false)
            }
            return .found(Listing(owner: owner, page: try await Summaries.page(connection, filter: filter(owner), request: page)))
        }
    }
}
