import Foundation
import GRDB
import KioskCore
import KioskStore

/// Keeps the full-text index (`article_search`) in step with articles, and answers searches.
enum SearchIndex {
    /// Column weights for ranking: title, dek, body, authors, topics, series.
    static let weights = "10.0, 5.0, 1.0, 3.0, 4.0, 4.0"

    /// Re-indexes one article from its stored text; called in the transaction that changed it.
    static func update(_ db: Database, article: Article.ID) throws {
        try db.cachedStatement(sql: "DELETE FROM article_search WHERE rowid = ?").execute(arguments: [article.rawValue])
        try db.cachedStatement(sql: "DELETE FROM article_search_filter WHERE article_id = ?").execute(arguments: [article.rawValue])
        try add(db, article: article)
    }

    /// Indexes an article not indexed before (one just inserted).
    static func add(_ db: Database, article: Article.ID) throws {
        try db.cachedStatement(sql: insert + " WHERE a.id = ?").execute(arguments: [article.rawValue])
        try db.cachedStatement(sql: insertFilter + " WHERE a.id = ?").execute(arguments: [article.rawValue])
    }

    /// Re-indexes every article.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM article_search; DELETE FROM article_search_filter")
        try db.execute(sql: insert)
        try db.execute(sql: insertFilter)
    }

    private static let insertFilter = """
        INSERT INTO article_search_filter (article_id, published, section_id)
        SELECT a.id, CASE WHEN a.status = 'published' THEN CAST(strftime('%s', a.published_at) AS INTEGER) END, a.section_id
        FROM article a
        """

    private static let insert = """
        INSERT INTO article_search (rowid, title, dek, body, authors, topics, series)
        SELECT a.id, a.title, a.dek, a.body_markdown,
            (SELECT group_concat(au.name, ' ') FROM article_author aa JOIN author au ON au.id = aa.author_id WHERE aa.article_id = a.id),
            (SELECT group_concat(t.name, ' ') FROM article_topic at JOIN topic t ON t.id = at.topic_id WHERE at.article_id = a.id),
            (SELECT se.name FROM series se WHERE se.id = a.series_id)
        FROM article a
        """

    /// The FTS5 expression for `query`: every required word quoted (so no operator can be formed);
    /// with `prefix`, the last one also matches as a prefix.
    static func expression(_ query: SearchQuery, prefix: Bool) -> String {
        let terms = query.requiredTerms
        return terms.enumerated().map { index, term in
            let quoted = "\"\(term.replacingOccurrences(of: "\"", with: ""))\""
            return prefix && index == terms.count - 1 ? quoted + "*" : quoted
        }.joined(separator: " ")
    }
}

extension SearchIndex {
    /// One page of published articles matching `query`, best first: bm25 relevance with the columns
    /// weighted, boosted up to twice for the newest articles (the boost halves after a month). The
    /// page's ids are ranked first; snippets are made only for them. Words are matched whole (after
    /// stemming) first; only when that finds nothing is the last word tried as a prefix, since a
    /// prefix of a common stem can match several times as many rows and costs as much more to rank.
    static func search(_ db: Database, _ query: SearchQuery, request: PageRequest) throws -> Page<SearchResult> {
        guard !query.isEmpty else { return Page(items: [], request: request, totalItems: 0) }
        var condition = "article_search MATCH ? AND f.published IS NOT NULL"
        var filters: StatementArguments = []
        if let section = query.section {
            condition += " AND f.section_id = (SELECT id FROM section WHERE slug = ?)"
            filters += [section.rawValue]
        }
        let matches = "FROM article_search JOIN article_search_filter f ON f.article_id = article_search.rowid WHERE \(condition)"
        var expression = expression(query, prefix: false)
        var total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) \(matches)"), arguments: [expression] + filters) ?? 0
        let withPrefix = self.expression(query, prefix: true)
        if total == 0, query.lastTermMayBePrefix {
            expression = withPrefix
            total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) \(matches)"), arguments: [expression] + filters) ?? 0
        }
        let arguments: StatementArguments = [expression] + filters
        guard request.offset < total else { return Page(items: [], request: request, totalItems: total) }
        let ids = try Int64.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT article_search.rowid \(matches)
                    ORDER BY bm25(article_search, \(weights)) * (1.0 + 1.0 / (1.0 + (unixepoch() - f.published) / 2592000.0))
                    LIMIT ? OFFSET ?
                    """),
            arguments: arguments + [request.size, request.offset])
        let idList = ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
        let snippets = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db,
                sql: "SELECT rowid, snippet(article_search, 2, ?, ?, '…', 28) AS snippet FROM article_search WHERE article_search MATCH ? AND rowid IN (\(idList))",
                arguments: [String(SearchResult.matchStart), String(SearchResult.matchEnd), expression]
            ).map { row -> (Int64, String) in (row["rowid"], row["snippet"]) })
        let summaries = Dictionary(
            uniqueKeysWithValues: try Summaries.fetch(db, filter: .ids(ids.map(Article.ID.init)), limit: ids.count, offset: 0).map { ($0.id.rawValue, $0) })
        let results = ids.compactMap { id in
            summaries[id].map { SearchResult(summary: $0, snippet: snippets[id] ?? $0.excerpt) }
        }
        return Page(items: results, request: request, totalItems: total)
    }
}
