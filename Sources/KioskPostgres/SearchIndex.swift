import Foundation
import KioskCore
import KioskStore
import PostgresNIO

/// Keeps the full-text index (`article_search`) in step with articles, and answers searches.
///
/// Each article's document is a `tsvector` under the `kiosk` configuration (English stemming that
/// keeps stop words, diacritics folded by `unaccent`), weighted A for the title, B for the dek, C for
/// authors, topics and series, D for the body.
enum SearchIndex {
    /// ts_rank's weights for D, C, B and A.
    static let weights = "{0.1, 0.4, 0.5, 1.0}"

    /// Re-indexes one article from its stored text; called in the transaction that changed it.
    static func update(_ connection: Connection, article: Article.ID) async throws {
        try await update(connection, articles: [article.rawValue])
    }

    /// Re-indexes the articles `ids` (after a name they show changed, or a copy), a few thousand per statement.
    static func update(_ connection: Connection, articles ids: [Int64]) async throws {
        for start in stride(from: 0, to: ids.count, by: 5_000) {
            let chunk = Array(ids[start..<min(start + 5_000, ids.count)])
            try await connection.execute(
                """
                INSERT INTO article_search (article_id, document, published, section_id)
                SELECT a.id,
                    setweight(to_tsvector('kiosk', a.title), 'A') || setweight(to_tsvector('kiosk', a.dek), 'B')
                    || setweight(to_tsvector('kiosk', coalesce((SELECT string_agg(au.name, ' ') FROM article_author aa JOIN author au ON au.id = aa.author_id
                        WHERE aa.article_id = a.id), '')), 'C')
                    || setweight(to_tsvector('kiosk', coalesce((SELECT string_agg(t.name, ' ') FROM article_topic at JOIN topic t ON t.id = at.topic_id
                        WHERE at.article_id = a.id), '')), 'C')
                    || setweight(to_tsvector('kiosk', coalesce((SELECT se.name FROM series se WHERE se.id = a.series_id), '')), 'C')
                    || setweight(to_tsvector('kiosk', a.body_markdown), 'D'),
                    CASE WHEN a.status = 'published' THEN a.published_at END, a.section_id
                FROM article a WHERE a.id = ANY(\(chunk))
                ON CONFLICT (article_id) DO UPDATE SET document = excluded.document, published = excluded.published, section_id = excluded.section_id
                """)
        }
    }

    /// The tsquery of `query`'s required words, all of them needed; with `prefix`, the last also matches as a prefix.
    private static func tsquery(_ query: SearchQuery, prefix: Bool, into sql: inout SQLBuilder) -> String {
        let terms = query.requiredTerms
        return "(" + terms.enumerated().map { index, term in
            prefix && index == terms.count - 1
                ? "to_tsquery('kiosk', quote_literal(\(sql.bind(term))) || ':*')"
                : "plainto_tsquery('kiosk', \(sql.bind(term)))"
        }.joined(separator: " && ") + ")"
    }

    /// The matches of `query` under `condition` (published, and in its section when it names one).
    private static func matches(_ query: SearchQuery, prefix: Bool, into sql: inout SQLBuilder) -> String {
        var where_ = "s.document @@ \(tsquery(query, prefix: prefix, into: &sql)) AND s.published IS NOT NULL"
        if let section = query.section {
            where_ += " AND s.section_id = (SELECT id FROM section WHERE slug = \(sql.bind(section.rawValue)))"
        }
        return "FROM article_search s WHERE " + where_
    }

    private static func count(_ connection: Connection, _ query: SearchQuery, prefix: Bool) async throws -> Int {
        var sql = SQLBuilder()
        let from = matches(query, prefix: prefix, into: &sql)
        sql.append("SELECT count(*) " + from)
        return Int(try await connection.value(sql.query, as: Int64.self) ?? 0)
    }

    /// One page of published articles matching `query`, best first: ts_rank with the weights above,
    /// boosted up to twice for the newest articles (the boost halves after a month). Words are
    /// matched whole (after stemming) first; only when that finds nothing is the last word tried
    /// as a prefix. Snippets are made only for the page.
    static func search(_ connection: Connection, _ query: SearchQuery, request: PageRequest) async throws -> Page<SearchResult> {
        guard !query.isEmpty else { return Page(items: [], request: request, totalItems: 0) }
        var prefix = false
        var total = try await count(connection, query, prefix: false)
        if total == 0, query.lastTermMayBePrefix {
            prefix = true
            total = try await count(connection, query, prefix: true)
        }
        guard request.offset < total else { return Page(items: [], request: request, totalItems: total) }
        var sql = SQLBuilder()
        let from = matches(query, prefix: prefix, into: &sql)
        let tsquery = self.tsquery(query, prefix: prefix, into: &sql)
        let options = "StartSel=\"\(SearchResult.matchStart)\", StopSel=\"\(SearchResult.matchEnd)\", MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=\"…\""
        sql.append(
            """
            SELECT page.article_id, ts_headline('kiosk', a.body_markdown, \(tsquery), \(sql.bind(options))) AS snippet
            FROM (SELECT s.article_id, ts_rank(\(sql.bind(weights))::real[], s.document, \(tsquery))
                    * (1.0 + 1.0 / (1.0 + extract(epoch FROM (now() - s.published)) / 2592000.0)) AS score
                \(from) ORDER BY score DESC, s.article_id DESC LIMIT \(sql.bind(request.size)) OFFSET \(sql.bind(request.offset))) page
            JOIN article a ON a.id = page.article_id
            ORDER BY page.score DESC, page.article_id DESC
            """)
        let rows = try await connection.rows(sql.query)
        let ids = try rows.map { try $0.get("article_id", as: Int64.self) }
        let snippets = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.get("article_id", as: Int64.self), try $0.get("snippet", as: String.self)) })
        let summaries = Dictionary(
            uniqueKeysWithValues: try await Summaries.fetch(connection, filter: .ids(ids.map(Article.ID.init)), limit: ids.count, offset: 0)
                .map { ($0.id.rawValue, $0) })
        let results = ids.compactMap { id in summaries[id].map { SearchResult(summary: $0, snippet: snippets[id] ?? $0.excerpt) } }
        return Page(items: results, request: request, totalItems: total)
    }
}
