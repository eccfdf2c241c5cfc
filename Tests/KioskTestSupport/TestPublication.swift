import Foundation
import KioskCore
import KioskRender
import KioskStore

/// A small publication written for the tests: two sections, a series of three, topics, authors and images.
public struct TestPublication: Sendable {
    public let store: any PublicationStore
    public let europe: Section
    public let africa: Section
    public let ports: Topic
    public let elections: Topic
    public let series: Series
    public let ada: Author
    public let bea: Author
    public let cal: Author
    public let image: Media
    /// Published articles by slug.
    public let articles: [String: Article]
    /// An unpublished draft.
    public let draft: Article

    /// The bytes of the fixture image, `test-harbour.svg`.
    public static let imageBytes = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675\"><rect width=\"1200\" height=\"675\" fill=\"#345\"/></svg>\n"

    /// A fixed moment the fixtures are dated from.
    public static var now: Date { Date(timeIntervalSince1970: 1_790_000_000) }

    /// Fills `store` with the test publication.
    public static func make(in store: any PublicationStore) async throws -> TestPublication {
        let renderer = MarkdownRenderer()
        try await store.updateSiteSettings(
            SiteSettings(
                name: "The Test Gazette", description: "Stories written for tests.", about: "A publication that only exists in tests.",
                locale: "en-GB", timeZone: "Europe/London",
                socialProfiles: [SocialLink(label: "Mastodon", url: "https://social.example/@gazette")]))
        let europe = try await store.createSection(NewSection(slug: Slug("europe"), name: "Europe", description: "Stories from Europe.", position: 0))
        let africa = try await store.createSection(NewSection(slug: Slug("africa"), name: "Africa", description: "Stories from Africa.", position: 1))
        let ports = try await store.createTopic(NewTerm(slug: Slug("ports"), name: "Ports", description: "Harbours and shipping."))
        let elections = try await store.createTopic(NewTerm(slug: Slug("elections"), name: "Elections"))
        let series = try await store.createSeries(NewTerm(slug: Slug("harbour-letters"), name: "Harbour Letters", description: "A weekly letter from a port."))
        let ada = try await store.createAuthor(NewAuthor(slug: Slug("ada-test"), name: "Ada Test", bio: "Ada writes about ports."))
        let bea = try await store.createAuthor(NewAuthor(slug: Slug("bea-test"), name: "Bea Test", bio: "Bea covers elections."))
        let cal = try await store.createAuthor(NewAuthor(slug: Slug("cal-test"), name: "Cal Test"))
        let image = try await store.addMedia(
            NewMedia(fileName: "test-harbour.svg", contentType: "image/svg+xml", width: 1200, height: 675,
                     alt: "A drawing of a harbour crane", caption: "The crane at the test harbour.", credit: "Illustration: Test Studio"),
            bytes: Array(imageBytes.utf8))

        var articles: [String: Article] = [:]
        func publish(_ slug: String, _ title: String, section: Section, topics: [Topic], series: Series?, authors: [Author], daysAgo: Double, body: String) async throws {
            let content = try ArticleContent(
                slug: Slug(slug), title: title, dek: "The dek of \(title.lowercased()).", format: .reporting, sectionID: section.id,
                topicIDs: topics.map(\.id), seriesID: series?.id, authorIDs: authors.map(\.id), topMediaID: image.id,
                body: renderer.render(body))
            let date = now.addingTimeInterval(-daysAgo * 86_400)
            articles[slug] = try await store.createArticle(content, status: .published, publishedAt: date, now: date)
        }
        try await publish("letter-one", "Letter one from the harbour", section: europe, topics: [ports], series: series, authors: [ada], daysAgo: 30,
                          body: "The first letter.\n\nIt has a second paragraph.")
        try await publish("letter-two", "Letter two from the harbour", section: europe, topics: [ports], series: series, authors: [ada, bea], daysAgo: 20,
                          body: "The second letter.\n\n> A quote from a harbour master.\n\n:::roundup In other harbour news\n- [A crane was painted](https://news.example/crane): It is blue now.\n- [A ferry was late](https://news.example/ferry): By an hour.\n- [A pier reopened](https://news.example/pier): After repairs.\n:::\n")
        try await publish("letter-three", "Letter three from the harbour", section: africa, topics: [], series: series, authors: [ada], daysAgo: 10,
                          body: "The third letter.")
        try await publish("vote-count", "The vote count begins", section: africa, topics: [elections], series: nil, authors: [bea], daysAgo: 5,
                          body: "Counting started at dawn.")
        try await publish("port-strike", "A port strike ends", section: africa, topics: [ports, elections], series: nil, authors: [cal, ada, bea], daysAgo: 2,
                          body: "The strike ended after a week.")
        try await publish("unrelated-europe", "A story with no links", section: europe, topics: [], series: nil, authors: [cal], daysAgo: 1,
                          body: "Nothing in common with Africa.")
        let draftContent = try ArticleContent(
            slug: Slug("secret-draft"), title: "A draft nobody may read", dek: "", format: .analysis, sectionID: africa.id,
            topicIDs: [ports.id], authorIDs: [ada.id], body: renderer.render("Not yet."))
        let draft = try await store.createArticle(draftContent, status: .draft, publishedAt: nil, now: now)
        return TestPublication(
            store: store, europe: europe, africa: africa, ports: ports, elections: elections, series: series, ada: ada, bea: bea,
            cal: cal, image: image, articles: articles, draft: draft)
    }

    /// The published article with `slug`; fails the test run loudly if the fixture lacks it.
    public func article(_ slug: String) throws -> Article {
        guard let article = articles[slug] else { throw StoreError.notFound }
        return article
    }
}

extension PublicationStore {
    /// Replaces an article's content without a revision or version check, as imports do.
    @discardableResult
    public func replaceContent(of id: Article.ID, with content: ArticleContent, now: Date) async throws -> Article {
        try await changeArticle(id, now: now) { current in
            ArticleChange(content: content, visibleToReaders: ArticleEdits.isVisibleToReaders(before: current, after: nil))
        }
    }

    /// Makes the workflow move `action`, as the newsroom does.
    @discardableResult
    public func applyWorkflow(_ action: WorkflowAction, to id: Article.ID, now: Date) async throws -> Article {
        try await changeArticle(id, now: now) { current in
            try ArticleEdits.save(current, content: nil, expectedVersion: nil, action: action, revision: nil, now: now)
        }
    }

    /// Gives an account a role, as the newsroom does: never leaving it without an administrator.
    public func changeRole(_ id: User.ID, to role: Role) async throws {
        try await changeRole(id) { user, administrators in
            try AccountRules.checkRoleChange(of: user, to: role, administrators: administrators)
            return role
        }
    }

    /// Confirms a subscriber, as the confirmation page does.
    @discardableResult
    public func confirmSubscriber(_ id: Subscriber.ID, now: Date) async throws -> Subscriber {
        try await changeSubscriber(id, now: now) { Subscriptions.confirm($0, now: now) }
    }

    /// Signs an address up from the site, as the sign-up form does.
    public func signUp(email: EmailAddress, newsletters: [Newsletter.ID], now: Date) async throws -> SignUpResult {
        try await signUp(email: email, newsletters: newsletters, source: "site", now: now) { standing, suppressed in
            SignUps.plan(standing, suppressed: suppressed, source: "site")
        }
    }
}
