import Foundation
import KioskCore
import KioskRender
import KioskStore
import KioskTestSupport
import Testing

/// Where the engines legitimately differ, each declared once with its reason. Everything else in
/// the contract holds word for word on every engine.
///
/// - Letter case in the newsroom's headline search: SQLite's `LIKE` folds the case of ASCII letters
///   only, PostgreSQL's `ILIKE` folds every letter ("ÉCOLE" finds "école").
/// - Ranking of search results: SQLite ranks with FTS5's bm25 (six columns, each weighted),
///   PostgreSQL with `ts_rank` (four weight classes: title, dek, names, body), so results of equal
///   relevance may come in another order. Which articles match, the recency boost, stemming,
///   diacritics and stop words are the same, and the contract tests check them on both.
/// - Order of names: SQLite sorts by bytes; PostgreSQL by its database's collation (the test server
///   uses C.UTF-8, so the same order; a server set up with a language's collation sorts as that
///   language does, which is what its readers expect).
enum EngineDifferences {
    /// Whether the engine folds the case of letters beyond ASCII when it searches headlines.
    static func foldsCaseBeyondASCII(_ kind: StoreKind) -> Bool { kind == .postgres }
}

@Suite("Engine differences, declared")
struct EngineDifferenceTests {
    @Test("headline search folds case as each engine's pattern matching does", arguments: StoreKind.allCases)
    func headlineCase(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        var content = try fixture.article("vote-count").content
        content.slug = try Slug("ecole-de-la-paix")
        content.title = "L’école de la paix"
        _ = try await fixture.store.createArticle(content, status: .draft, publishedAt: nil, now: TestPublication.now)
        func titles(_ search: String) async throws -> [String] {
            try await fixture.store.newsroomArticles(ArticleListFilter(titleSearch: search), page: PageRequest(number: 1, size: 10)!).items.map(\.title)
        }
        #expect(try await titles("école") == ["L’école de la paix"])
        #expect(try await titles("PAIX") == ["L’école de la paix"], "ASCII letters fold on every engine")
        #expect(try await titles("ÉCOLE") == (EngineDifferences.foldsCaseBeyondASCII(kind) ? ["L’école de la paix"] : []))
    }
}
