import Foundation
import KioskCore
import KioskRender
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// What every `PublicationStore` must do, whatever database is behind it.
@Suite("Store contract")
struct StoreContractTests {
    let renderer = MarkdownRenderer()

    @Test("an article page gathers section, series, topics, ordered authors and image", arguments: StoreKind.allCases)
    func articlePage(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        guard case .found(let detail) = try await fixture.store.articlePage(Slug("port-strike"), relatedLimit: 10) else {
            Issue.record("port-strike not found")
            return
        }
        #expect(detail.article.content.title == "A port strike ends")
        #expect(detail.section.slug.rawValue == "africa")
        #expect(detail.authors.map(\.name) == ["Cal Test", "Ada Test", "Bea Test"])
        #expect(detail.topics.map(\.name) == ["Elections", "Ports"])
        #expect(detail.topMedia?.alt == "A drawing of a harbour crane")
        #expect(detail.series == nil && detail.previousInSeries == nil && detail.nextInSeries == nil)
    }

    @Test("related stories share series, section or topic, newest first, never the article, no duplicates", arguments: StoreKind.allCases)
    func related(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        guard case .found(let detail) = try await fixture.store.articlePage(Slug("letter-two"), relatedLimit: 10) else {
            Issue.record("letter-two not found")
            return
        }
        let slugs = detail.related.map(\.slug.rawValue)
        // letter-two: Europe, series Harbour Letters, topic Ports.
        #expect(slugs == ["unrelated-europe", "port-strike", "letter-three", "letter-one"])
        #expect(Set(slugs).count == slugs.count)
        #expect(!slugs.contains("letter-two"))
        #expect(!slugs.contains("secret-draft"))
        #expect(detail.related.first?.authors.map(\.name) == ["Cal Test"])
        #expect(detail.related.first?.topMedia?.fileName == "test-harbour.svg")
    }

    @Test("series navigation follows publication order", arguments: StoreKind.allCases)
    func seriesNavigation(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        guard case .found(let middle) = try await fixture.store.articlePage(Slug("letter-two"), relatedLimit: 3),
            case .found(let first) = try await fixture.store.articlePage(Slug("letter-one"), relatedLimit: 3),
            case .found(let last) = try await fixture.store.articlePage(Slug("letter-three"), relatedLimit: 3)
        else {
            Issue.record("series article missing")
            return
        }
        #expect(middle.previousInSeries?.slug.rawValue == "letter-one")
        #expect(middle.nextInSeries?.slug.rawValue == "letter-three")
        #expect(first.previousInSeries == nil && first.nextInSeries?.slug.rawValue == "letter-two")
        #expect(last.nextInSeries == nil && last.previousInSeries?.slug.rawValue == "letter-two")
        #expect(middle.series?.name == "Harbour Letters")
    }

    @Test("drafts are invisible to every reader-facing query", arguments: StoreKind.allCases)
    func draftsHidden(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let page = try #require(PageRequest(number: 1, size: 50))
        guard case .notFound = try await store.articlePage(Slug("secret-draft"), relatedLimit: 4) else {
            Issue.record("a draft was readable")
            return
        }
        #expect(try await store.latest(page).items.allSatisfy { $0.slug.rawValue != "secret-draft" })
        guard case .found(let topic) = try await store.topicListing(Slug("ports"), page: page) else {
            Issue.record("topic missing")
            return
        }
        #expect(topic.page.items.allSatisfy { $0.slug.rawValue != "secret-draft" })
        #expect(try await store.frontPage(latestCount: 50).latest.allSatisfy { $0.slug.rawValue != "secret-draft" })
        #expect(try await store.article(fixture.draft.id)?.status == .draft)
        #expect(try await store.articleCount() == 7)
    }

    @Test("Latest is newest first and paginated with totals", arguments: StoreKind.allCases)
    func latestPagination(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let first = try await fixture.store.latest(try #require(PageRequest(number: 1, size: 4)))
        let second = try await fixture.store.latest(try #require(PageRequest(number: 2, size: 4)))
        let beyond = try await fixture.store.latest(try #require(PageRequest(number: 3, size: 4)))
        #expect(first.items.map(\.slug.rawValue) == ["unrelated-europe", "port-strike", "vote-count", "letter-three"])
        #expect(second.items.map(\.slug.rawValue) == ["letter-two", "letter-one"])
        #expect(first.totalItems == 6 && first.totalPages == 2 && first.hasNext && !second.hasNext)
        #expect(beyond.items.isEmpty && beyond.isBeyondEnd)
        let front = try await fixture.store.frontPage(latestCount: 2)
        #expect(front.lead?.slug.rawValue == "unrelated-europe")
        #expect(front.latest.map(\.slug.rawValue) == ["port-strike", "vote-count"])
    }

    @Test("section, topic, series and author listings", arguments: StoreKind.allCases)
    func listings(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let page = try #require(PageRequest(number: 1, size: 20))
        guard case .found(let section) = try await store.sectionListing(Slug("europe"), page: page),
            case .found(let topic) = try await store.topicListing(Slug("elections"), page: page),
            case .found(let series) = try await store.seriesListing(Slug("harbour-letters"), page: page),
            case .found(let author) = try await store.authorListing(Slug("bea-test"), page: page)
        else {
            Issue.record("a listing is missing")
            return
        }
        #expect(section.owner.name == "Europe")
        #expect(section.page.items.map(\.slug.rawValue) == ["unrelated-europe", "letter-two", "letter-one"])
        #expect(topic.page.items.map(\.slug.rawValue) == ["port-strike", "vote-count"])
        #expect(series.page.items.map(\.slug.rawValue) == ["letter-three", "letter-two", "letter-one"])
        #expect(author.owner.bio == "Bea covers elections.")
        #expect(author.page.items.map(\.slug.rawValue) == ["port-strike", "vote-count", "letter-two"])
        guard case .notFound = try await store.sectionListing(Slug("antarctica"), page: page) else {
            Issue.record("unknown section found")
            return
        }
    }

    @Test("a changed article slug redirects from the old one", arguments: StoreKind.allCases)
    func articleSlugChange(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let original = try fixture.article("vote-count")
        var content = original.content
        content.slug = try Slug("the-vote-count")
        let updated = try await store.replaceContent(of: original.id, with: content, now: TestPublication.now)
        #expect(updated.content.slug.rawValue == "the-vote-count")
        guard case .moved(let target) = try await store.articlePage(Slug("vote-count"), relatedLimit: 1) else {
            Issue.record("old slug does not redirect")
            return
        }
        #expect(target.rawValue == "the-vote-count")
        content.slug = try Slug("final-vote-count")
        try await store.replaceContent(of: original.id, with: content, now: TestPublication.now)
        guard case .moved(let twice) = try await store.articlePage(Slug("vote-count"), relatedLimit: 1) else {
            Issue.record("first slug lost its redirect")
            return
        }
        #expect(twice.rawValue == "final-vote-count")
        content.slug = try Slug("vote-count")
        try await store.replaceContent(of: original.id, with: content, now: TestPublication.now)
        guard case .found = try await store.articlePage(Slug("vote-count"), relatedLimit: 1),
            case .moved(let back) = try await store.articlePage(Slug("final-vote-count"), relatedLimit: 1)
        else {
            Issue.record("moving back to the first slug failed")
            return
        }
        #expect(back.rawValue == "vote-count")
    }

    @Test("a new article may take a slug that only redirects", arguments: StoreKind.allCases)
    func slugReuse(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let original = try fixture.article("vote-count")
        var content = original.content
        content.slug = try Slug("vote-tally")
        try await store.replaceContent(of: original.id, with: content, now: TestPublication.now)
        content.slug = try Slug("vote-count")
        content.title = "A different story"
        _ = try await store.createArticle(content, status: .published, publishedAt: TestPublication.now, now: TestPublication.now)
        guard case .found(let detail) = try await store.articlePage(Slug("vote-count"), relatedLimit: 1) else {
            Issue.record("new article not found")
            return
        }
        #expect(detail.article.content.title == "A different story")
    }

    @Test("a changed section slug redirects its listing", arguments: StoreKind.allCases)
    func sectionSlugChange(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        try await fixture.store.updateSection(fixture.europe.id, NewSection(slug: Slug("european-union"), name: "Europe", position: 0))
        let page = try #require(PageRequest(number: 1, size: 5))
        guard case .moved(let target) = try await fixture.store.sectionListing(Slug("europe"), page: page) else {
            Issue.record("old section slug does not redirect")
            return
        }
        #expect(target.rawValue == "european-union")
        await #expect(throws: StoreError.slugTaken(try Slug("africa"))) {
            try await fixture.store.updateSection(fixture.europe.id, NewSection(slug: Slug("africa"), name: "Europe"))
        }
    }

    @Test("taken slugs and missing references are refused and store nothing", arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let before = try await StoreSnapshot.take(store, articles: fixture.articles.values.map(\.id))
        let existing = try fixture.article("vote-count").content
        await #expect(throws: StoreError.slugTaken(existing.slug)) {
            try await store.createArticle(existing, status: .published, publishedAt: TestPublication.now, now: TestPublication.now)
        }
        var orphan = existing
        orphan.slug = try Slug("orphan")
        orphan.sectionID = Section.ID(9_999)
        await #expect(throws: StoreError.self) {
            try await store.createArticle(orphan, status: .published, publishedAt: TestPublication.now, now: TestPublication.now)
        }
        var ghostAuthor = existing
        ghostAuthor.slug = try Slug("ghost-author")
        ghostAuthor.authorIDs = [Author.ID(4_242)]
        await #expect(throws: StoreError.self) {
            try await store.createArticle(ghostAuthor, status: .published, publishedAt: TestPublication.now, now: TestPublication.now)
        }
        await #expect(throws: StoreError.slugTaken(try Slug("europe"))) {
            try await store.createSection(NewSection(slug: Slug("europe"), name: "Europe again"))
        }
        await #expect(throws: StoreError.notFound) {
            try await store.replaceContent(of: Article.ID(777), with: existing, now: TestPublication.now)
        }
        let after = try await StoreSnapshot.take(store, articles: fixture.articles.values.map(\.id))
        #expect(before == after)
    }

    @Test("a batch of published articles is stored whole or not at all", arguments: StoreKind.allCases)
    func batches(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let template = try fixture.article("vote-count").content
        let now = TestPublication.now
        var first = template
        first.slug = try Slug("batch-one")
        var second = template
        second.slug = try Slug("batch-two")
        try await store.createPublishedArticles([(first, now), (second, now.addingTimeInterval(60))])
        #expect(try await store.articleCount() == 9)
        #expect(try await store.latest(try #require(PageRequest(number: 1, size: 1))).items.first?.slug.rawValue == "batch-two")

        var third = template
        third.slug = try Slug("batch-three")
        await #expect(throws: StoreError.slugTaken(first.slug)) {
            try await store.createPublishedArticles([(third, now), (first, now)])
        }
        #expect(try await store.articleCount() == 9)
        guard case .notFound = try await store.articlePage(third.slug, relatedLimit: 0) else {
            Issue.record("half a batch was stored")
            return
        }
    }

    @Test("site settings round-trip with sections in navigation order", arguments: StoreKind.allCases)
    func settings(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let site = try await fixture.store.siteContext()
        #expect(site.settings.name == "The Test Gazette")
        #expect(site.settings.socialProfiles == [SocialLink(label: "Mastodon", url: "https://social.example/@gazette")])
        #expect(site.sections.map(\.name) == ["Europe", "Africa"])
        #expect(site.logo == nil)

        var settings = site.settings
        settings.logoID = fixture.image.id
        settings.navigation = [SocialLink(label: "About", url: "/about")]
        try await fixture.store.updateSiteSettings(settings)
        let updated = try await fixture.store.siteContext()
        #expect(updated.settings == settings)
        #expect(updated.logo == fixture.image)
    }

    @Test("removing all content empties the publication but keeps settings", arguments: StoreKind.allCases)
    func removeAll(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        try await fixture.store.removeAllContent()
        #expect(try await fixture.store.articleCount() == 0)
        let site = try await fixture.store.siteContext()
        #expect(site.sections.isEmpty && site.settings.name == "The Test Gazette")
        // Everything can be created again afterwards.
        _ = try await TestPublication.make(in: fixture.store)
    }

    @Test("an on-disk database keeps its content when reopened")
    func reopen() async throws {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("kiosk.sqlite").path
        _ = try await TestPublication.make(in: SQLiteStore.open(path: path))
        let reopened = try SQLiteStore.open(path: path)
        #expect(try await reopened.articleCount() == 7)
        #expect(try SQLiteStore.migrate(path: path).applied.isEmpty)
    }
}
