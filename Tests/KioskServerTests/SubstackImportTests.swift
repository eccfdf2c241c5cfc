import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// A Substack export (Tests/fixtures/substack, in Substack's own layout) brought in.
@Suite("Substack import")
struct SubstackImportTests {
    @Test("posts, images and the email list come in; paid posts as drafts, podcasts reported, widgets dropped, /p/slug answering 301; a second run adds nothing")
    func importing() async throws {
        let site = try await TestSite.make()
        let folder = TestPaths.repository.appendingPathComponent("Tests/fixtures/substack").path
        let importer = SubstackImporter(
            store: site.store, media: site.mediaLibrary(), folder: folder, now: { site.clock.now }, progress: { _ in })
        let report = try await importer.run(author: "Ilse Varga")
        #expect(report.imported["articles"] == 4 && report.imported["images"] == 2 && report.imported["subscribers"] == 5, "\(report.imported)")
        #expect(report.skipped.count == 1 && report.skipped[0].contains("podcast"))
        #expect(report.attention.contains { $0.contains("paying subscribers") })
        let again = try await importer.run(author: "Ilse Varga")
        #expect(again.imported.values.allSatisfy { $0 == 0 } && again.unchanged == 4)
        let subscribers = try await site.store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 20)!).items
        #expect(subscribers.first { $0.email.rawValue == "owen.fairley@example.org" }?.status == .unsubscribed)
        #expect(subscribers.filter { $0.status == .active }.count == 4)
        try await site.application.test(.router) { client in
            let story = String(buffer: try await client.execute(uri: "/articles/barges-wait-at-orsk", method: .get).body)
            #expect(story.contains("<figure class=\"body-figure\"><img src=\"/media/") && story.contains("Photo: Ilse Varga"))
            #expect(!story.contains("Subscribe to get it every Tuesday") && !story.contains("Type your email"), "Substack's widgets stay behind")
            #expect(story.contains("href=\"https://www.youtube-nocookie.com/embed/RiverDesk01"), "the video is a link")
            let old = try await client.execute(uri: "/p/barges-wait-at-orsk", method: .get)
            #expect(old.status == .movedPermanently && old.headers[.location] == "/articles/barges-wait-at-orsk")
            #expect(try await client.execute(uri: "/articles/the-ceasefire-annexes", method: .get).status == .notFound, "the paid post is a draft")
        }
    }

    @Test("a folder without posts.csv is refused by name")
    func notAnExport() async throws {
        let site = try await TestSite.make()
        let empty = try TestPaths.temporaryFolder()
        let importer = SubstackImporter(
            store: site.store, media: site.mediaLibrary(), folder: empty.path, now: { site.clock.now }, progress: { _ in })
        await #expect(throws: ImportError.self) { _ = try await importer.run(author: nil) }
    }
}
