import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// Old addresses of imported stories keep working.
@Suite("Old addresses")
struct OldAddressTests {
    @Test("an old address is kept in one form: lower case, no trailing slash, ?p= and ?page_id= on the front page only")
    func normalizing() {
        #expect(OldAddress.normalized(path: "/2025/06/Harbour-Story/") == "/2025/06/harbour-story")
        #expect(OldAddress.normalized(path: "/", query: "p=41&utm_source=x") == "/?p=41")
        #expect(OldAddress.normalized(path: "/", query: "page_id=7") == "/?page_id=7")
        #expect(OldAddress.normalized(path: "/", query: "p=abc") == nil && OldAddress.normalized(path: "/") == nil)
        #expect(OldAddress.normalized(address: "https://old.example/p/the-letter/#comments") == "/p/the-letter")
        #expect(OldAddress.normalized(address: "https://old.example/?p=12") == "/?p=12")
        #expect(OldAddress.normalized(path: "/" + String(repeating: "a", count: 600)) == nil)
    }

    @Test("WordPress, Ghost and Substack addresses of imported stories answer 301 with the new one; others still 404")
    func redirects() async throws {
        let site = try await TestSite.make()
        var content = try site.publication.article("vote-count").content
        content.slug = try Slug("imported-story")
        let names = ContentNames(of: content, in: try await site.store.taxonomy(), topImage: nil)
        let when = site.clock.now.addingTimeInterval(-86_400 * 30)
        _ = try await site.store.importArticles(
            [ImportedArticle(
                content: content, status: .published, publishedAt: when, createdAt: when, updatedAt: when,
                revision: NewRevision(kind: .created, by: ChangeAuthor(integration: "import"), content: content, names: names),
                key: ImportKey(source: "wordpress:https://old.example", kind: "article", externalID: "41"),
                oldPaths: ["/2025/06/imported-story", "/?p=41", "/imported-story-old", "/p/imported-story"])],
            now: site.clock.now)
        try await site.application.test(.router) { client in
            for path in ["/2025/06/imported-story/", "/2025/06/Imported-Story", "/?p=41", "/imported-story-old/", "/p/imported-story", "/p/imported-story?utm=x"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .movedPermanently && response.headers[.location] == "/articles/imported-story", "\(path)")
            }
            #expect(try await client.execute(uri: "/?p=41", method: .head).status == .movedPermanently)
            #expect(try await client.execute(uri: "/2025/06/never-was", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/?p=99", method: .get).status == .ok, "an unknown ?p= is the front page, as before")
            #expect(try await client.execute(uri: "/p/imported-story", method: .post).status != .movedPermanently)
            #expect(try await client.execute(uri: "/articles/imported-story", method: .get).status == .ok)
        }
    }
}
