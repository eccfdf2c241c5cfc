import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// What every store must do for archive imports: each item once, all of it or none, old addresses kept.
@Suite("Import store contract")
struct ImportStoreContractTests {
    let now = TestPublication.now
    let importer = ChangeAuthor(integration: "WordPress import")

    func imported(_ fixture: TestPublication, slug: String, status: ArticleStatus, id: String, paths: [String]) throws -> ImportedArticle {
        var content = try fixture.article("vote-count").content
        content.slug = try Slug(slug)
        let names = ContentNames(of: content, in: Taxonomy(sections: [], topics: [], series: [], authors: []), topImage: nil)
        let published = now.addingTimeInterval(-86_400 * 400)
        return ImportedArticle(
            content: content, status: status, publishedAt: status == .draft ? nil : published, createdAt: published.addingTimeInterval(-3600),
            updatedAt: published.addingTimeInterval(7200), revision: NewRevision(kind: .created, by: importer, content: content, names: names),
            key: ImportKey(source: "wordpress:https://old.example", kind: "article", externalID: id), oldPaths: paths)
    }

    @Test("an imported article keeps its dates and old addresses, is imported once, and its ledger says what it became", arguments: StoreKind.allCases)
    func articles(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let item = try imported(fixture, slug: "old-harbour-story", status: .published, id: "41", paths: ["/2025/06/old-harbour-story", "/?p=41"])
        guard case .stored(let id) = try await store.importArticles([item], now: now).first, let article = try await store.article(id) else {
            Issue.record("the article was not stored")
            return
        }
        #expect(article.publishedAt == item.publishedAt && article.createdAt == item.createdAt && article.updatedAt == item.updatedAt)
        #expect(try await store.revisions(of: article.id).map(\.kind) == [.created])
        #expect(try await store.importedRecord(item.key) == article.id.rawValue)
        #expect(try await store.currentPath(forOldPath: "/2025/06/old-harbour-story") == "/articles/old-harbour-story")
        #expect(try await store.currentPath(forOldPath: "/?p=41") == "/articles/old-harbour-story")
        #expect(try await store.currentPath(forOldPath: "/2025/06/other") == nil)
        let before = try await store.articleCount()
        let draft = try imported(fixture, slug: "old-draft", status: .draft, id: "42", paths: ["/?p=42"])
        let clash = try imported(fixture, slug: "vote-count", status: .published, id: "43", paths: ["/?p=43"])
        let twin = try imported(fixture, slug: "old-draft", status: .published, id: "44", paths: ["/?p=44"])
        let outcomes = try await store.importArticles([item, draft, clash, twin], now: now)
        #expect(outcomes.count == 4 && outcomes[0] == .alreadyImported && outcomes[2] == .slugTaken && outcomes[3] == .slugTaken)
        guard case .stored = outcomes[1] else {
            Issue.record("the draft in the same batch was not stored: \(outcomes)")
            return
        }
        #expect(try await store.articleCount() == before + 1, "of a batch, only the new article with a free slug is stored")
        #expect(try await store.currentPath(forOldPath: "/?p=42") == nil, "a draft's old address leads nowhere")
        for refused in [clash, twin] {
            #expect(try await store.importedRecord(refused.key) == nil, "a refused item leaves no ledger entry")
        }
        for path in ["/?p=43", "/?p=44"] {
            #expect(try await store.currentPath(forOldPath: path) == nil, "nor an old address")
        }
        let author = ImportKey(source: "wordpress:https://old.example", kind: "author", externalID: "editor")
        try await store.recordImport(author, as: fixture.ada.id.rawValue, now: now)
        #expect(try await store.importedRecord(author) == fixture.ada.id.rawValue)
    }

    @Test("an imported page keeps its old address too", arguments: StoreKind.allCases)
    func pages(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let content = try PageContent(
            slug: Slug("about"), title: "About", body: RenderedBody(markdown: "Us.", html: "<p>Us.</p>", openingHTML: "<p>Us.</p>", excerpt: "Us."))
        let item = ImportedPage(
            content: content, status: .published, publishedAt: now, createdAt: now, updatedAt: now,
            revision: NewPageRevision(kind: .created, by: importer, content: content), key: ImportKey(source: "ghost:x", kind: "page", externalID: "5"),
            oldPaths: ["/about-us"])
        let page = try await store.importPage(item, now: now)
        #expect(try await store.currentPath(forOldPath: "/about-us") == "/about")
        #expect(try await store.importedRecord(item.key) == page.id.rawValue)
    }

    @Test("an import job's file comes back part by part; one node claims it, renews its lease, and another takes it over only once the lease ran out", arguments: StoreKind.allCases)
    func jobs(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let id = try await store.createImportJob(platform: .ghost, fileName: "export.json", requestedBy: User.ID(1), now: now)
        #expect(try await store.claimImportJob(node: "a", now: now, leaseUntil: now.addingTimeInterval(60)) == nil, "a file still arriving is nobody's")
        let parts: [[UInt8]] = [Array(repeating: 7, count: ImportJob.partBytes), [0, 1, 2]]
        for (number, bytes) in parts.enumerated() { try await store.addImportJobPart(id, number: number, bytes: bytes) }
        try await store.queueImportJob(id, bytes: Int64(ImportJob.partBytes + 3))
        #expect(try await store.importJobPart(id, number: 0) == parts[0])
        #expect(try await store.importJobPart(id, number: 1) == parts[1])
        #expect(try await store.importJobPart(id, number: 2) == nil)

        async let first = store.claimImportJob(node: "a", now: now, leaseUntil: now.addingTimeInterval(60))
        async let second = store.claimImportJob(node: "b", now: now, leaseUntil: now.addingTimeInterval(60))
        let claims = try await [first, second].compactMap { $0 }
        #expect(claims.count == 1 && claims[0].id == id && claims[0].status == .running && claims[0].bytes == Int64(ImportJob.partBytes + 3))
        let holder = try #require(claims.first?.node)
        let other = holder == "a" ? "b" : "a"
        #expect(try await store.reportImportProgress(id, node: holder, progress: "3 of 7 posts", leaseUntil: now.addingTimeInterval(120)))
        #expect(try await store.reportImportProgress(id, node: other, progress: "stolen", leaseUntil: now.addingTimeInterval(120)) == false)
        #expect(try await store.claimImportJob(node: other, now: now.addingTimeInterval(90), leaseUntil: now.addingTimeInterval(200)) == nil, "the lease was renewed")
        let takeover = try await store.claimImportJob(node: other, now: now.addingTimeInterval(121), leaseUntil: now.addingTimeInterval(300))
        #expect(takeover?.id == id && takeover?.node == other && takeover?.progress == "3 of 7 posts", "a stopped node's job is taken over")
        #expect(try await store.reportImportProgress(id, node: holder, progress: "late", leaseUntil: now.addingTimeInterval(400)) == false, "the first node has lost it")

        try await store.finishImportJob(id, status: .finished, report: "{}", now: now.addingTimeInterval(130))
        let finished = try #require(try await store.importJob(id))
        #expect(finished.status == .finished && finished.report == "{}" && finished.node == nil && finished.finishedAt != nil)
        #expect(try await store.importJobPart(id, number: 0) == nil, "the file is deleted")
        #expect(try await store.claimImportJob(node: "a", now: now.addingTimeInterval(999), leaseUntil: now.addingTimeInterval(1200)) == nil)
        let later = try await store.createImportJob(platform: .wordpress, fileName: "b.xml", requestedBy: User.ID(1), now: now)
        #expect(try await store.importJobs(limit: 10).map(\.id) == [later, id])
    }
}
