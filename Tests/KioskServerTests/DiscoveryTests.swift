import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

@Suite("Feeds, sitemaps and robots.txt through the router")
struct DiscoveryTests {
    static let documents = [
        ("/feed.xml", "application/rss+xml"), ("/feed.atom", "application/atom+xml"), ("/feed.json", "application/feed+json"),
        ("/sections/europe/feed.xml", "application/rss+xml"), ("/topics/ports/feed.atom", "application/atom+xml"),
        ("/series/harbour-letters/feed.json", "application/feed+json"), ("/authors/bea-test/feed.xml", "application/rss+xml"),
        ("/sitemap.xml", "application/xml"), ("/sitemaps/articles-1.xml", "application/xml"), ("/sitemaps/topics.xml", "application/xml"),
        ("/sitemap-news.xml", "application/xml"), ("/robots.txt", "text/plain"),
    ]

    @Test("every document answers with its type, and HEAD too", arguments: documents)
    func documentTypes(path: String, type: String) async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let get = try await client.execute(uri: path, method: .get)
            #expect(get.status == .ok)
            #expect(get.headers[.contentType]?.hasPrefix(type) == true)
            #expect(get.headers[.eTag] != nil)
            let head = try await client.execute(uri: path, method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    @Test("feeds hold published articles only, escaped, newest first")
    func feedContent() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let rss = String(buffer: try await client.execute(uri: "/feed.xml", method: .get).body)
            #expect(rss.contains("<title>A story with no links</title>"))
            #expect(!rss.contains("A draft nobody may read"))
            #expect(rss.range(of: "A story with no links")!.lowerBound < rss.range(of: "A port strike ends")!.lowerBound)
            #expect(rss.contains("<guid isPermaLink=\"false\">tag:gazette.example,2026:article-"))
            #expect(rss.contains("<atom:link href=\"https://gazette.example/feed.xml\" rel=\"self\""))
            let authors = String(buffer: try await client.execute(uri: "/authors/bea-test/feed.atom", method: .get).body)
            #expect(authors.contains("<title>Bea Test — The Test Gazette</title>"))
            #expect(!authors.contains("A story with no links"))
            let json = try await client.execute(uri: "/feed.json", method: .get).body
            let object = try JSONSerialization.jsonObject(with: Data(json.readableBytesView)) as? [String: Any]
            #expect((object?["items"] as? [[String: Any]])?.count == 6)
        }
    }

    @Test("a feed follows an edit at once")
    func feedIsNeverStale() async throws {
        let site = try await TestSite.make()
        let article = try site.publication.article("unrelated-europe")
        let store = site.publication.store
        try await site.application.test(.router) { client in
            _ = try await client.execute(uri: "/feed.xml", method: .get)
            var content = article.content
            content.title = "A <b>bold</b> & new headline"
            try await store.replaceContent(of: article.id, with: content, now: Date())
            let rss = String(buffer: try await client.execute(uri: "/feed.xml", method: .get).body)
            #expect(rss.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; new headline</title>"))
        }
    }

    @Test("a renamed section's feed redirects; unknown feeds and sitemaps are 404")
    func redirectsAndMisses() async throws {
        let site = try await TestSite.make()
        try await site.publication.store.updateSection(site.publication.europe.id, NewSection(slug: Slug("european-union"), name: "Europe"))
        try await site.application.test(.router) { client in
            let moved = try await client.execute(uri: "/sections/europe/feed.atom", method: .get)
            #expect(moved.status == .movedPermanently)
            #expect(moved.headers[.location] == "/sections/european-union/feed.atom")
            for path in ["/sections/nowhere/feed.xml", "/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml", "/sitemaps/x.xml", "/sections/Europe/feed.xml"] {
                #expect(try await client.execute(uri: path, method: .get).status == .notFound, "\(path)")
            }
        }
    }

    @Test("a listing with no articles yet has an empty feed and shows in the sitemap")
    func emptyListing() async throws {
        let site = try await TestSite.make()
        _ = try await site.publication.store.createSection(NewSection(slug: Slug("antarctica"), name: "Antarctica", position: 9))
        try await site.application.test(.router) { client in
            for format in FeedFormat.allCases {
                let response = try await client.execute(uri: "/sections/antarctica/feed.\(format.fileExtension)", method: .get)
                #expect(response.status == .ok, "\(format)")
            }
            let sitemap = String(buffer: try await client.execute(uri: "/sitemaps/sections.xml", method: .get).body)
            #expect(sitemap.contains("<url><loc>https://gazette.example/sections/antarctica</loc></url>"))
        }
    }

    @Test("robots.txt adds the site's own rules and points at the sitemaps")
    func robots() async throws {
        let site = try await TestSite.make()
        var settings = try await site.publication.store.siteContext().settings
        settings.robotsRules = "Disallow: /private"
        try await site.publication.store.updateSiteSettings(settings)
        try await site.application.test(.router) { client in
            let text = String(buffer: try await client.execute(uri: "/robots.txt", method: .get).body)
            #expect(text == "User-agent: *\nAllow: /\nDisallow: /private\n\nSitemap: https://gazette.example/sitemap.xml\nSitemap: https://gazette.example/sitemap-news.xml\n")
        }
    }

    @Test("feeds carry the opening only when the site says so")
    func summaryFeeds() async throws {
        let site = try await TestSite.make()
        var settings = try await site.publication.store.siteContext().settings
        settings.feedsCarryFullText = false
        try await site.publication.store.updateSiteSettings(settings)
        try await site.application.test(.router) { client in
            let rss = String(buffer: try await client.execute(uri: "/feed.xml", method: .get).body)
            #expect(rss.contains("Continue reading"))
            #expect(!rss.contains("In other harbour news"))
        }
    }
}
