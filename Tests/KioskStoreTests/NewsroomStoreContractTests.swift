import Foundation
import KioskCore
import KioskRender
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// What every `PublicationStore` must do, whatever database is behind it.
@Suite("Newsroom store contract")
struct NewsroomStoreContractTests {
    let now = TestPublication.now

    func user(_ store: any PublicationStore, _ role: Role, _ email: String) async throws -> User {
        try await store.createUser(NewUser(email: EmailAddress(email), name: "Person \(email.prefix(3))", role: role, passwordHash: "hash"), now: now)
    }

    @Test("accounts: unique addresses, an author profile each, at least one administrator", arguments: StoreKind.allCases)
    func accounts(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let admin = try await user(store, .admin, "Boss@Gazette.example")
        #expect(admin.email.rawValue == "boss@gazette.example")
        let author = try #require(try await store.taxonomy().authors.first { $0.id == admin.authorID })
        #expect(author.name == admin.name)
        await #expect(throws: StoreError.self) { _ = try await user(store, .editor, "boss@gazette.example") }
        await #expect(throws: WorkflowError.self) { try await store.changeRole(admin.id, to: .editor) }
        #expect(try await store.user(admin.id)?.role == .admin)
        let second = try await user(store, .editor, "second@gazette.example")
        try await store.changeRole(second.id, to: .admin)
        try await store.changeRole(admin.id, to: .contributor)
        #expect(try await store.users().map(\.role).sorted() == [.contributor, .admin])
    }

    @Test("only one first account is made, however many try at once", arguments: StoreKind.allCases)
    func firstAccount(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let made = await withTaskGroup(of: Bool.self) { group in
            for number in 0..<8 {
                group.addTask {
                    (try? await store.createFirstUser(now: now) { existing in
                        try FirstRun.administrator(
                            existingAccounts: existing, email: EmailAddress("first\(number)@gazette.example"), name: "First \(number)", passwordHash: "hash")
                    }) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(made == 1)
        #expect(try await store.users().map(\.role) == [.admin])
        await #expect(throws: FirstRunError.alreadySetUp) {
            _ = try await store.createFirstUser(now: now) { try FirstRun.administrator(existingAccounts: $0, email: EmailAddress("late@gazette.example"), name: "Late", passwordHash: "hash") }
        }
    }

    @Test("two-step sign-in: a time step and a recovery code each work once, even tried at once", arguments: StoreKind.allCases)
    func twoFactor(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let editor = try await user(store, .editor, "ed@gazette.example")
        #expect(try await store.twoFactorSecret(of: editor.id) == nil)
        #expect(try await store.useTwoFactorStep(editor.id, step: 5) == false, "no step is used without a secret")
        let codes: [[UInt8]] = [[1, 1], [2, 2], [3, 3]]
        try await store.enableTwoFactor(editor.id, secret: "sealed", recoveryCodeHashes: codes)
        #expect(try await store.user(editor.id)?.usesTwoFactor == true)
        #expect(try await store.twoFactorSecret(of: editor.id) == "sealed")
        func racing(_ attempt: @escaping @Sendable () async throws -> Bool) async -> Int {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 { group.addTask { (try? await attempt()) ?? false } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
        #expect(await racing { try await store.useTwoFactorStep(editor.id, step: 100) } == 1)
        #expect(try await store.useTwoFactorStep(editor.id, step: 99) == false, "an earlier step is refused too")
        #expect(try await store.useTwoFactorStep(editor.id, step: 101))
        #expect(await racing { try await store.useRecoveryCode(editor.id, hash: [2, 2], now: now) } == 1)
        #expect(try await store.unusedRecoveryCodes(of: editor.id) == 2)
        #expect(try await store.useRecoveryCode(editor.id, hash: [9, 9], now: now) == false)
        try await store.enableTwoFactor(editor.id, secret: "new", recoveryCodeHashes: [[4, 4]])
        #expect(try await store.unusedRecoveryCodes(of: editor.id) == 1, "turning it on again replaces the codes")
        #expect(try await store.useTwoFactorStep(editor.id, step: 50), "a new secret starts its steps afresh")
        try await store.disableTwoFactor(editor.id)
        #expect(try await store.user(editor.id)?.usesTwoFactor == false)
        #expect(try await store.unusedRecoveryCodes(of: editor.id) == 0)
    }

    @Test("sessions expire, end when idle, are listed per account, and a password change ends them all", arguments: StoreKind.allCases)
    func sessions(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let editor = try await user(store, .editor, "ed@gazette.example")
        let token: [UInt8] = Array(repeating: 7, count: 32)
        let other: [UInt8] = Array(repeating: 8, count: 32)
        try await store.createSession(tokenHash: token, userID: editor.id, csrfToken: "form-token", userAgent: "Firefox", now: now, expiresAt: now.addingTimeInterval(600))
        try await store.createSession(tokenHash: other, userID: editor.id, csrfToken: "other", userAgent: "Phone", now: now, expiresAt: now.addingTimeInterval(600))
        #expect(try await store.session(tokenHash: token, now: now, seenSince: now)?.csrfToken == "form-token")
        #expect(try await store.session(tokenHash: token, now: now.addingTimeInterval(601), seenSince: now) == nil, "past its lifetime")
        #expect(try await store.session(tokenHash: token, now: now.addingTimeInterval(60), seenSince: now.addingTimeInterval(30)) == nil, "idle")
        try await store.touchSession(tokenHash: token, now: now.addingTimeInterval(40))
        let touched = try #require(try await store.session(tokenHash: token, now: now.addingTimeInterval(60), seenSince: now.addingTimeInterval(30)))
        #expect(abs(touched.lastSeenAt.timeIntervalSince(now.addingTimeInterval(40))) < 0.01)
        let listed = try await store.sessions(of: editor.id, now: now.addingTimeInterval(60), seenSince: now.addingTimeInterval(-60))
        #expect(listed.map(\.userAgent) == ["Firefox", "Phone"] && listed.first?.tokenHash == token)
        let admin = try await user(store, .admin, "boss@gazette.example")
        #expect(try await store.endSession(tokenHash: other, of: admin.id) == false, "nobody ends another account's session")
        #expect(try await store.endSession(tokenHash: other, of: editor.id))
        #expect(try await store.session(tokenHash: other, now: now, seenSince: now) == nil)
        #expect(try await store.session(tokenHash: token, now: now, seenSince: now) != nil, "the other session goes on")
        try await store.changePassword(editor.id, passwordHash: "new-hash")
        #expect(try await store.session(tokenHash: token, now: now, seenSince: now) == nil)
        #expect(try await store.credentials(email: editor.email)?.passwordHash == "new-hash")
    }

    @Test("suspending ends sessions and tokens at once; the last active administrator stays; removing keeps bylines", arguments: StoreKind.allCases)
    func accountStatus(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let admin = try await user(store, .admin, "boss@gazette.example")
        let editor = try await user(store, .editor, "ed@gazette.example")
        let token: [UInt8] = Array(repeating: 9, count: 32)
        try await store.createSession(tokenHash: token, userID: editor.id, csrfToken: "t", userAgent: "", now: now, expiresAt: now.addingTimeInterval(600))
        let integration = try await store.createAPIToken(try NewAPIToken(name: "Wire", scope: .write, tokenHash: [4, 4]), createdBy: editor.id, now: now)
        func change(_ id: User.ID, _ change: AccountChange, by actor: User.ID) async throws {
            try await store.changeAccountStatus(id, now: now) { user, active in
                try AccountRules.checkStatusChange(of: user, change, by: actor, activeAdministrators: active)
                return change
            }
        }
        try await change(editor.id, .suspend, by: admin.id)
        #expect(try await store.user(editor.id)?.suspendedAt != nil)
        #expect(try await store.session(tokenHash: token, now: now, seenSince: now) == nil)
        #expect(try await store.apiTokens().first { $0.id == integration.id }?.revokedAt != nil)
        try await store.createSession(tokenHash: token, userID: editor.id, csrfToken: "t", userAgent: "", now: now, expiresAt: now.addingTimeInterval(600))
        #expect(try await store.session(tokenHash: token, now: now, seenSince: now) == nil, "a suspended account has no session")
        try await change(editor.id, .reinstate, by: admin.id)
        #expect(try await store.session(tokenHash: token, now: now, seenSince: now) != nil)
        await #expect(throws: WorkflowError.self) { try await change(admin.id, .suspend, by: admin.id) }
        let second = try await user(store, .admin, "second@gazette.example")
        try await change(second.id, .suspend, by: admin.id)
        await #expect(throws: WorkflowError.self) { try await change(admin.id, .remove, by: editor.id) }
        #expect(try await store.user(admin.id)?.suspendedAt == nil, "a refused change writes nothing")
        let authorID = try #require(editor.authorID)
        try await change(editor.id, .remove, by: admin.id)
        #expect(try await store.user(editor.id) == nil)
        #expect(try await store.taxonomy().authors.contains { $0.id == authorID }, "the byline stays")
        await #expect(throws: StoreError.notFound) { try await change(editor.id, .remove, by: admin.id) }
    }

    @Test("workflow moves are stored, and a refused one writes nothing and keeps drafts off the site", arguments: StoreKind.allCases)
    func workflow(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let draft = fixture.draft.id
        let before = try #require(try await store.article(draft))
        await #expect(throws: WorkflowError.self) { try await store.applyWorkflow(.schedule(now.addingTimeInterval(-1)), to: draft, now: now) }
        await #expect(throws: WorkflowError.self) { try await store.applyWorkflow(.restore, to: draft, now: now) }
        let afterRefusals = try await store.article(draft)
        #expect(afterRefusals == before, "a refused move changes nothing, not even the version")
        try await store.applyWorkflow(.submit, to: draft, now: now)
        await #expect(throws: WorkflowError.self) { try await store.applyWorkflow(.submit, to: draft, now: now) }
        let published = try await store.applyWorkflow(.publish, to: draft, now: now)
        #expect(published.status == .published && published.publishedAt == now && published.submittedAt == nil)
        let trashed = try await store.applyWorkflow(.trash, to: draft, now: now)
        #expect(WorkflowState(of: trashed) == .trash)
        #expect(try await store.publishedArticleSlug(draft) == nil)
        let restored = try await store.applyWorkflow(.restore, to: draft, now: now)
        #expect(WorkflowState(of: restored) == .draft)
        #expect(restored.version > published.version)
        let trash = try await store.newsroomArticles(ArticleListFilter(state: .trash), page: PageRequest(number: 1, size: 10)!)
        #expect(trash.totalItems == 0)
    }

    @Test("a save with a revision and a workflow move is one write; a refused one writes nothing but its kept revision", arguments: StoreKind.allCases)
    func saveAndConflict(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let editor = try await user(store, .editor, "ed@gazette.example")
        let article = try #require(try await store.article(fixture.draft.id))
        let taxonomy = try await store.taxonomy()
        func revision(_ content: ArticleContent, _ kind: RevisionKind) -> NewRevision {
            NewRevision(kind: kind, by: ChangeAuthor(editor), content: content, names: ContentNames(of: content, in: taxonomy, topImage: nil))
        }
        var firstContent = article.content
        firstContent.title = "First change"
        let first = revision(firstContent, .saved)
        let saved = try await store.changeArticle(article.id, now: now) { [firstContent] current in
            try ArticleEdits.save(current, content: firstContent, expectedVersion: article.version, action: .publish, revision: first, now: now)
        }
        #expect(saved.version == article.version + 1 && saved.status == .published && saved.content.title == "First change")
        #expect(try await store.publishedArticleSlug(article.id) != nil)

        var secondContent = firstContent
        secondContent.title = "Second change from an old page"
        let second = revision(secondContent, .saved)
        let staleSave: @Sendable (Article) throws -> ArticleChange = { [secondContent] current in
            try ArticleEdits.save(current, content: secondContent, expectedVersion: article.version, action: nil, revision: second, now: now)
        }
        await #expect(throws: StaleEdit(currentVersion: saved.version)) { try await store.changeArticle(article.id, now: now, staleSave) }
        let afterRefusal = try await store.article(article.id)
        #expect(afterRefusal == saved, "the refused save wrote nothing")
        _ = try await store.addRevision(second.kept(as: .conflict), to: article.id, now: now)
        let revisions = try await store.revisions(of: article.id)
        #expect(revisions.map(\.kind) == [.conflict, .saved])
        #expect(revisions.first?.title == "Second change from an old page")
        #expect(revisions.last?.text.contains("Headline: First change") == true)
        #expect(revisions.last?.draft == ArticleDraft(saved.content))
    }

    @Test("scheduled articles go live when due, and only then", arguments: StoreKind.allCases)
    func scheduling(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        _ = try await store.applyWorkflow(.schedule(now.addingTimeInterval(300)), to: fixture.draft.id, now: now)
        #expect(try await store.nextScheduledPublication() == now.addingTimeInterval(300))
        #expect(try await store.publishDueArticles(now: now.addingTimeInterval(299)) == 0)
        #expect(try await store.publishedArticleSlug(fixture.draft.id) == nil)
        #expect(try await store.publishDueArticles(now: now.addingTimeInterval(300)) == 1)
        #expect(try await store.publishedArticleSlug(fixture.draft.id) != nil)
        #expect(try await store.publishDueArticles(now: now.addingTimeInterval(301)) == 0)
    }

    @Test("renaming a topic keeps the old address redirecting and search finds the new name", arguments: StoreKind.allCases)
    func rename(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        try await store.updateTopic(fixture.ports.id, NewTerm(slug: Slug("harbours"), name: "Harbours and quays"))
        guard case .moved(let slug) = try await store.topicListing(Slug("ports"), page: PageRequest(number: 1, size: 5)!) else {
            Issue.record("the old topic slug does not redirect")
            return
        }
        #expect(slug.rawValue == "harbours")
        let found = try await store.search(SearchQuery("quays"), page: PageRequest(number: 1, size: 5)!)
        #expect(found.totalItems > 0)
    }

    @Test("media in use cannot be deleted; unused media can, with their bytes", arguments: StoreKind.allCases)
    func mediaInUse(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        await #expect(throws: StoreError.self) {
            try await fixture.store.deleteMedia(fixture.image.id) { try MediaRules.checkDeletable(usageCount: $0.usageCount) }
        }
        #expect(try await fixture.store.media(fixture.image.id) != nil)
        let spare = try await fixture.store.addMedia(
            NewMedia(fileName: "spare.png", contentType: "image/png", width: 1, height: 1, alt: "A spare image"), bytes: [1, 2, 3])
        try await fixture.store.deleteMedia(spare.id) { try MediaRules.checkDeletable(usageCount: $0.usageCount) }
        #expect(try await fixture.store.media(spare.id) == nil)
        #expect(try await fixture.store.mediaBytes(fileName: "spare.png") == nil, "the bytes go with the record")
    }

    @Test("media bytes are kept with the record, and older records can be given theirs once", arguments: StoreKind.allCases)
    func mediaBytes(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        #expect(try await store.mediaBytes(fileName: "test-harbour.svg") == Array(TestPublication.imageBytes.utf8))
        #expect(try await store.mediaBytes(fileName: "nothing.svg") == nil)
        #expect(try await store.mediaWithoutBytes(limit: 10).isEmpty)
        let large = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        _ = try await store.addMedia(NewMedia(fileName: "large.png", contentType: "image/png", width: 2, height: 2, alt: "Noise"), bytes: large)
        #expect(try await store.mediaBytes(fileName: "large.png") == large, "megabytes come back byte for byte")
        try await store.storeMediaBytes([9, 9], fileName: "large.png")
        #expect(try await store.mediaBytes(fileName: "large.png") == large, "bytes already stored are never replaced")
    }

    @Test("attempt counts start again after a quiet window and can be cleared", arguments: StoreKind.allCases)
    func attemptCounts(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        for second in 0..<3 { try await store.countAttempt(keys: ["k"], within: 60, now: now.addingTimeInterval(Double(second))) }
        #expect(try await store.attemptCounts(keys: ["k"], within: 60, now: now.addingTimeInterval(30))["k"]?.count == 3)
        #expect(try await store.attemptCounts(keys: ["k"], within: 60, now: now.addingTimeInterval(70))["k"] == nil, "a quiet window forgets")
        try await store.countAttempt(keys: ["k"], within: 60, now: now.addingTimeInterval(70))
        #expect(try await store.attemptCounts(keys: ["k"], within: 60, now: now.addingTimeInterval(70))["k"]?.count == 1, "and starts again at one")
        try await store.clearAttempts(keys: ["k"])
        #expect(try await store.attemptCounts(keys: ["k"], within: 60, now: now.addingTimeInterval(70)).isEmpty)
    }
}
