import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// Standing pages (About, Masthead…): made in the newsroom, served at the site's root, never in the way of a route.
@Suite("Pages, through the router")
struct PagesTests {
    func body(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("an editor writes a page, publishes it and links it; readers see it at the root, in the navigation and the sitemap, never in feeds")
    func publishing() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let fields = [("title", "About <The Gazette>"), ("slug", ""), ("body", "We **report**.\n\n<script>alert(1)</script>"), ("placement", "header")]
            let created = try await editor.post(client, "/admin/pages", fields)
            #expect(created.status == .seeOther)
            let editorPath = try #require(created.headers[.location]?.split(separator: "?").first.map(String.init))
            #expect(try await client.execute(uri: "/about-the-gazette", method: .get).status == .notFound, "a draft is not public")
            let preview = try await editor.send(client, .get, editorPath + "/preview")
            #expect(preview.status == .ok && body(preview).contains("About &lt;The Gazette&gt;") && preview.headers[.cacheControl] == "no-store")
            let published = try await editor.post(client, editorPath, fields + [("version", "1"), ("action", "publish")])
            #expect(published.status == .seeOther)
            let page = try await client.execute(uri: "/about-the-gazette", method: .get)
            #expect(page.status == .ok)
            let html = body(page)
            #expect(html.contains("<h1 class=\"headline\">About &lt;The Gazette&gt;</h1>") && html.contains("<strong>report</strong>"))
            #expect(!html.contains("<script>alert"), "raw HTML in a page body is not passed through")
            #expect(html.contains("<a href=\"/about-the-gazette\" aria-current=\"page\">About &lt;The Gazette&gt;</a>"))
            let home = body(try await client.execute(uri: "/", method: .get))
            #expect(home.contains("<a href=\"/about-the-gazette\">About &lt;The Gazette&gt;</a>"), "linked in the header")
            let sitemap = body(try await client.execute(uri: "/sitemaps/pages.xml", method: .get))
            #expect(sitemap.contains("https://gazette.example/about-the-gazette"))
            #expect(body(try await client.execute(uri: "/sitemap.xml", method: .get)).contains("/sitemaps/pages.xml"))
            #expect(!body(try await client.execute(uri: "/feed.xml", method: .get)).contains("The Gazette&gt;"), "feeds leave pages out")
            for path in ["/latest", "/search?q=report"] {
                let links = body(try await client.execute(uri: path, method: .get)).components(separatedBy: "href=\"/about-the-gazette\"").count - 1
                #expect(links == 1, "\(path) links the page only in the header, never as a story")
            }
        }
    }

    @Test("a page cannot take one of the site's own addresses, typed or made from its title; nothing is stored")
    func reservedSlugs() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            for fields in [[("title", "Our search"), ("slug", "search")], [("title", "Latest"), ("slug", "")], [("title", "Newsletter"), ("slug", "")]] {
                let refused = try await editor.post(client, "/admin/pages", fields + [("body", "Text kept.")])
                #expect(refused.status == .unprocessableContent)
                #expect(body(refused).contains("one of the site&#39;s own addresses") || body(refused).contains("one of the site’s own addresses"))
                #expect(body(refused).contains("Text kept."), "the editor's text is shown again")
            }
            #expect(try await site.store.newsroomPages(PageRequest(number: 1, size: 10)!).totalItems == 0)
        }
    }

    @Test("no page can shadow a route: every first segment the router answers is reserved, and a reserved slug is refused")
    func routesAreReserved() async throws {
        let site = try await TestSite.make()
        let segments = Set(
            site.router.routes.compactMap { route -> String? in
                guard let first = route.path.description.split(separator: "/").first.map(String.init), !first.hasPrefix("{"), !first.hasPrefix(":") else { return nil }
                return first
            })
        #expect(!segments.isEmpty)
        #expect(segments.subtracting(ReservedPaths.segments).isEmpty, "routes whose first segment pages could take: \(segments.subtracting(ReservedPaths.segments).sorted())")
        for segment in ReservedPaths.segments {
            guard let slug = Slug.parse(segment) else { continue }
            #expect(throws: ValidationError.self, "/\(segment)") {
                try PageContent(slug: slug, title: "Taken", body: RenderedBody(markdown: "", html: "", openingHTML: "", excerpt: ""))
            }
            let renamed = ReservedPaths.available(slug)
            #expect(renamed != slug && !ReservedPaths.isReserved(renamed), "an import renames /\(segment) to /\(renamed)")
        }
    }

    @Test("a new address redirects from the old one; a stale save is refused with the text kept; history restores; deleting answers 404")
    func lifecycle() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let created = try await editor.post(
                client, "/admin/pages", [("title", "Masthead"), ("body", "First line."), ("placement", "footer"), ("action", "publish")])
            let path = try #require(created.headers[.location]?.split(separator: "?").first.map(String.init))
            #expect(body(try await client.execute(uri: "/", method: .get)).contains("<a href=\"/masthead\">Masthead</a>"), "linked in the footer")
            let renamed = try await editor.post(
                client, path, [("title", "Our masthead"), ("slug", "our-masthead"), ("body", "Second line."), ("placement", "footer"), ("version", "1")])
            #expect(renamed.status == .seeOther)
            let old = try await client.execute(uri: "/masthead", method: .get)
            #expect(old.status == .movedPermanently && old.headers[.location] == "/our-masthead")
            let stale = try await editor.post(client, path, [("title", "Stale"), ("slug", "our-masthead"), ("body", "My stale words."), ("version", "1")])
            #expect(stale.status == .conflict && body(stale).contains("My stale words."))
            let history = body(try await editor.send(client, .get, path + "/revisions"))
            #expect(history.contains("First") && history.contains("Second") && history.contains("Our masthead"))
            let first = try #require(try await site.store.pageRevisions(of: SitePage.ID(Int64(path.split(separator: "/").last!)!)).last)
            let restored = try await editor.post(client, path + "/revisions/\(first.id)/restore", [("version", "2")])
            #expect(restored.status == .seeOther)
            #expect(body(try await client.execute(uri: "/masthead", method: .get)).contains("First line."))
            let deleted = try await editor.post(client, path + "/delete", [])
            #expect(deleted.status == .seeOther)
            #expect(try await client.execute(uri: "/masthead", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/our-masthead", method: .get).status == .notFound)
        }
    }
}
