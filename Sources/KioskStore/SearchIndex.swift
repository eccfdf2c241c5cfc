import Foundation
import GRDB
import KioskCore

/// Keeps the full-text index (`article_search`) in step with articles, and answers searches.
enum SearchIndex {
    /// Column weights for ranking: title, dek, body, authors, topics, series (and the two unindexed columns).
    static let weights = "10.0, 5.0, 1.0, 3.0, 4.0, 4.0, 0.0, 0.0"

    /// Re-indexes one article from its stored text; called in the transaction that changed it.
    static func update(_ db: Database, article: Article.ID) throws {
        try db.cachedStatement(sql: "DELETE FROM article_search WHERE rowid = ?").execute(arguments: [article.rawValue])
        try db.cachedStatement(sql: insert + " WHERE a.id = ?").execute(arguments: [article.rawValue])
    }

    /// Re-indexes every article.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM article_search")
        try db.execute(sql: insert)
    }

    private static let insert = """
        INSERT INTO article_search (rowid, title, dek, body, authors, topics, series, published, section)
        SELECT a.id, a.title, a.dek, a.body_markdown,
            (SELECT group_concat(au.name, ' ') FROM article_author aa JOIN author au ON au.id = aa.author_id WHERE aa.article_id = a.id),
            (SELECT group_concat(t.name, ' ') FROM article_topic at JOIN topic t ON t.id = at.topic_id WHERE at.article_id = a.id),
            (SELECT se.name FROM series se WHERE se.id = a.series_id),
            CASE WHEN a.status = 'published' THEN CAST(strftime('%s', a.published_at) AS INTEGER) END,
            a.section_id
        FROM article a
        """

    /// The FTS5 expression for `query`: every word quoted (so no operator can be formed), the last
    /// one also as a prefix, all required.
    static func expression(_ query: SearchQuery) -> String {
        query.terms.enumerated().map { index, term in
            "\"\(term.replacingOccurrences(of: "\"", with: ""))\"" + (index == query.terms.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }
}

extension SearchIndex {
    /// One page of published articles matching `query`, best first: bm25 relevance with the columns
    /// weighted, boosted up to twice for the newest articles (the boost halves after a month).
    static func search(_ db: Database, _ query: SearchQuery, request: PageRequest) throws -> Page<SearchResult> {
        guard !query.isEmpty else { return Page(items: [], request: request, totalItems: 0) }
        var condition = "article_search MATCH ? AND published IS NOT NULL"
        var arguments: StatementArguments = [expression(query)]
        if let section = query.section {
            condition += " AND section = (SELECT id FROM section WHERE slug = ?)"
            arguments += [section.rawValue]
        }
        let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM article_search WHERE \(condition)"), arguments: arguments) ?? 0
        guard request.offset < total else { return Page(items: [], request: request, totalItems: total) }
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT rowid AS id, snippet(article_search, 2, ?, ?, '…', 28) AS snippet
                    FROM article_search WHERE \(condition)
                    ORDER BY bm25(article_search, \(weights)) * (1.0 + 1.0 / (1.0 + (unixepoch() - published) / 2592000.0))
                    LIMIT ? OFFSET ?
                    """),
            arguments: [String(SearchResult.matchStart), String(SearchResult.matchEnd)] + arguments + [request.size, request.offset])
        let ids = rows.map { Article.ID($0["id"]) }
        let summaries = Dictionary(uniqueKeysWithValues: try Summaries.fetch(db, filter: .ids(ids), limit: ids.count, offset: 0).map { ($0.id, $0) })
        let results = rows.compactMap { row -> SearchResult? in
            summaries[Article.ID(row["id"])].map { SearchResult(summary: $0, snippet: row["snippet"]) }
        }
        return Page(items: results, request: request, totalItems: total)
    }
}
