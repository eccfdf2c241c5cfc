import Foundation
import KioskCore
import KioskRender
import KioskStore
import KioskTestSupport
import Testing

@Suite("Search contract")
struct SearchTests {
    func search(_ store: any PublicationStore, _ text: String, section: String? = nil, page: Int = 1) async throws -> Page<SearchResult> {
        try await store.search(SearchQuery(text, section: section.flatMap(Slug.parse)), page: #require(PageRequest(number: page, size: 10)))
    }

    @Test("finds words in titles, bodies, authors, topics and series; drafts never", arguments: StoreKind.allCases)
    func fields(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        #expect(try await search(store, "strike").items.map(\.summary.slug.rawValue) == ["port-strike"])
        #expect(try await search(store, "dawn").items.map(\.summary.slug.rawValue) == ["vote-count"])
        #expect(try await search(store, "Cal Test").items.map(\.summary.slug.rawValue).sorted() == ["port-strike", "unrelated-europe"])
        #expect(try await search(store, "elections").items.map(\.summary.slug.rawValue).sorted() == ["port-strike", "vote-count"])
        #expect(try await search(store, "harbour letters").totalItems == 3)
        #expect(try await search(store, "draft nobody").items.isEmpty)
    }

    @Test("stems words and folds diacritics", arguments: StoreKind.allCases)
    func stemming(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        #expect(try await search(store, "counting").items.map(\.summary.slug.rawValue) == ["vote-count"])
        #expect(try await search(store, "LETTERS").totalItems == 3)
        #expect(try await search(store, "hárbóur").totalItems == 3)
        #expect(try await search(store, "harb").totalItems == 3, "the last word matches as a prefix")
    }

    @Test("common English words are skipped unless nothing else is left; short last words are not prefixes", arguments: StoreKind.allCases)
    func stopWords(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        #expect(try await search(store, "the strike of the port").items.map(\.summary.slug.rawValue) == ["port-strike"])
        #expect(try await search(store, "the").totalItems == 6)
        #expect(try await search(store, "str").items.isEmpty, "three letters are matched as a word, not a prefix")
    }

    @Test("filters by section, paginates, and marks matches in the snippet", arguments: StoreKind.allCases)
    func filtersAndSnippets(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        #expect(try await search(store, "letter", section: "africa").items.map(\.summary.slug.rawValue) == ["letter-three"])
        let result = try #require(try await search(store, "strike").items.first)
        #expect(result.snippet.contains("\(SearchResult.matchStart)strike\(SearchResult.matchEnd)"))
        let beyond = try await search(store, "letter", page: 2)
        #expect(beyond.items.isEmpty && beyond.totalItems == 3 && beyond.isBeyondEnd)
    }

    @Test("any input gives results or nothing, never an error", arguments: StoreKind.allCases)
    func anyInput(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let hostile = [
            "", "   ", "\"", "\"unbalanced", "NOT", "a OR b", "title:strike", "strike*", "(((", "NEAR(a b)", "🙂", "'; DROP TABLE article; --",
            String(repeating: "junk ", count: 2_000), "\u{0}", "^strike", "-strike", "+strike", "strike & port | !ship", "port:*", "<->", "'quoted'",
            "\\", "ÆØÅ", "日本語", "١٢٣",
        ]
        for text in hostile {
            let page = try await search(fixture.store, text)
            #expect(page.items.count <= 10, "\(text.prefix(20))")
        }
        #expect(try await search(fixture.store, "strike & port").items.map(\.summary.slug.rawValue) == ["port-strike"], "operators are ignored, words kept")
        #expect(try await fixture.store.articleCount() == 7)
    }

    @Test("an edit is found under its new words at once", arguments: StoreKind.allCases)
    func followsEdits(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let article = try fixture.article("vote-count")
        var content = article.content
        content.title = "Ballots counted in Zanzibar"
        content.body = MarkdownRenderer().render("A new body about turnout.")
        try await fixture.store.replaceContent(of: article.id, with: content, now: Date())
        #expect(try await search(fixture.store, "zanzibar").items.map(\.summary.slug.rawValue) == ["vote-count"])
        #expect(try await search(fixture.store, "dawn").items.isEmpty)
    }

    @Test("newer articles rank higher when relevance is equal", arguments: StoreKind.allCases)
    func recency(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        var older = try fixture.article("vote-count").content
        older.body = MarkdownRenderer().render("Quinoa prices rose.")
        older.title = "Market report"
        older.slug = try Slug("market-report-old")
        var newer = older
        newer.slug = try Slug("market-report-new")
        try await fixture.store.createPublishedArticles([
            (older, Date().addingTimeInterval(-90 * 86_400)), (newer, Date().addingTimeInterval(-86_400)),
        ])
        #expect(try await search(fixture.store, "quinoa").items.map(\.summary.slug.rawValue) == ["market-report-new", "market-report-old"])
    }
}
