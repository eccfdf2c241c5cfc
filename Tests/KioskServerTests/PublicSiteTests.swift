import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

@Suite("Reader's site through the router")
struct PublicSiteTests {
    static let pages = [
        "/", "/latest", "/latest?page=1", "/articles/letter-two", "/sections/europe", "/topics/ports", "/series/harbour-letters",
        "/authors/ada-test", "/assets/style.css", "/assets/kiosk.js", "/healthz",
    ]

    @Test("every GET route answers 200", arguments: pages)
    func getRoutes(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes > 0)
            }
        }
    }

    @Test("HEAD answers like GET without a body", arguments: pages + ["/no-such-page", "/articles/no-such-story"])
    func headRoutes(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let get = try await client.execute(uri: path, method: .get)
            let head = try await client.execute(uri: path, method: .head)
            #expect(head.status == get.status)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test("the article page shows every part of the story")
    func articlePage() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            try await client.execute(uri: "/articles/letter-two", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(html.contains("<span class=\"format\">Reporting</span>"))
                #expect(html.contains("<a href=\"/sections/europe\">Europe</a>"))
                #expect(html.contains("Series: <a href=\"/series/harbour-letters\">Harbour Letters</a>"))
                #expect(html.contains("<h1 class=\"headline\">Letter two from the harbour</h1>"))
                #expect(html.contains("<p class=\"dek\">The dek of letter two from the harbour.</p>"))
                #expect(html.contains("By <a href=\"/authors/ada-test\" rel=\"author\">Ada Test</a> and <a href=\"/authors/bea-test\" rel=\"author\">Bea Test</a>"))
                #expect(html.contains("alt=\"A drawing of a harbour crane\""))
                #expect(html.contains("<span class=\"caption\">The crane at the test harbour.</span>"))
                #expect(html.contains("<span class=\"credit\">Illustration: Test Studio</span>"))
                #expect(html.contains("<section class=\"roundup\"><h2 class=\"roundup-title\">In other harbour news</h2>"))
                #expect(html.contains("rel=\"prev\">Letter one from the harbour</a>"))
                #expect(html.contains("rel=\"next\">Letter three from the harbour</a>"))
                #expect(html.components(separatedBy: "<article class=\"teaser\"").count - 1 == 4)
                #expect(html.contains("<details class=\"teaser-more\">"))
                #expect(html.contains("<link rel=\"canonical\" href=\"https://gazette.example/articles/letter-two\">"))
            }
        }
    }

    static let unknownPaths = [
        "/no-such-page", "/articles/no-such-story", "/articles/secret-draft", "/articles/Letter-Two", "/articles/%3Cscript%3E",
        "/sections/antarctica", "/topics/none", "/series/none", "/authors/nobody", "/articles/", "/assets/missing.css",
        "/media/missing.svg",
    ]

    static let badPagePaths = [
        "/latest?page=abc", "/latest?page=0", "/latest?page=-1", "/latest?page=1.5", "/latest?page=99999",
        "/latest?page=99999999999999999999999", "/latest?page=2", "/sections/europe?page=%00", "/topics/ports?page=2",
        "/authors/ada-test?page=1e3", "/series/harbour-letters?page=",
    ]

    /// Each asks for a file of a type that is served (an SVG beside the media folder, the newsroom's
    /// stylesheet beside the site's assets), so only the checks of the name keep it out.
    static let traversalPaths = [
        "/media/..%2Fkiosk-secret.svg", "/media/%2e%2e%2fkiosk-secret.svg", "/media/../kiosk-secret.svg", "/media/..", "/media/..%2F..%2Fkiosk-secret.svg",
        "/assets/..%2F..%2Fadmin%2Fassets%2Fadmin.css", "/assets/%2e%2e%2f%2e%2e%2fadmin%2fassets%2fadmin.css", "/admin/assets/..%2F..%2Fdefault%2Fassets%2Fstyle.css",
        "/media/%2e%2e", "/media/.hidden.svg", "/media//etc/passwd", "/media/%2Fetc%2Fpasswd", "/media/..%5c..%5cwin.ini",
        "/media/test-harbour.svg%00.png", "/media/test-harbour.svg/..", "/assets/..%2F..%2FPackage.swift", "/media/test-harbour.exe",
    ]

    static let longPaths = [
        "/articles/" + String(repeating: "a", count: 20_000), "/latest?q=" + String(repeating: "x", count: 100_000),
    ]

    @Test("unknown things are a themed 404", arguments: unknownPaths)
    func notFound(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("Page not found"))
                #expect(html.contains("The Test Gazette"))
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
            }
        }
    }

    @Test("bad page numbers are a 404, never a 500", arguments: badPagePaths)
    func badPages(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("media paths cannot leave the media folder", arguments: traversalPaths)
    func traversal(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!String(buffer: response.body).contains("secret"))
            }
        }
    }

    @Test("a changed slug answers 301 to the new address")
    func redirects() async throws {
        let site = try await TestSite.make()
        let store = site.publication.store
        let article = try site.publication.article("vote-count")
        var content = article.content
        content.slug = try Slug("vote-count-begins")
        try await store.replaceContent(of: article.id, with: content, now: TestPublication.now)
        try await store.updateSection(site.publication.europe.id, NewSection(slug: Slug("european-union"), name: "Europe"))
        try await site.application.test(.router) { client in
            try await client.execute(uri: "/articles/vote-count", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/articles/vote-count-begins")
            }
            try await client.execute(uri: "/articles/vote-count", method: .head) { response in
                #expect(response.status == .movedPermanently)
            }
            try await client.execute(uri: "/sections/europe?page=1", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/sections/european-union")
            }
            try await client.execute(uri: "/articles/vote-count-begins", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("very long addresses get a 414 page", arguments: longPaths)
    func longAddresses(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .uriTooLong)
                #expect(String(buffer: response.body).contains("Request not understood"))
            }
        }
    }

    @Test("every kind of response carries every security header: pages, cached pages, errors, redirects, newsroom, APIs, files, feeds")
    func securityHeaders() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let signedIn = try await editor.send(client, .get, "/admin/articles")
            #expect(signedIn.status == .ok)
            let paths = [
                "/", "/", "/articles/letter-one", "/no-such-page", "/latest?page=abc", "/admin", "/admin/login", "/api/content/v1/articles",
                "/api/content/v1/nothing", "/api/admin/v1/articles", "/media/test-harbour.svg", "/assets/site.css", "/feed.xml", "/sitemap.xml",
                "/newsletter", "/search?q=pilots",
            ]
            var responses = [("signed-in newsroom", signedIn)]
            for path in paths { responses.append((path, try await client.execute(uri: path, method: .get))) }
            for (name, response) in responses {
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true
                    || response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(name): CSP")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true
                    || response.headers[.contentSecurityPolicy]?.contains("sandbox") == true, "\(name): no framing")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(name): nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin", "\(name): referrer")
                #expect(response.headers[HTTPField.Name("Permissions-Policy")!]?.contains("camera=()") == true, "\(name): permissions")
                #expect(response.headers[.strictTransportSecurity] == "max-age=31536000", "\(name): HSTS (the public URL is HTTPS)")
            }
        }
    }

    @Test("nothing a reader sends, good or bad, changes stored data; the media folder only ever caches stored images")
    func readersCannotWrite() async throws {
        let site = try await TestSite.make()
        let ids = site.publication.articles.values.map(\.id) + [site.publication.draft.id]
        let before = try await StoreSnapshot.take(site.publication.store, articles: ids)
        let body = ByteBuffer(string: "title=Hacked&slug=letter-two&status=published")
        try await site.application.test(.router) { client in
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                for path in ["/", "/articles/letter-two", "/articles/secret-draft", "/sections/europe", "/media/test-harbour.svg"] {
                    let response = try await client.execute(uri: path, method: method, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
                    #expect(response.status.code >= 400 && response.status.code < 500, "\(method) \(path) answered \(response.status)")
                }
            }
            for path in Self.pages + Self.unknownPaths + Self.badPagePaths + Self.traversalPaths + Self.longPaths {
                for method in [HTTPRequest.Method.get, .head] {
                    let response = try await client.execute(uri: path, method: method)
                    #expect(response.status.code < 500, "\(method) \(path.prefix(80)) answered \(response.status)")
                }
            }
        }
        let after = try await StoreSnapshot.take(site.publication.store, articles: ids)
        #expect(before == after)
        let cached = try FileManager.default.contentsOfDirectory(atPath: site.mediaFolder.path)
        #expect(cached.isEmpty, "readers are never served an original, so none is copied into the folder for them")
    }
}
