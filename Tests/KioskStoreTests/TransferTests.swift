import Foundation
import KioskCore
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// Copying a whole publication between databases, driven by the schema.
@Suite("Copying a publication")
struct TransferTests {
    let now = TestPublication.now

    @Test("every table in the schema is either copied or declared as the engine's own", arguments: StoreKind.allCases)
    func everyTableAccountedFor(kind: StoreKind) async throws {
        let tables = Set(try await kind.makeStore().tableNames())
        let copied = Set(PublicationTables.copied.map(\.name))
        let forgotten = tables.subtracting(copied).subtracting(PublicationTables.notCopied.keys)
        #expect(forgotten.isEmpty, "tables neither copied nor declared not copied: \(forgotten.sorted())")
        #expect(copied.isSubset(of: tables), "copied tables missing from the schema: \(copied.subtracting(tables).sorted())")
    }

    /// The test publication with one of everything else a newsroom keeps: accounts, sessions,
    /// tokens, invitations, throttling, revisions, redirects, subscribers, issues and deliveries.
    func richPublication(_ kind: StoreKind) async throws -> TestPublication {
        let fixture = try await kind.publication()
        let store = fixture.store
        let editor = try await store.createUser(
            NewUser(email: EmailAddress("ed@gazette.example"), name: "Edna Editor", role: .admin, passwordHash: "$2b$04$hash"), now: now)
        try await store.createSession(tokenHash: [1, 2, 3], userID: editor.id, csrfToken: "csrf", userAgent: "Firefox", now: now, expiresAt: now.addingTimeInterval(3600))
        try await store.enableTwoFactor(editor.id, secret: "sealed:v1:secret", recoveryCodeHashes: [[7, 7], [8, 8]])
        _ = try await store.createAPIToken(try NewAPIToken(name: "Wire", scope: .write, tokenHash: [9, 9, 9]), createdBy: editor.id, now: now)
        _ = try await store.createInvitation(
            email: EmailAddress("new@gazette.example"), role: .contributor, invitedBy: editor.id, now: now, expiresAt: now.addingTimeInterval(60))
        try await store.countAttempt(keys: ["account:x@gazette.example"], within: 900, now: now)
        let taxonomy = try await store.taxonomy()
        var content = try fixture.article("vote-count").content
        content.slug = try Slug("the-vote-count")
        let revision = NewRevision(kind: .saved, by: ChangeAuthor(editor), content: content, names: ContentNames(of: content, in: taxonomy, topImage: nil))
        let contentToSave = content
        _ = try await store.changeArticle(try fixture.article("vote-count").id, now: now) { _ in
            ArticleChange(content: contentToSave, revision: revision, visibleToReaders: true)
        }
        let weekly = try #require(try await store.newsletters().first)
        guard case .confirmationNeeded(let reader, _) = try await store.signUp(email: EmailAddress("reader@example.org"), newsletters: [weekly.id], now: now)
        else { throw TestDatabaseError("sign-up") }
        _ = try await store.confirmSubscriber(reader, now: now)
        let issue = try #require(
            try await store.createIssue(
                NewIssue(newsletterID: weekly.id, subject: "The week", intro: "Hello", articleIDs: [fixture.draft.id], period: now..<now, roundupDue: now),
                now: now))
        _ = try await store.startSending(issue.id, now: now, IssueRules.mayStartSending)
        let delivery = try #require(try await store.claimDeliveries(limit: 1, now: now, node: "a", leaseUntil: now.addingTimeInterval(60)).first)
        try await store.recordDelivery(delivery, DeliveryRules.record(.sent, attempts: 0, now: now), now: now)
        return fixture
    }

    /// What people can see of a publication through the store, to compare a copy with its original;
    /// with `secrets`, the secrets too (an export leaves them out).
    func view(of store: any PublicationStore, _ fixture: TestPublication, secrets: Bool = true) async throws -> [String] {
        let page = try #require(PageRequest(number: 1, size: 100))
        var lines: [String] = []
        lines.append("\(try await store.siteContext())")
        if secrets { lines.append("\(try await store.siteSecret())") }
        lines.append("\(try await store.taxonomy())")
        for id in fixture.articles.values.map(\.id).sorted() + [fixture.draft.id] {
            lines.append("\(String(describing: try await store.article(id)))")
            lines.append("\(try await store.revisions(of: id).map { "\($0.kind) \($0.savedBy) \($0.title) \($0.text)" })")
        }
        lines.append("\(try await store.articlePage(Slug("vote-count"), relatedLimit: 3))")
        // The order of results of equal relevance is each engine's own (see `EngineDifferences`); the results are not.
        lines.append("\(try await store.search(SearchQuery("harbour"), page: page).items.map(\.summary.slug).sorted())")
        lines.append("\(try await store.users().map { "\($0.id) \($0.email) \($0.name) \($0.role) \($0.authorID.map(String.init(describing:)) ?? "")" })")
        if secrets {
            lines.append("\(try await store.users()) \(try await store.credentials(email: EmailAddress("ed@gazette.example"))?.passwordHash ?? "")")
            lines.append("\(String(describing: try await store.session(tokenHash: [1, 2, 3], now: now, seenSince: now)?.user))")
            lines.append("\(try await store.apiTokens().map { "\($0.name) \($0.scope)" }) \(try await store.apiToken(hash: [9, 9, 9])?.name ?? "")")
            lines.append("\(try await store.attemptCounts(keys: ["account:x@gazette.example"], within: 900, now: now))")
        }
        lines.append("\(try await store.pendingInvitations(now: now))")
        lines.append("\(try await store.mediaBytes(fileName: "test-harbour.svg") ?? [])")
        let subscribers = try await store.subscribers(SubscriberFilter(), page: page).items
        lines.append("\(subscribers)")
        for subscriber in subscribers { lines.append("\(try await store.subscriberHistory(subscriber.id))") }
        for newsletter in try await store.newsletters() {
            lines.append("\(newsletter)")
            for issue in try await store.issues(of: newsletter.id) {
                lines.append("\(issue) \(try await store.deliveryProgress(issue.id))")
            }
        }
        return lines
    }

    @Test("a copy holds everything its original held, from any engine to any engine", arguments: StoreKind.allCases, StoreKind.allCases)
    func roundTrip(from: StoreKind, to: StoreKind) async throws {
        let fixture = try await richPublication(from)
        let target = try await to.makeStore()
        let copier = PublicationCopier(from: fixture.store, to: target)
        #expect(try await copier.refusal() == nil)
        var progress: [String] = []
        let counts = try await copier.copy { progress.append($0) }
        #expect(counts.first { $0.table == "delivery" }?.rows == 1 && counts.first { $0.table == "revision" }?.rows == 1)
        #expect(progress.contains("article: 7 of 7 rows"))
        let original = try await view(of: fixture.store, fixture)
        let copy = try await view(of: target, fixture)
        for (left, right) in zip(original, copy) { #expect(left == right) }
        #expect(original.count == copy.count)
        let section = try await target.createSection(NewSection(slug: Slug("after-copy"), name: "After the copy"))
        #expect(section.id.rawValue > fixture.africa.id.rawValue, "new records take ids after the copied ones")
    }

    @Test("an export read back into an empty database of any engine holds the same publication, without its secrets", arguments: StoreKind.allCases)
    func exportRoundTrip(to: StoreKind) async throws {
        let fixture = try await richPublication(.sqliteInMemory)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try await PublicationExport.write(from: fixture.store, to: folder, kioskVersion: "test", now: now) { _ in }
        #expect(manifest.tables.first { $0.name == "revision" }?.rows == 1 && manifest.media.count == 1)
        let target = try await to.makeStore()
        _ = try await PublicationExport.read(from: folder, into: target) { _ in }
        let original = try await view(of: fixture.store, fixture, secrets: false)
        let imported = try await view(of: target, fixture, secrets: false)
        for (left, right) in zip(original, imported) { #expect(left == right) }
        #expect(original.count == imported.count)
        #expect(try await target.credentials(email: EmailAddress("ed@gazette.example"))?.passwordHash == "!", "no password leaves with an export")
        #expect(try await target.siteSecret() != fixture.store.siteSecret(), "nor the key that signs links")
        #expect(try await target.apiTokens().isEmpty)
        #expect(try await target.users().allSatisfy { !$0.usesTwoFactor })
        await #expect(throws: ExportError.self) { _ = try await PublicationExport.read(from: folder, into: target) { _ in } }
    }

    @Test("copying into a database that holds a publication is refused and changes nothing", arguments: StoreKind.allCases)
    func refusesNonEmptyTarget(kind: StoreKind) async throws {
        let source = try await kind.publication()
        let target = try await kind.publication()
        let before = try await StoreSnapshot.take(target.store, articles: target.articles.values.map(\.id))
        let refusal = try #require(try await PublicationCopier(from: source.store, to: target.store).refusal())
        #expect(refusal.contains("already holds a publication"))
        #expect(try await StoreSnapshot.take(target.store, articles: target.articles.values.map(\.id)) == before)
    }
}
