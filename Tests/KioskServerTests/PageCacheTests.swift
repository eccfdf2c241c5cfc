import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskStore
@testable import KioskServer
import KioskTestSupport
import Testing

@Suite("Page cache and HTTP caching")
struct PageCacheTests {
    static let pages = ["/", "/latest", "/articles/letter-two", "/sections/europe", "/topics/ports", "/series/harbour-letters", "/authors/ada-test"]

    @Test("pages carry a strong ETag, Last-Modified, Cache-Control and Vary, and answer 304 to a current copy", arguments: pages)
    func validators(path: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let first = try await client.execute(uri: path, method: .get)
            let etag = try #require(first.headers[.eTag])
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            #expect(first.headers[.lastModified]?.hasSuffix(" GMT") == true)
            #expect(first.headers[.cacheControl] == "public, max-age=0, s-maxage=60, stale-while-revalidate=30")
            #expect(first.headers[.vary] == "Accept-Encoding")
            let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == etag)
            let other = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"0000\", W/\(etag)"])
            #expect(other.status == .notModified)
            let head = try await client.execute(uri: path, method: .head, headers: [.ifNoneMatch: etag])
            #expect(head.status == .notModified)
        }
    }

    @Test("a client that accepts gzip gets the same page compressed", arguments: [8 << 20, 0])
    func gzip(cacheBytes: Int) async throws {
        let site = try await TestSite.make(pageCacheBytes: cacheBytes)
        try await site.application.test(.router) { client in
            let plain = try await client.execute(uri: "/articles/letter-two", method: .get)
            let packed = try await client.execute(uri: "/articles/letter-two", method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"])
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(packed.headers[.contentEncoding] == "gzip")
            #expect(packed.headers[.eTag] == plain.headers[.eTag])
            #expect(packed.body.readableBytes < plain.body.readableBytes / 2)
            #expect(Gunzip.decompress(packed.body) == Array(plain.body.readableBytesView))
            for refusal in ["gzip;q=0, identity", "gzip; q=0.0", "br, *;q=0", "identity"] {
                let refused = try await client.execute(uri: "/articles/letter-two", method: .get, headers: [.acceptEncoding: refusal])
                #expect(refused.headers[.contentEncoding] == nil, "\(refusal)")
            }
            let wildcard = try await client.execute(uri: "/articles/letter-two", method: .get, headers: [.acceptEncoding: "*"])
            #expect(wildcard.headers[.contentEncoding] == "gzip")
        }
    }

    @Test("autosaving a draft, a refused save and a refused move keep the public pages cached; publishing drops them")
    func invalidationIsExplicit() async throws {
        let site = try await TestSite.make()
        let changes = site.store.changes
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let created = try await editor.post(
                client, "/admin/articles", ArticleFields.valid(title: "Pilots vote to strike", section: site.publication.europe.id, body: "At dawn."))
            let path = try #require(created.headers[.location]?.split(separator: "?").first.map(String.init))
            let generation = changes.generation
            let commits = changes.commits
            let draft = ArticleFields.valid(title: "Pilots vote to strike", section: site.publication.europe.id, body: "At dawn, by show of hands.")
            #expect(try await editor.post(client, path + "/autosave", draft + [("version", "1")]).status == .ok)
            #expect(try await editor.post(client, path + "/autosave", draft + [("version", "1")]).status == .conflict, "a stale autosave")
            #expect(try await editor.post(client, path, draft + [("version", "1")]).status == .conflict, "a stale save")
            #expect(try await editor.post(client, path + "/workflow", [("action", "restore")]).status == .conflict, "a refused move")
            #expect(changes.commits > commits, "every write was reported")
            #expect(changes.generation == generation, "none of them reached readers, so every cached page stays current")
            #expect(try await editor.post(client, path + "/workflow", [("action", "publish")]).status == .seeOther)
            #expect(changes.generation > generation, "publishing reached readers")
            let home = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(home.contains("Pilots vote to strike"))
        }
    }

    @Test("after an edit returns, every page that shows the article serves the new version", arguments: [8 << 20, 0])
    func noStalePagesAfterEdit(cacheBytes: Int) async throws {
        let site = try await TestSite.make(pageCacheBytes: cacheBytes)
        let store = site.publication.store
        let article = try site.publication.article("letter-two")
        try await site.application.test(.router) { client in
            for path in Self.pages {
                #expect(String(buffer: try await client.execute(uri: path, method: .get).body).contains("Letter two from the harbour"))
            }
            for round in 1...3 {
                var content = article.content
                content.title = "Letter two, revised \(round)"
                try await store.replaceContent(of: article.id, with: content, now: TestPublication.now)
                for path in Self.pages {
                    let body = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip"]).body
                    let text = String(decoding: Gunzip.decompress(body) ?? Array(body.readableBytesView), as: UTF8.self)
                    #expect(text.contains("Letter two, revised \(round)"), "\(path) is stale after edit \(round)")
                    #expect(!text.contains("Letter two from the harbour"))
                }
            }
        }
    }

    @Test("over a real socket, every request after a save serves the new version, while other clients keep reading")
    func noStalePagesLive() async throws {
        let site = try await TestSite.make()
        let store = site.publication.store
        let article = try site.publication.article("letter-two")
        try await site.application.test(.live) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reader in 0..<4 {
                    group.addTask {
                        for _ in 0..<25 {
                            let path = Self.pages[reader % Self.pages.count]
                            let status = try await client.execute(uri: path, method: .get).status
                            #expect(status == .ok)
                        }
                    }
                }
                group.addTask {
                    var content = article.content
                    for round in 1...20 {
                        content.title = "Letter two, live edit \(round)"
                        try await store.replaceContent(of: article.id, with: content, now: TestPublication.now)
                        for path in ["/articles/letter-two", "/", "/series/harbour-letters"] {
                            let html = String(buffer: try await client.execute(uri: path, method: .get).body)
                            #expect(html.contains("Letter two, live edit \(round)"), "\(path) stale after live edit \(round)")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("a publish shows up on the front page and in Latest at once")
    func publishIsVisible() async throws {
        let site = try await TestSite.make()
        let fixture = site.publication
        try await site.application.test(.router) { client in
            _ = try await client.execute(uri: "/", method: .get)
            _ = try await client.execute(uri: "/latest", method: .get)
            var content = fixture.draft.content
            content.title = "Breaking: the draft is out"
            let published = try await fixture.store.createArticle(
                try ArticleContent(
                    slug: Slug("breaking-news"), title: content.title, dek: "", format: .reporting, sectionID: fixture.africa.id,
                    authorIDs: [fixture.bea.id], body: content.body),
                status: .published, publishedAt: Date(), now: Date())
            for path in ["/", "/latest", "/sections/africa", "/authors/bea-test", "/articles/breaking-news"] {
                let html = String(buffer: try await client.execute(uri: path, method: .get).body)
                #expect(html.contains("Breaking: the draft is out"), "\(path) does not show the new article \(published.id)")
            }
        }
    }

    @Test("the cache stays within its memory budget while serving")
    func boundedWhileServing() async throws {
        let budget = 64 * 1024
        let site = try await TestSite.make(pageCacheBytes: budget)
        let cache = site.pageCache
        try await site.application.test(.router) { client in
            for _ in 0..<3 {
                for path in Self.pages + ["/articles/letter-one", "/articles/letter-three", "/articles/vote-count", "/articles/port-strike"] {
                    let status = try await client.execute(uri: path, method: .get).status
                    #expect(status == .ok)
                    #expect(cache.usage.bytes <= budget)
                }
            }
        }
        #expect(cache.usage.pages > 0)
    }
}

@Suite("Page cache")
struct PageCacheUnitTests {
    func page(_ text: String, generation: UInt64) -> CachedPage {
        CachedPage(
            text: text, contentType: "text/html; charset=utf-8", generation: generation, renderedAt: Date(timeIntervalSince1970: 0),
            compress: true, cacheControl: "no-cache")
    }

    @Test("evicts the least recently used pages past its budget")
    func eviction() {
        let cache = PageCache(capacity: 20_000)
        let body = String(repeating: "x", count: 1_000)
        for index in 0..<40 {
            cache.insert(page(body + "\(index)", generation: 1), for: "/p\(index)")
            _ = cache.page(for: "/p0", generation: 1)
            #expect(cache.usage.bytes <= 20_000)
        }
        #expect(cache.page(for: "/p0", generation: 1) != nil, "the page read every time survives")
        #expect(cache.page(for: "/p1", generation: 1) == nil, "an old, unread page was evicted")
        #expect(cache.page(for: "/p39", generation: 1) != nil)
    }

    @Test("a newer generation makes older pages miss and drops them")
    func generations() {
        let cache = PageCache(capacity: 1 << 20)
        cache.insert(page("old", generation: 1), for: "/a")
        cache.insert(page("old", generation: 1), for: "/b")
        #expect(cache.page(for: "/a", generation: 2) == nil)
        cache.insert(page("new", generation: 2), for: "/a")
        #expect(cache.usage.pages == 1)
        cache.insert(page("late", generation: 1), for: "/b")
        #expect(cache.page(for: "/b", generation: 1) == nil, "a page rendered before the change is never kept after it")
        #expect(cache.page(for: "/a", generation: 2).map { String(buffer: $0.body) } == "new")
    }

    @Test("a zero budget keeps nothing")
    func disabled() {
        let cache = PageCache(capacity: 0)
        cache.insert(page("x", generation: 1), for: "/")
        #expect(!cache.isEnabled && cache.page(for: "/", generation: 1) == nil && cache.usage.pages == 0)
    }
}
