import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// What every store must do with the publication's standing pages.
@Suite("Page store contract")
struct PageStoreContractTests {
    let now = TestPublication.now
    let editor = ChangeAuthor(integration: "Page tests")

    func content(_ slug: String, _ title: String, text: String = "Who we are.", placement: PagePlacement = .none, position: Int = 0) throws -> PageContent {
        try PageContent(
            slug: Slug(slug), title: title, body: RenderedBody(markdown: text, html: "<p>\(text)</p>", openingHTML: "<p>\(text)</p>", excerpt: text),
            placement: placement, position: position)
    }

    func create(_ store: any PublicationStore, _ content: PageContent, status: PageStatus) async throws -> SitePage {
        try await store.createPage(content, status: status, revision: NewPageRevision(kind: .created, by: editor, content: content), now: now)
    }

    @Test("pages: readers see published ones only, by slug; the header and footer links come with the site", arguments: StoreKind.allCases)
    func publishing(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let about = try await create(store, try content("about", "About us", placement: .header), status: .published)
        let draft = try await create(store, try content("masthead", "Masthead", placement: .footer), status: .draft)
        _ = try await create(store, try content("privacy", "Privacy", placement: .footer, position: -1), status: .published)
        _ = try await create(store, try content("contact", "Contact", placement: .footer, position: 2), status: .published)
        #expect(about.publishedAt == now && draft.publishedAt == nil && about.version == 1)
        guard case .found(let detail) = try await store.publishedPage(Slug("about")) else { Issue.record("about is not found"); return }
        #expect(detail.page.content == about.content && detail.topImage == nil)
        guard case .notFound = try await store.publishedPage(Slug("masthead")) else { Issue.record("a draft page is visible"); return }
        let links = try await store.siteContext().pages
        #expect(links.filter { $0.placement == .header }.map(\.title) == ["About us"])
        #expect(links.filter { $0.placement == .footer }.map(\.title) == ["Privacy", "Contact"], "footer pages in their order; drafts left out")
        #expect(try await store.sitemapListings(.pages).map(\.path) == ["/about", "/contact", "/privacy"])
        await #expect(throws: StoreError.self) { _ = try await create(store, try content("about", "Another about"), status: .draft) }
        #expect(try await store.newsroomPages(PageRequest(number: 1, size: 10)!).items.map(\.content.title) == ["About us", "Contact", "Masthead", "Privacy"])
    }

    @Test("a save checks the version, keeps a revision, and a new slug leaves the old one redirecting", arguments: StoreKind.allCases)
    func saving(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let page = try await create(store, try content("about", "About"), status: .published)
        let renamed = try content("about-us", "About us", text: "Who we are, and why.")
        let saved = try await store.changePage(page.id, now: now.addingTimeInterval(60)) { current in
            try PageEdits.save(
                current, content: renamed, status: .published, expectedVersion: 1, revision: NewPageRevision(kind: .saved, by: editor, content: renamed),
                now: now)
        }
        #expect(saved.version == 2 && saved.content == renamed && saved.publishedAt == now)
        guard case .moved(let target) = try await store.publishedPage(Slug("about")) else { Issue.record("the old slug does not redirect"); return }
        #expect(target.rawValue == "about-us")
        await #expect(throws: StaleEdit.self) {
            _ = try await store.changePage(page.id, now: now) { current in
                try PageEdits.save(current, content: try content("stale", "Stale"), status: .draft, expectedVersion: 1, revision: nil, now: now)
            }
        }
        #expect(try await store.page(page.id)?.content.title == "About us", "a refused save writes nothing")
        let revisions = try await store.pageRevisions(of: page.id)
        #expect(revisions.map(\.kind) == [.saved, .created])
        #expect(revisions.first?.draft == PageDraft(renamed) && revisions.last?.draft.slug == "about")
        let other = try await create(store, try content("about", "The old address reused"), status: .published)
        guard case .found(let reused) = try await store.publishedPage(Slug("about")) else { Issue.record("a new page cannot take a freed slug"); return }
        #expect(reused.page.id == other.id)
        try await store.deletePage(page.id)
        #expect(try await store.page(page.id) == nil)
        #expect(try await store.pageRevisions(of: page.id).isEmpty)
        await #expect(throws: StoreError.self) { try await store.deletePage(page.id) }
    }

    @Test("an image shown on a page counts as used", arguments: StoreKind.allCases)
    func mediaUse(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let media = try await store.addMedia(
            NewMedia(fileName: "masthead.png", contentType: "image/png", width: 4, height: 3, alt: "The team"), bytes: [1, 2, 3])
        var withImage = try content("masthead", "Masthead")
        withImage.topMediaID = media.id
        _ = try await create(store, withImage, status: .published)
        guard case .found(let detail) = try await store.publishedPage(Slug("masthead")) else { Issue.record("not found"); return }
        #expect(detail.topImage?.id == media.id)
        await #expect(throws: StoreError.self) { try await store.deleteMedia(media.id) { try MediaRules.checkDeletable(usageCount: $0.usageCount) } }
        #expect(try await store.media(media.id) != nil)
    }
}
