import KioskCore
import Testing

@Suite("Slug")
struct SlugTests {
    @Test("accepts lowercase words joined by single hyphens", arguments: ["europe", "week-in-statecraft", "a1-b2-c3", "2026"])
    func acceptsValid(_ text: String) throws {
        #expect(try Slug(text).rawValue == text)
    }

    @Test(
        "rejects anything else with a message",
        arguments: ["", "Europe", "two  words", "-leading", "trailing-", "double--hyphen", "../etc", "a/b", "naïve", "<script>",
                    String(repeating: "a", count: 121)])
    func rejectsInvalid(_ text: String) {
        #expect(throws: ValidationError.self) { try Slug(text) }
        #expect(Slug.parse(text) == nil)
    }

    @Test("derives a slug from a headline")
    func derivesFromTitle() {
        #expect(Slug.derived(from: "Baltic Capitals Ask NATO — Again!")?.rawValue == "baltic-capitals-ask-nato-again")
        #expect(Slug.derived(from: "Bogotá’s élan, São Paulo")?.rawValue == "bogota-s-elan-sao-paulo")
        #expect(Slug.derived(from: "   ") == nil)
        #expect(Slug.derived(from: "日本") == nil)
    }
}

@Suite("Pagination")
struct PaginationTests {
    @Test("an absent page query means page 1")
    func absentIsFirst() {
        #expect(PageRequest(query: nil, size: 10)?.number == 1)
    }

    @Test("plain positive numbers are pages", arguments: [("1", 1), ("2", 2), ("100000", 100_000)])
    func numbers(_ query: String, _ expected: Int) {
        #expect(PageRequest(query: query, size: 10)?.number == expected)
    }

    @Test("anything else is not a page", arguments: ["", "0", "-1", "abc", "1.5", "1e3", " 2", "+2", "100001", "99999999999999999999"])
    func rejects(_ query: String) {
        #expect(PageRequest(query: query, size: 10) == nil)
    }

    @Test("pages know their neighbours and their end")
    func pageArithmetic() throws {
        let request = try #require(PageRequest(number: 2, size: 10))
        let page = Page(items: [Int](), request: request, totalItems: 25)
        #expect(page.totalPages == 3)
        #expect(page.hasPrevious && page.hasNext && !page.isBeyondEnd)
        #expect(request.offset == 10)
        let empty = Page(items: [Int](), request: try #require(PageRequest(number: 1, size: 10)), totalItems: 0)
        #expect(empty.totalPages == 1 && !empty.isBeyondEnd)
        let beyond = Page(items: [Int](), request: try #require(PageRequest(number: 4, size: 10)), totalItems: 25)
        #expect(beyond.isBeyondEnd)
    }
}

@Suite("Content rules")
struct ContentRuleTests {
    let body = RenderedBody(markdown: "Text", html: "<p>Text</p>", openingHTML: "<p>Text</p>", excerpt: "Text")

    func content(title: String = "A headline", authors: [Author.ID] = [Author.ID(1)]) throws(ValidationError) -> ArticleContent {
        try ArticleContent(slug: Slug("a-headline"), title: title, dek: "", format: .analysis, sectionID: Section.ID(1), authorIDs: authors, body: body)
    }

    @Test("a headline is required and bounded")
    func headline() throws {
        #expect(throws: ValidationError(field: "title", message: "A headline is required.")) { try content(title: "  \n ") }
        #expect(throws: ValidationError.self) { try content(title: String(repeating: "x", count: 10_000)) }
        #expect(try content(title: "  Trimmed  ").title == "Trimmed")
    }

    @Test("a byline needs at least one author, each once")
    func byline() {
        #expect(throws: ValidationError.self) { try content(authors: []) }
        #expect(throws: ValidationError.self) { try content(authors: [Author.ID(1), Author.ID(1)]) }
    }

    @Test("site settings refuse an unknown time zone or an empty name")
    func settings() {
        #expect(throws: ValidationError.self) {
            try SiteSettings(name: "Paper", description: "", about: "", locale: "en", timeZone: "Mars/Olympus_Mons")
        }
        #expect(throws: ValidationError.self) {
            try SiteSettings(name: " ", description: "", about: "", locale: "en", timeZone: "UTC")
        }
    }

    @Test("empty SEO overrides count as absent")
    func seo() {
        let seo = SEOFields(title: "  ", description: "", canonicalURL: nil)
        #expect(seo.title == nil && seo.description == nil && seo.canonicalURL == nil)
    }
}
