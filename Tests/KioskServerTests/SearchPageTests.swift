import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

@Suite("Search page through the router")
struct SearchPageTests {
    @Test("results show the matches marked, newest relevant first, with the form filled in")
    func results() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: "/search?q=strike+ends", method: .get)
            let html = String(buffer: response.body)
            #expect(response.status == .ok)
            #expect(html.contains("value=\"strike ends\""))
            #expect(html.contains("1 result for “strike ends”"))
            #expect(html.contains("<a href=\"/articles/port-strike\">A port strike ends</a>"))
            #expect(html.contains("<mark>strike</mark>"))
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        }
    }

    @Test("a section narrows the search; an unknown one is ignored")
    func sections() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let africa = String(buffer: try await client.execute(uri: "/search?q=letter&section=africa", method: .get).body)
            #expect(africa.contains("1 result for “letter”"))
            #expect(africa.contains("<option value=\"africa\" selected>Africa</option>"))
            let unknown = try await client.execute(uri: "/search?q=letter&section=%3Cscript%3E", method: .get)
            #expect(unknown.status == .ok)
            #expect(String(buffer: unknown.body).contains("3 results for “letter”"))
        }
    }

    @Test(
        "any input gets a page, never an error, and is shown back escaped",
        arguments: [
            "", "q=", "q=%22", "q=%22unbalanced", "q=NOT", "q=a+OR+b", "q=title%3Astrike", "q=(((", "q=%F0%9F%99%82",
            "q=%27%3B+DROP+TABLE+article%3B+--", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "q=%ZZ", "q=" + String(repeating: "junk+", count: 2_000),
            "q=strike&q=other", "q=strike&page=1",
        ])
    func anyInput(query: String) async throws {
        let site = try await TestSite.make()
        let before = try await StoreSnapshot.take(site.publication.store, articles: site.publication.articles.values.map(\.id))
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: "/search?" + query, method: .get)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("<form class=\"search-form\""))
        }
        #expect(try await StoreSnapshot.take(site.publication.store, articles: site.publication.articles.values.map(\.id)) == before)
    }

    @Test("nothing found is said plainly; pages past the end are 404")
    func nothingFound() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let none = String(buffer: try await client.execute(uri: "/search?q=zebra", method: .get).body)
            #expect(none.contains("Nothing found for “zebra”"))
            #expect(try await client.execute(uri: "/search?q=letter&page=2", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/search?q=letter&page=abc", method: .get).status == .notFound)
        }
    }
}
