import Foundation
import KioskCore
import KioskRender
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// Page metadata without the router: OpenGraph and Twitter tags, JSON-LD, feed autodiscovery.
@Suite("Page metadata")
struct MetadataTests {
    /// The renderer the expected-page tests use, with a public URL that has a trailing slash.
    func renderer() throws -> PageRenderer {
        try PageRenderer(
            theme: Theme(directory: TestPaths.defaultTheme), publicURL: "https://gazette.example/",
            now: { TestPublication.now })
    }

    /// The JSON-LD blocks of `html`, parsed; records an issue for a block that is not JSON.
    func jsonLD(in html: String) throws -> [[String: Any]] {
        let opening = #"<script type="application/ld+json">"#
        var blocks: [[String: Any]] = []
        var rest = html[...]
        while let start = rest.range(of: opening) {
            let end = try #require(rest[start.upperBound...].range(of: "</script>"), "a JSON-LD block is not closed")
            let text = String(rest[start.upperBound..<end.lowerBound])
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            blocks.append(try #require(object as? [String: Any], "a JSON-LD block is not an object: \(text)"))
            rest = rest[end.upperBound...]
        }
        return blocks
    }

    /// The block of `type` among `blocks`.
    func block(_ type: String, in blocks: [[String: Any]]) throws -> [String: Any] {
        try #require(blocks.first { $0["@type"] as? String == type }, "no \(type) block")
    }

    /// The `<link rel="alternate">` feed links of `html` as (href, title) pairs, in document order.
    func feedLinks(in html: String) -> [(href: String, title: String)] {
        html.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<link rel=\"alternate\"") else { return nil }
            let title = line.firstMatch(of: #/title="([^"]*)"/#).map { String($0.1) } ?? ""
            let href = line.firstMatch(of: #/href="([^"]*)"/#).map { String($0.1) } ?? ""
            return (href, title)
        }
    }

    /// The article page of `slug` in `store`.
    func articleHTML(_ slug: String, store: any PublicationStore) async throws -> String {
        guard case .found(let detail) = try await store.articlePage(Slug(slug), relatedLimit: 4) else {
            throw StoreError.notFound
        }
        return try renderer().articlePage(detail, site: try await store.siteContext(), bodyImages: [:])
    }

    /// Gives the fixture publication a logo, as the demo has.
    func addLogo(to store: any PublicationStore) async throws {
        let logo = try await store.addMedia(NewMedia(fileName: "logo.svg", contentType: "image/svg+xml", width: 64, height: 64, alt: "Logo"), bytes: Array("<svg/>".utf8))
        var settings = try await store.siteContext().settings
        settings.logoID = logo.id
        try await store.updateSiteSettings(settings)
    }

    @Test("an article has a NewsArticle with absolute URLs, dates with offsets, authors, publisher and logo")
    func newsArticle() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        try await addLogo(to: fixture.store)
        let html = try await articleHTML("letter-two", store: fixture.store)
        let blocks = try jsonLD(in: html)
        #expect(blocks.count == 2)
        let article = try block("NewsArticle", in: blocks)
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["headline"] as? String == "Letter two from the harbour")
        #expect(article["description"] as? String == "The dek of letter two from the harbour.")
        let image = try #require((article["image"] as? [[String: Any]])?.first, "the original's address until its renditions are made")
        #expect(image["url"] as? String == "https://gazette.example/media/test-harbour.svg")
        #expect(image["width"] as? Int == 1200)
        #expect(image["height"] as? Int == 675)
        #expect(article["datePublished"] as? String == "2026-09-01T15:13:20+01:00")
        #expect(article["dateModified"] as? String == "2026-09-01T15:13:20+01:00")
        let authors = try #require(article["author"] as? [[String: Any]])
        #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
        #expect(authors.map { $0["name"] as? String } == ["Ada Test", "Bea Test"])
        #expect(authors.map { $0["url"] as? String } == ["https://gazette.example/authors/ada-test", "https://gazette.example/authors/bea-test"])
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization")
        #expect(publisher["name"] as? String == "The Test Gazette")
        #expect(publisher["url"] as? String == "https://gazette.example/")
        let logo = try #require(publisher["logo"] as? [String: Any])
        #expect(logo["@type"] as? String == "ImageObject")
        #expect(logo["url"] as? String == "https://gazette.example/media/logo.svg")
        let page = try #require(article["mainEntityOfPage"] as? [String: Any])
        #expect(page["@id"] as? String == "https://gazette.example/articles/letter-two")
        #expect(article["articleSection"] as? String == "Europe")
        #expect(article["keywords"] as? [String] == ["Ports"])
        #expect(article["isAccessibleForFree"] as? Bool == true)

        let breadcrumbs = try block("BreadcrumbList", in: blocks)
        let items = try #require(breadcrumbs["itemListElement"] as? [[String: Any]])
        #expect(items.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(items.map { $0["name"] as? String } == ["The Test Gazette", "Europe", "Letter two from the harbour"])
        #expect(items.map { $0["item"] as? String } == [
            "https://gazette.example/", "https://gazette.example/sections/europe", "https://gazette.example/articles/letter-two",
        ])
    }

    @Test("a site without a logo has a publisher without one")
    func publisherWithoutLogo() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let article = try block("NewsArticle", in: try jsonLD(in: try await articleHTML("letter-two", store: fixture.store)))
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["name"] as? String == "The Test Gazette")
        #expect(publisher["logo"] == nil)
    }

    @Test("dates carry the site's offset, +00:00 in winter rather than Z")
    func winterOffset() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let winter = Date(timeIntervalSince1970: 1_768_471_200)  // 2026-01-15 10:00 UTC
        let content = try ArticleContent(
            slug: Slug("winter"), title: "A winter story", dek: "", format: .reporting, sectionID: fixture.europe.id,
            authorIDs: [fixture.ada.id], body: MarkdownRenderer().render("Cold."))
        _ = try await fixture.store.createArticle(content, status: .published, publishedAt: winter, now: winter)
        let html = try await articleHTML("winter", store: fixture.store)
        let article = try block("NewsArticle", in: try jsonLD(in: html))
        #expect(article["datePublished"] as? String == "2026-01-15T10:00:00+00:00")
        #expect(html.contains(#"<meta property="article:published_time" content="2026-01-15T10:00:00+00:00">"#))
        #expect(html.contains(#"<time datetime="2026-01-15T10:00:00+00:00">"#))
        #expect(article["image"] == nil)
        #expect(html.contains(#"<meta name="twitter:card" content="summary">"#))
        #expect(!html.contains("og:image"))
    }

    @Test("a headline that closes the script element stays inside the JSON-LD, which still parses")
    func scriptBreakout() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let payload = "</script><script>alert(1)</script>"
        let dek = "Tom & Jerry say \"<!-- hi -->\"\u{2028}and leave."
        let content = try ArticleContent(
            slug: Slug("breakout"), title: payload, dek: dek, format: .reporting, sectionID: fixture.europe.id,
            topicIDs: [fixture.ports.id], authorIDs: [fixture.ada.id], body: MarkdownRenderer().render("Body."))
        _ = try await fixture.store.createArticle(content, status: .published, publishedAt: TestPublication.now, now: TestPublication.now)
        let html = try await articleHTML("breakout", store: fixture.store)

        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("<!-- hi"))
        // kiosk.js and the two JSON-LD blocks: the headline opened and closed no element of its own.
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        #expect(html.components(separatedBy: "</script>").count - 1 == 3)
        #expect(html.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"#))
        let blocks = try jsonLD(in: html)
        #expect(blocks.count == 2)
        let article = try block("NewsArticle", in: blocks)
        #expect(article["headline"] as? String == payload)
        #expect(article["description"] as? String == dek)
        let breadcrumbs = try block("BreadcrumbList", in: blocks)
        let items = try #require(breadcrumbs["itemListElement"] as? [[String: Any]])
        #expect(items.last?["name"] as? String == payload)
    }

    @Test("an article has OpenGraph, article and Twitter tags with the absolute top image")
    func articleTags() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let html = try await articleHTML("letter-two", store: fixture.store)
        for tag in [
            #"<meta property="og:site_name" content="The Test Gazette">"#,
            #"<meta property="og:type" content="article">"#,
            #"<meta property="og:title" content="Letter two from the harbour">"#,
            #"<meta property="og:description" content="The dek of letter two from the harbour.">"#,
            #"<meta property="og:url" content="https://gazette.example/articles/letter-two">"#,
            #"<meta property="og:locale" content="en_GB">"#,
            #"<meta property="og:image" content="https://gazette.example/media/test-harbour.svg">"#,
            #"<meta property="og:image:width" content="1200">"#,
            #"<meta property="og:image:height" content="675">"#,
            #"<meta property="og:image:alt" content="A drawing of a harbour crane">"#,
            #"<meta property="article:published_time" content="2026-09-01T15:13:20+01:00">"#,
            #"<meta property="article:modified_time" content="2026-09-01T15:13:20+01:00">"#,
            #"<meta property="article:section" content="Europe">"#,
            #"<meta property="article:tag" content="Ports">"#,
            #"<meta name="twitter:card" content="summary_large_image">"#,
            #"<meta name="twitter:title" content="Letter two from the harbour">"#,
            #"<meta name="twitter:description" content="The dek of letter two from the harbour.">"#,
            #"<meta name="twitter:image" content="https://gazette.example/media/test-harbour.svg">"#,
            #"<meta name="twitter:image:alt" content="A drawing of a harbour crane">"#,
        ] {
            #expect(html.contains(tag), "missing \(tag)")
        }
        #expect(feedLinks(in: html).map(\.href) == ["/feed.xml", "/feed.atom", "/feed.json"])
    }

    @Test("the front page has website tags, a summary card and the site's feeds")
    func frontPage() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let html = try renderer().frontPage(try await fixture.store.frontPage(latestCount: 3), site: try await fixture.store.siteContext())
        for tag in [
            #"<meta property="og:type" content="website">"#,
            #"<meta property="og:title" content="The Test Gazette">"#,
            #"<meta property="og:url" content="https://gazette.example/">"#,
            #"<meta name="twitter:card" content="summary">"#,
            #"<link rel="alternate" type="application/rss+xml" title="The Test Gazette (RSS)" href="/feed.xml">"#,
            #"<link rel="alternate" type="application/atom+xml" title="The Test Gazette (Atom)" href="/feed.atom">"#,
            #"<link rel="alternate" type="application/feed+json" title="The Test Gazette (JSON Feed)" href="/feed.json">"#,
        ] {
            #expect(html.contains(tag), "missing \(tag)")
        }
        #expect(!html.contains("application/ld+json"))
        #expect(!html.contains("article:published_time"))
    }

    @Test("a listing offers its own feeds first, then the site's; Latest only the site's")
    func listingFeeds() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let site = try await fixture.store.siteContext()
        let page = try #require(PageRequest(number: 1, size: 2))
        guard case .found(let listing) = try await fixture.store.sectionListing(Slug("europe"), page: page) else {
            Issue.record("fixture section missing")
            return
        }
        let section = ListingContent(
            kind: .section, heading: listing.owner.name, description: listing.owner.description, path: SitePaths.section(listing.owner.slug),
            page: listing.page)
        let html = try renderer().listingPage(section, site: site)
        let links = feedLinks(in: html)
        #expect(links.map(\.href) == [
            "/sections/europe/feed.xml", "/sections/europe/feed.atom", "/sections/europe/feed.json", "/feed.xml", "/feed.atom", "/feed.json",
        ])
        #expect(links.map(\.title) == [
            "Europe — The Test Gazette (RSS)", "Europe — The Test Gazette (Atom)", "Europe — The Test Gazette (JSON Feed)",
            "The Test Gazette (RSS)", "The Test Gazette (Atom)", "The Test Gazette (JSON Feed)",
        ])
        #expect(html.contains(#"<meta property="og:title" content="Europe">"#))
        #expect(html.contains(#"<meta property="og:url" content="https://gazette.example/sections/europe">"#))

        let latest = ListingContent(kind: .latest, heading: "Latest", description: "", path: SitePaths.latest, page: try await fixture.store.latest(page))
        #expect(feedLinks(in: try renderer().listingPage(latest, site: site)).map(\.href) == ["/feed.xml", "/feed.atom", "/feed.json"])
    }
}
