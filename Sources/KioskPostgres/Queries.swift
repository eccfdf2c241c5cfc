import Foundation
import KioskCore
import KioskStore
import PostgresNIO

/// Reading and writing the article table and its links to topics and authors.
enum ArticleColumns {
    /// Inserts an article with its topics and authors, after checking its slug is free; returns its id.
    static func insert(_ connection: Connection, _ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) async throws -> Article.ID {
        try await ensureSlugIsFree(connection, table: "article", slug: content.slug)
        let id: Int64? = try await connection.value(
            """
            INSERT INTO article (slug, title, dek, format, section_id, series_id, top_media_id, body_markdown, body_html, opening_html, excerpt,
                seo_title, seo_description, canonical_url, status, published_at, created_at, updated_at)
            VALUES (\(content.slug.rawValue), \(content.title), \(content.dek), \(content.format.rawValue), \(content.sectionID.rawValue),
                \(content.seriesID?.rawValue), \(content.topMediaID?.rawValue), \(content.body.markdown), \(content.body.html),
                \(content.body.openingHTML), \(content.body.excerpt), \(content.seo.title), \(content.seo.description), \(content.seo.canonicalURL),
                \(status.rawValue), \(publishedAt), \(now), \(now))
            RETURNING id
            """)
        guard let id else { throw StoreError.failed("PostgreSQL returned no id for a new article") }
        let article = Article.ID(id)
        try await replaceLinks(connection, article: article, content: content)
        try await Redirects.forget(connection, kind: .article, slug: content.slug.rawValue)
        try await SearchIndex.update(connection, article: article)
        return article
    }

    /// Replaces the content of `article`; a changed slug leaves the old one redirecting. The caller
    /// bumps the version and refreshes the search index.
    static func update(_ connection: Connection, _ article: Article, to content: ArticleContent) async throws {
        let id = article.id.rawValue
        try await ensureSlugIsFree(connection, table: "article", slug: content.slug, except: id)
        try await connection.execute(
            """
            UPDATE article SET slug = \(content.slug.rawValue), title = \(content.title), dek = \(content.dek), format = \(content.format.rawValue),
                section_id = \(content.sectionID.rawValue), series_id = \(content.seriesID?.rawValue), top_media_id = \(content.topMediaID?.rawValue),
                body_markdown = \(content.body.markdown), body_html = \(content.body.html), opening_html = \(content.body.openingHTML),
                excerpt = \(content.body.excerpt), seo_title = \(content.seo.title), seo_description = \(content.seo.description),
                canonical_url = \(content.seo.canonicalURL)
            WHERE id = \(id)
            """)
        try await replaceLinks(connection, article: article.id, content: content)
        if article.content.slug != content.slug {
            try await Redirects.record(connection, kind: .article, from: article.content.slug.rawValue, to: content.slug.rawValue, target: id)
        }
    }

    /// Replaces the article's topics and ordered authors.
    static func replaceLinks(_ connection: Connection, article: Article.ID, content: ArticleContent) async throws {
        let id = article.rawValue
        try await connection.execute("DELETE FROM article_topic WHERE article_id = \(id)")
        try await connection.execute("DELETE FROM article_author WHERE article_id = \(id)")
        let topics = content.topicIDs.map(\.rawValue)
        let authors = content.authorIDs.map(\.rawValue)
        try await connection.execute("INSERT INTO article_topic (article_id, topic_id) SELECT \(id), unnest(\(topics)::bigint[])")
        try await connection.execute(
            """
            INSERT INTO article_author (article_id, author_id, position)
            SELECT \(id), author, position - 1 FROM unnest(\(authors)::bigint[]) WITH ORDINALITY AS byline(author, position)
            """)
    }

    /// The article with `id` in any status; `locking` holds its row until the transaction ends.
    static func fetch(_ connection: Connection, id: Article.ID, locking: Bool = false) async throws -> Article? {
        let lock = locking ? " FOR UPDATE" : ""
        guard let row = try await connection.row(PostgresQuery(unsafeSQL: "SELECT * FROM article WHERE id = $1" + lock, binds: binds(id.rawValue))) else {
            return nil
        }
        let topics = try await connection.values("SELECT topic_id FROM article_topic WHERE article_id = \(id.rawValue) ORDER BY topic_id", as: Int64.self)
        let authors = try await connection.values(
            "SELECT author_id FROM article_author WHERE article_id = \(id.rawValue) ORDER BY position", as: Int64.self)
        let seriesID: Int64? = try row.get("series_id")
        let mediaID: Int64? = try row.get("top_media_id")
        guard let format = ArticleFormat(rawValue: try row.get("format")), let status = ArticleStatus(rawValue: try row.get("status")) else {
            throw StoreError.missingReference("article \(id) has an unknown format or status")
        }
        let content = try ArticleContent(
            slug: try row.slug("slug"), title: try row.get("title"), dek: try row.get("dek"), format: format,
            sectionID: .init(try row.get("section_id")), topicIDs: topics.map(Topic.ID.init), seriesID: seriesID.map(Series.ID.init),
            authorIDs: authors.map(Author.ID.init), topMediaID: mediaID.map(Media.ID.init),
            body: RenderedBody(
                markdown: try row.get("body_markdown"), html: try row.get("body_html"), openingHTML: try row.get("opening_html"),
                excerpt: try row.get("excerpt")),
            seo: SEOFields(title: try row.get("seo_title"), description: try row.get("seo_description"), canonicalURL: try row.get("canonical_url")))
        let owner: Int64? = try row.get("owner_user_id")
        return Article(
            id: id, content: content, status: status, publishedAt: try row.get("published_at"), createdAt: try row.get("created_at"),
            updatedAt: try row.get("updated_at"), version: try row.get("version", as: Int.self), ownerID: owner.map(User.ID.init),
            submittedAt: try row.get("submitted_at"), trashedAt: try row.get("trashed_at"))
    }

    private static func binds(_ id: Int64) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(id)
        return bindings
    }
}

/// Refuses a slug that another row of `table` already uses, before the insert fails on it.
func ensureSlugIsFree(_ connection: Connection, table: String, slug: Slug, except id: Int64? = nil) async throws {
    var sql = SQLBuilder()
    sql.append("SELECT id FROM \(table) WHERE slug = \(sql.bind(slug.rawValue))")
    if let owner = try await connection.value(sql.query, as: Int64.self), owner != id { throw StoreError.slugTaken(slug) }
}

/// Which published articles a listing shows.
enum SummaryFilter {
    case all
    case section(Section.ID)
    case topic(Topic.ID)
    case series(Series.ID)
    case author(Author.ID)
    /// Articles sharing the series, section or a topic of an article, other than itself.
    case related(to: Article.ID, section: Section.ID, series: Series.ID?, topics: [Topic.ID])
    /// The neighbour of an article in its series, before or after it by publication time.
    case seriesNeighbour(series: Series.ID, publishedAt: Date, id: Article.ID, after: Bool)
    /// Exactly these articles (the caller puts them in its own order).
    case ids([Article.ID])

    /// Adds the condition on `a` (the article table) to `sql`, for walking articles in date order;
    /// `window` is how many of the newest matches the caller may need.
    func condition(_ sql: inout SQLBuilder, window: Int) {
        switch self {
        case .all:
            sql.append("TRUE")
        case .section(let id):
            sql.append("a.section_id = \(sql.bind(id.rawValue))")
        case .topic(let id):
            sql.append("EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.topic_id = \(sql.bind(id.rawValue)))")
        case .series(let id):
            sql.append("a.series_id = \(sql.bind(id.rawValue))")
        case .author(let id):
            sql.append("EXISTS (SELECT 1 FROM article_author w WHERE w.article_id = a.id AND w.author_id = \(sql.bind(id.rawValue)))")
        case .related(let article, let section, let series, let topics):
            // One branch per kind of kinship, each walking its own index for the newest `window`:
            // as one OR, PostgreSQL hashes every article of the topic before reading four.
            let newest = "ORDER BY r.published_at DESC, r.id DESC LIMIT \(sql.bind(window))"
            let published = "r.status = 'published' AND r.id <> \(sql.bind(article.rawValue))"
            sql.append("a.id IN ((SELECT r.id FROM article r WHERE \(published) AND r.section_id = \(sql.bind(section.rawValue)) \(newest))")
            if let series {
                sql.append(" UNION (SELECT r.id FROM article r WHERE \(published) AND r.series_id = \(sql.bind(series.rawValue)) \(newest))")
            }
            if !topics.isEmpty {
                sql.append(" UNION (SELECT r.id FROM article r WHERE \(published) AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = r.id")
                sql.append(" AND t.topic_id = ANY(\(sql.bind(topics.map(\.rawValue))))) \(newest))")
            }
            sql.append(")")
        case .seriesNeighbour(let series, let publishedAt, let id, let after):
            sql.append("a.series_id = \(sql.bind(series.rawValue)) AND (a.published_at, a.id) \(after ? ">" : "<") (\(sql.bind(publishedAt)), \(sql.bind(id.rawValue)))")
        case .ids(let ids):
            sql.append("a.id = ANY(\(sql.bind(ids.map(\.rawValue))))")
        }
    }

    /// Newest first, except the next article in a series, which is the oldest after.
    var order: String {
        if case .seriesNeighbour(_, _, _, after: true) = self { return "a.published_at ASC, a.id ASC" }
        return "a.published_at DESC, a.id DESC"
    }
}

/// Fetching teaser summaries of published articles with their section, series, image and authors.
enum Summaries {
    static func page(_ connection: Connection, filter: SummaryFilter, request: PageRequest) async throws -> Page<ArticleSummary> {
        var sql = SQLBuilder("SELECT count(*) FROM article a WHERE a.status = 'published' AND ")
        filter.condition(&sql, window: request.offset + request.size)
        let total = Int(try await connection.value(sql.query, as: Int64.self) ?? 0)
        let items = request.offset < total ? try await fetch(connection, filter: filter, limit: request.size, offset: request.offset) : []
        return Page(items: items, request: request, totalItems: total)
    }

    /// Summaries of one page of `filter`'s articles: the page's ids are found first by walking an
    /// index, and only those rows are joined and read.
    static func fetch(_ connection: Connection, filter: SummaryFilter, limit: Int, offset: Int) async throws -> [ArticleSummary] {
        var sql = SQLBuilder(
            """
            SELECT a.id, a.slug, a.title, a.dek, a.format, a.excerpt, a.opening_html, a.published_at,
                s.slug AS section_slug, s.name AS section_name, se.slug AS series_slug, se.name AS series_name,
                m.id AS media_id, m.file_name AS media_file_name, m.content_type AS media_content_type,
                m.width AS media_width, m.height AS media_height, m.alt AS media_alt, m.caption AS media_caption, m.credit AS media_credit,
                m.focus_x AS media_focus_x, m.focus_y AS media_focus_y, m.renditions_wanted AS media_renditions_wanted,
                m.renditions_made AS media_renditions_made, m.renditions_error AS media_renditions_error
            FROM article a
            JOIN section s ON s.id = a.section_id
            LEFT JOIN series se ON se.id = a.series_id
            LEFT JOIN media m ON m.id = a.top_media_id
            WHERE a.id IN (SELECT a.id FROM article a WHERE a.status = 'published' AND 
            """)
        filter.condition(&sql, window: limit + offset)
        sql.append(" ORDER BY \(filter.order) LIMIT \(sql.bind(limit)) OFFSET \(sql.bind(offset))) ORDER BY \(filter.order)")
        let rows = try await connection.rows(sql.query)
        let authors = try await bylines(connection, articles: try rows.map { try $0.get("id", as: Int64.self) })
        return try rows.map { row in
            let id: Int64 = try row.get("id")
            let seriesSlug: String? = try row.get("series_slug")
            guard let format = ArticleFormat(rawValue: try row.get("format")) else { throw StoreError.missingReference("article \(id) has an unknown format") }
            return ArticleSummary(
                id: .init(id), slug: try row.slug("slug"), title: try row.get("title"), dek: try row.get("dek"), format: format,
                section: SectionReference(slug: try row.slug("section_slug"), name: try row.get("section_name")),
                series: try seriesSlug.map { _ in SectionReference(slug: try row.slug("series_slug"), name: try row.get("series_name")) },
                authors: authors[id] ?? [], topMedia: try Records.joinedMedia(row), excerpt: try row.get("excerpt"),
                openingHTML: try row.get("opening_html"), publishedAt: try row.get("published_at"))
        }
    }

    /// Authors of each article in byline order, in one query.
    private static func bylines(_ connection: Connection, articles: [Int64]) async throws -> [Int64: [AuthorReference]] {
        guard !articles.isEmpty else { return [:] }
        let rows = try await connection.rows(
            """
            SELECT aa.article_id, au.slug, au.name FROM article_author aa JOIN author au ON au.id = aa.author_id
            WHERE aa.article_id = ANY(\(articles)) ORDER BY aa.article_id, aa.position
            """)
        var result: [Int64: [AuthorReference]] = [:]
        for row in rows {
            result[try row.get("article_id"), default: []].append(AuthorReference(slug: try row.slug("slug"), name: try row.get("name")))
        }
        return result
    }
}

/// Gathering everything an article page shows.
enum ArticleDetails {
    static func fetch(_ connection: Connection, article: Article, relatedLimit: Int) async throws -> ArticleDetail {
        let content = article.content
        let id = article.id.rawValue
        guard let section = try await connection.row("SELECT * FROM section WHERE id = \(content.sectionID.rawValue)").map(Records.section) else {
            throw StoreError.missingReference("section of article \(article.id)")
        }
        var series: Series?
        if let seriesID = content.seriesID {
            series = try await connection.row("SELECT * FROM series WHERE id = \(seriesID.rawValue)").map(Records.series)
        }
        let topics = try await connection.rows(
            "SELECT t.* FROM topic t JOIN article_topic at ON at.topic_id = t.id WHERE at.article_id = \(id) ORDER BY t.name"
        ).map(Records.topic)
        let authors = try await connection.rows(
            "SELECT au.* FROM author au JOIN article_author aa ON aa.author_id = au.id WHERE aa.article_id = \(id) ORDER BY aa.position"
        ).map(Records.author)
        var media: Media?
        if let mediaID = content.topMediaID {
            media = try await connection.row("SELECT * FROM media WHERE id = \(mediaID.rawValue)").map { try Records.media($0) }
        }
        var previous: ArticleSummary?
        var next: ArticleSummary?
        if let seriesID = content.seriesID, let publishedAt = article.publishedAt {
            previous = try await Summaries.fetch(
                connection, filter: .seriesNeighbour(series: seriesID, publishedAt: publishedAt, id: article.id, after: false), limit: 1, offset: 0
            ).first
            next = try await Summaries.fetch(
                connection, filter: .seriesNeighbour(series: seriesID, publishedAt: publishedAt, id: article.id, after: true), limit: 1, offset: 0
            ).first
        }
        let related = try await Summaries.fetch(
            connection, filter: .related(to: article.id, section: content.sectionID, series: content.seriesID, topics: content.topicIDs),
            limit: relatedLimit, offset: 0)
        return ArticleDetail(
            article: article, section: section, series: series, topics: topics, authors: authors, topMedia: media,
            previousInSeries: previous, nextInSeries: next, related: related)
    }
}

/// The kinds of content whose old slugs keep answering.
enum RedirectKind: String {
    case article, section, topic, series, author, page
}

/// Old slugs and where they point now.
enum Redirects {
    /// Remembers that `old` now lives at `new`, and re-points older slugs of the same target.
    static func record(_ connection: Connection, kind: RedirectKind, from old: String, to new: String, target: Int64) async throws {
        try await forget(connection, kind: kind, slug: new)
        try await connection.execute(
            """
            INSERT INTO slug_redirect (kind, old_slug, target_id) VALUES (\(kind.rawValue), \(old), \(target))
            ON CONFLICT (kind, old_slug) DO UPDATE SET target_id = excluded.target_id
            """)
    }

    /// Drops a redirect from `slug`, because something now lives there.
    static func forget(_ connection: Connection, kind: RedirectKind, slug: String) async throws {
        try await connection.execute("DELETE FROM slug_redirect WHERE kind = \(kind.rawValue) AND old_slug = \(slug)")
    }

    /// Where an old slug points now, if it was ever recorded and the target is visible.
    static func lookup<Value>(_ connection: Connection, kind: RedirectKind, slug: Slug, visibleOnly: Bool) async throws -> SlugLookup<Value> {
        var sql = SQLBuilder("SELECT t.slug FROM slug_redirect r JOIN \(kind.rawValue) t ON t.id = r.target_id WHERE r.kind = ")
        sql.append(sql.bind(kind.rawValue) + " AND r.old_slug = " + sql.bind(slug.rawValue))
        if visibleOnly { sql.append(" AND t.status = 'published'") }
        guard let current = try await connection.value(sql.query, as: String.self), let newSlug = Slug.parse(current) else { return .notFound }
        return .moved(to: newSlug)
    }
}
