import Foundation
import KioskCore
import KioskRender
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

@Suite("Theme")
struct ThemeTests {
    @Test("the default theme loads")
    func loadsDefault() throws {
        let theme = try Theme(directory: TestPaths.defaultTheme)
        #expect(!theme.assetVersion.isEmpty)
        #expect(FileManager.default.fileExists(atPath: theme.assetsDirectory + "/style.css"))
    }

    @Test("a missing folder, template or broken template is reported with its name")
    func reportsProblems() throws {
        let folder = try TestPaths.temporaryFolder()
        #expect(throws: ThemeError.self) { try Theme(directory: folder.appendingPathComponent("absent").path) }

        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        for name in Theme.requiredTemplates where name != "error" {
            try Data("{{site.name}}".utf8).write(to: templates.appendingPathComponent("\(name).mustache"))
        }
        let missing = #expect(throws: ThemeError.self) { try Theme(directory: folder.path) }
        #expect(missing?.message.contains("error.mustache") == true)

        try Data("{{#unclosed}}".utf8).write(to: templates.appendingPathComponent("error.mustache"))
        let broken = #expect(throws: ThemeError.self) { try Theme(directory: folder.path) }
        #expect(broken?.message.contains("error.mustache") == true)
    }
}

@Suite("Rendered pages")
struct RenderedPageTests {
    /// Set KIOSK_UPDATE_EXPECTED=1 to rewrite the expected files after an intended template change.
    static let updateExpected = ProcessInfo.processInfo.environment["KIOSK_UPDATE_EXPECTED"] == "1"

    func renderer() throws -> PageRenderer {
        try PageRenderer(
            theme: Theme(directory: TestPaths.defaultTheme), publicURL: "https://gazette.example/",
            now: { TestPublication.now })
    }

    /// Compares `html` with a saved file; the assets fingerprint is masked so CSS edits do not churn the files.
    func expectMatchesFile(_ rendered: String, _ name: String) throws {
        let html = rendered.replacingOccurrences(of: try Theme(directory: TestPaths.defaultTheme).assetVersion, with: "ASSET-VERSION")
        let url = TestPaths.repository.appendingPathComponent("Tests/KioskRenderTests/Expected/\(name)")
        if Self.updateExpected {
            try Data(html.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(html == expected, "Rendered \(name) differs; diff it against \(url.path), or rerun with KIOSK_UPDATE_EXPECTED=1 if the change is intended.")
    }

    @Test("the article page matches its expected text")
    func articlePage() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        guard case .found(let detail) = try await fixture.store.articlePage(Slug("letter-two"), relatedLimit: 4) else {
            Issue.record("fixture article missing")
            return
        }
        let html = try renderer().articlePage(detail, site: try await fixture.store.siteContext(), bodyImages: [:])
        try expectMatchesFile(html, "article.html")
    }

    @Test("the front page and a listing match their expected text")
    func frontAndListing() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let site = try await fixture.store.siteContext()
        let front = try renderer().frontPage(try await fixture.store.frontPage(latestCount: 3), site: site)
        try expectMatchesFile(front, "home.html")
        let page = try #require(PageRequest(number: 2, size: 2))
        guard case .found(let listing) = try await fixture.store.seriesListing(Slug("harbour-letters"), page: page) else {
            Issue.record("fixture series missing")
            return
        }
        let content = ListingContent(
            kind: .series, heading: listing.owner.name, description: listing.owner.description, path: SitePaths.series(listing.owner.slug),
            page: listing.page)
        try expectMatchesFile(try renderer().listingPage(content, site: site), "series-page-2.html")
    }

    @Test("text from editors is escaped everywhere it appears")
    func escapesEditorText() async throws {
        let store = try SQLiteStore.inMemory()
        let payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"
        try await store.updateSiteSettings(SiteSettings(name: payload, description: payload, about: payload, locale: "en", timeZone: "UTC"))
        let section = try await store.createSection(NewSection(slug: Slug("s"), name: payload, description: payload))
        let author = try await store.createAuthor(NewAuthor(slug: Slug("a"), name: payload, bio: payload))
        let media = try await store.addMedia(NewMedia(fileName: "x.svg", contentType: "image/svg+xml", width: 1, height: 1, alt: payload, caption: payload, credit: payload), bytes: Array("<svg/>".utf8))
        let content = try ArticleContent(
            slug: Slug("p"), title: payload, dek: payload, format: .opinion, sectionID: section.id, authorIDs: [author.id], topMediaID: media.id,
            body: MarkdownRenderer().render(payload), seo: SEOFields(title: payload, description: payload))
        _ = try await store.createArticle(content, status: .published, publishedAt: TestPublication.now, now: TestPublication.now)
        guard case .found(let detail) = try await store.articlePage(Slug("p"), relatedLimit: 4) else {
            Issue.record("article missing")
            return
        }
        let html = try renderer().articlePage(detail, site: try await store.siteContext(), bodyImages: [:])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    }
}
