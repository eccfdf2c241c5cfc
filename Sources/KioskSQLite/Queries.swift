import Foundation
import GRDB
import KioskCore
import KioskStore

/// Reading and writing the article table and its links to topics and authors.
enum ArticleColumns {
    /// Values for the content columns `slug`, `title`, `dek`, `format`, then `section_id` to `canonical_url`, in table order.
    static func arguments(_ content: ArticleContent) -> StatementArguments {
        [
            content.slug.rawValue, content.title, content.dek, content.format.rawValue, content.sectionID.rawValue,
            content.seriesID?.rawValue, content.topMediaID?.rawValue, content.body.markdown, content.body.html,
            content.body.openingHTML, content.body.excerpt, content.seo.title, content.seo.description, content.seo.canonicalURL,
        ]
    }

    /// Inserts an article with its topics and authors, after checking its slug is free; returns its id.
    static func insert(_ db: Database, _ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) throws -> Article.ID {
        try ensureSlugIsFree(db, table: "article", slug: content.slug)
        try db.cachedStatement(
            sql: """
                INSERT INTO article (slug, title, dek, format, section_id, series_id, top_media_id, body_markdown,
                    body_html, opening_html, excerpt, seo_title, seo_description, canonical_url, status, published_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: arguments(content) + [status.rawValue, publishedAt, now, now])
        let id = Article.ID(db.lastInsertedRowID)
        try replaceLinks(db, article: id, content: content)
        try Redirects.forget(db, kind: .article, slug: content.slug.rawValue)
        try SearchIndex.add(db, article: id)
        return id
    }

    /// Replaces the content of `article`; a changed slug leaves the old one redirecting. The caller
    /// bumps the version and refreshes the search index.
    static func update(_ db: Database, _ article: Article, to content: ArticleContent) throws {
        let id = article.id
        try ensureSlugIsFree(db, table: "article", slug: content.slug, except: id.rawValue)
        try db.execute(
            sql: """
                UPDATE article SET slug = ?, title = ?, dek = ?, format = ?, section_id = ?, series_id = ?,
                    top_media_id = ?, body_markdown = ?, body_html = ?, opening_html = ?, excerpt = ?, seo_title = ?,
                    seo_description = ?, canonical_url = ? WHERE id = ?
                """,
            arguments: arguments(content) + [id.rawValue])
        try replaceLinks(db, article: id, content: content)
        if article.content.slug != content.slug {
            try Redirects.record(db, kind: .article, from: article.content.slug.rawValue, to: content.slug.rawValue, target: id.rawValue)
        }
    }

    /// Replaces the article's topics and ordered authors.
    static func replaceLinks(_ db: Database, article: Article.ID, content: ArticleContent) throws {
        try db.cachedStatement(sql: "DELETE FROM article_topic WHERE article_id = ?").execute(arguments: [article.rawValue])
        try db.cachedStatement(sql: "DELETE FROM article_author WHERE article_id = ?").execute(arguments: [article.rawValue])
        for topic in content.topicIDs {
            try db.cachedStatement(sql: "INSERT INTO article_topic (article_id, topic_id) VALUES (?, ?)")
                .execute(arguments: [article.rawValue, topic.rawValue])
        }
        for (position, author) in content.authorIDs.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)")
                .execute(arguments: [article.rawValue, author.rawValue, position])
        }
    }

    /// The article with `id` in any status.
    static func fetch(_ db: Database, id: Article.ID) throws -> Article? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM article WHERE id = ?"), arguments: [id.rawValue]) else { return nil }
        let topics = try Int64.fetchAll(db.cachedStatement(sql: "SELECT topic_id FROM article_topic WHERE article_id = ?"), arguments: [id.rawValue])
        let authors = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT author_id FROM article_author WHERE article_id = ? ORDER BY position"), arguments: [id.rawValue])
        let seriesID: Int64? = row["series_id"]
        let mediaID: Int64? = row["top_media_id"]
        guard let format = ArticleFormat(rawValue: row["format"]), let status = ArticleStatus(rawValue: row["status"]) else {
            throw StoreError.missingReference("article \(id) has an unknown format or status")
        }
        let content = try ArticleContent(
            slug: try Slug(column: row, "slug"), title: row["title"], dek: row["dek"], format: format,
            sectionID: .init(row["section_id"]), topicIDs: topics.map(Topic.ID.init), seriesID: seriesID.map(Series.ID.init),
            authorIDs: authors.map(Author.ID.init), topMediaID: mediaID.map(Media.ID.init),
            body: RenderedBody(markdown: row["body_markdown"], html: row["body_html"], openingHTML: row["opening_html"], excerpt: row["excerpt"]),
            seo: SEOFields(title: row["seo_title"], description: row["seo_description"], canonicalURL: row["canonical_url"]))
        let owner: Int64? = row["owner_user_id"]
        return Article(
            id: id, content: content, status: status, publishedAt: row["published_at"], createdAt: row["created_at"],
            updatedAt: row["updated_at"], version: row["version"], ownerID: owner.map(User.ID.init), submittedAt: row["submitted_at"],
            trashedAt: row["trashed_at"])
    }
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

    /// The SQL condition on `a` (the article table) and its arguments, for walking articles in date order:
    /// links to topics and authors are checked per article with `EXISTS`, which stops at the first match.
    var condition: (sql: String, arguments: StatementArguments) {
        switch self {
        case .all:
            ("1", [])
        case .section(let id):
            ("a.section_id = ?", [id.rawValue])
        case .topic(let id):
            ("EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.topic_id = ?)", [id.rawValue])
        case .series(let id):
            ("a.series_id = ?", [id.rawValue])
        case .author(let id):
            ("EXISTS (SELECT 1 FROM article_author w WHERE w.article_id = a.id AND w.author_id = ?)", [id.rawValue])
        case .related(let article, let section, let series, let topics):
            (
                """
                a.id <> ? AND (a.section_id = ? OR a.series_id = ? OR EXISTS (SELECT 1 FROM article_topic t
                    WHERE t.article_id = a.id AND t.topic_id IN (\(Array(repeating: "?", count: topics.count).joined(separator: ",")))))
                """,
                StatementArguments([article.rawValue, section.rawValue, series?.rawValue] + topics.map(\.rawValue))
            )
        case .seriesNeighbour(let series, let publishedAt, let id, let after):
            ("a.series_id = ? AND (a.published_at, a.id) \(after ? ">" : "<") (?, ?)", [series.rawValue, publishedAt, id.rawValue])
        case .ids(let ids):
            ("a.id IN (\(ids.isEmpty ? "NULL" : ids.map { String($0.rawValue) }.joined(separator: ",")))", [])
        }
    }

    /// The same condition for counting: topics and authors are counted from their link tables' indexes.
    var countCondition: (sql: String, arguments: StatementArguments) {
        switch self {
        case .topic(let id):
            ("a.id IN (SELECT article_id FROM article_topic WHERE topic_id = ?)", [id.rawValue])
        case .author(let id):
            ("a.id IN (SELECT article_id FROM article_author WHERE author_id = ?)", [id.rawValue])
        default:
            condition
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
    static func page(_ db: Database, filter: SummaryFilter, request: PageRequest) throws -> Page<ArticleSummary> {
        let condition = filter.countCondition
        let total = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM article a WHERE a.status = 'published' AND \(condition.sql)"), arguments: condition.arguments) ?? 0
        let items = request.offset < total ? try fetch(db, filter: filter, limit: request.size, offset: request.offset) : []
        return Page(items: items, request: request, totalItems: total)
    }

    /// Summaries of one page of `filter`'s articles. The page's ids are found first by walking an index
    /// (cheap even at a large offset), and only those rows are joined and read.
    static func fetch(_ db: Database, filter: SummaryFilter, limit: Int, offset: Int) throws -> [ArticleSummary] {
        let condition = filter.condition
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT a.id, a.slug, a.title, a.dek, a.format, a.excerpt, a.opening_html, a.published_at,
                    s.slug AS section_slug, s.name AS section_name, se.slug AS series_slug, se.name AS series_name,
                    m.id AS media_id, m.file_name AS media_file_name, m.content_type AS media_content_type,
                    m.width AS media_width, m.height AS media_height, m.alt AS media_alt, m.caption AS media_caption,
                    m.credit AS media_credit, m.focus_x AS media_focus_x, m.focus_y AS media_focus_y,
                    m.renditions_wanted AS media_renditions_wanted, m.renditions_made AS media_renditions_made,
                    m.renditions_error AS media_renditions_error
                FROM article a
                JOIN section s ON s.id = a.section_id
                LEFT JOIN series se ON se.id = a.series_id
                LEFT JOIN media m ON m.id = a.top_media_id
                WHERE a.id IN (
                    SELECT a.id FROM article a WHERE a.status = 'published' AND \(condition.sql)
                    ORDER BY \(filter.order) LIMIT ? OFFSET ?)
                ORDER BY \(filter.order)
                """),
            arguments: condition.arguments + [limit, offset])
        let authors = try bylines(db, articles: rows.map { $0["id"] })
        return try rows.map { row in
            let id: Int64 = row["id"]
            let seriesSlug: String? = row["series_slug"]
            guard let format = ArticleFormat(rawValue: row["format"]) else {
                throw StoreError.missingReference("article \(id) has an unknown format")
            }
            return ArticleSummary(
                id: .init(id), slug: try Slug(column: row, "slug"), title: row["title"], dek: row["dek"], format: format,
                section: SectionReference(slug: try Slug(column: row, "section_slug"), name: row["section_name"]),
                series: try seriesSlug.map { _ in SectionReference(slug: try Slug(column: row, "series_slug"), name: row["series_name"]) },
                authors: authors[id] ?? [], topMedia: Media.joined(from: row), excerpt: row["excerpt"],
                openingHTML: row["opening_html"], publishedAt: row["published_at"])
        }
    }

    /// Authors of each article in byline order, in one query.
    private static func bylines(_ db: Database, articles: [Int64]) throws -> [Int64: [AuthorReference]] {
        guard !articles.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: articles.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT aa.article_id, au.slug, au.name FROM article_author aa JOIN author au ON au.id = aa.author_id
                WHERE aa.article_id IN (\(marks)) ORDER BY aa.article_id, aa.position
                """),
            arguments: StatementArguments(articles))
        var result: [Int64: [AuthorReference]] = [:]
        for row in rows {
            result[row["article_id"], default: []].append(AuthorReference(slug: try Slug(column: row, "slug"), name: row["name"]))
        }
        return result
    }
}

/// Gathering everything an article page shows.
enum ArticleDetails {
    static func fetch(_ db: Database, article: Article, relatedLimit: Int) throws -> ArticleDetail {
        let content = article.content
        guard let section = try Section.fetchOne(db.cachedStatement(sql: "SELECT * FROM section WHERE id = ?"), arguments: [content.sectionID.rawValue]) else {
            throw StoreError.missingReference("section of article \(article.id)")
        }
        let series = try content.seriesID.flatMap {
            try Series.fetchOne(db.cachedStatement(sql: "SELECT * FROM series WHERE id = ?"), arguments: [$0.rawValue])
        }
        let topics = try Topic.fetchAll(
            db.cachedStatement(sql: "SELECT t.* FROM topic t JOIN article_topic at ON at.topic_id = t.id WHERE at.article_id = ? ORDER BY t.name"),
            arguments: [article.id.rawValue])
        let authors = try Author.fetchAll(
            db.cachedStatement(sql: "SELECT au.* FROM author au JOIN article_author aa ON aa.author_id = au.id WHERE aa.article_id = ? ORDER BY aa.position"),
            arguments: [article.id.rawValue])
        let media = try content.topMediaID.flatMap {
            try Media.fetchOne(db.cachedStatement(sql: "SELECT * FROM media WHERE id = ?"), arguments: [$0.rawValue])
        }
        var previous: ArticleSummary?
        var next: ArticleSummary?
        if let seriesID = content.seriesID, let publishedAt = article.publishedAt {
            previous = try Summaries.fetch(
                db, filter: .seriesNeighbour(series: seriesID, publishedAt: publishedAt, id: article.id, after: false), limit: 1, offset: 0
            ).first
            next = try Summaries.fetch(
                db, filter: .seriesNeighbour(series: seriesID, publishedAt: publishedAt, id: article.id, after: true), limit: 1, offset: 0
            ).first
        }
        let related = try Summaries.fetch(
            db, filter: .related(to: article.id, section: content.sectionID, series: content.seriesID, topics: content.topicIDs),
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
    static func record(_ db: Database, kind: RedirectKind, from old: String, to new: String, target: Int64) throws {
        try forget(db, kind: kind, slug: new)
        try db.execute(
            sql: "INSERT OR REPLACE INTO slug_redirect (kind, old_slug, target_id) VALUES (?, ?, ?)",
            arguments: [kind.rawValue, old, target])
    }

    /// Drops a redirect from `slug`, because something now lives there.
    static func forget(_ db: Database, kind: RedirectKind, slug: String) throws {
        try db.cachedStatement(sql: "DELETE FROM slug_redirect WHERE kind = ? AND old_slug = ?").execute(arguments: [kind.rawValue, slug])
    }

    /// Where an old slug points now, if it was ever recorded and the target is visible.
    static func lookup<Value>(_ db: Database, kind: RedirectKind, slug: Slug, table: String, visibleOnly: Bool) throws -> SlugLookup<Value> {
        let visibility = visibleOnly ? " AND t.status = 'published'" : ""
        let current = try String.fetchOne(
            db.cachedStatement(sql: """
                SELECT t.slug FROM slug_redirect r JOIN \(table) t ON t.id = r.target_id
                WHERE r.kind = ? AND r.old_slug = ?\(visibility)
                """),
            arguments: [kind.rawValue, slug.rawValue])
        guard let current, let newSlug = Slug.parse(current) else { return .notFound }
        return .moved(to: newSlug)
    }
}
