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

/// A Ghost export (Tests/fixtures/ghost: the content export, its images and the members export) brought in.
@Suite("Ghost import")
struct GhostImportTests {
    static let fixture = TestPaths.repository.appendingPathComponent("Tests/fixtures/ghost")

    func importer(_ site: TestSite) -> GhostImporter<SQLiteStore> {
        GhostImporter(
            store: site.store, media: site.mediaLibrary(), images: .folder(Self.fixture.appendingPathComponent("images")),
            now: { site.clock.now }, progress: { _ in })
    }

    @Test("posts, the page, authors with portraits, public tags and members come in; members-only posts as drafts; /slug/ answers 301; a second run adds nothing")
    func importing() async throws {
        let site = try await TestSite.make()
        let export = Self.fixture.appendingPathComponent("export.json").path
        let members = Self.fixture.appendingPathComponent("members.csv").path
        let report = try await importer(site).run(path: export, members: members)
        #expect(
            report.imported == ["articles": 6, "pages": 1, "authors": 2, "topics": 2, "sections": 1, "images": 7, "subscribers": 6], "\(report.imported)")
        #expect(report.attention.contains { $0.contains("what-the-tessaly-ceasefire-text-says") && $0.contains("members only") })
        #expect(report.attention.contains { $0.contains("reading-the-river-tariff-tables") && $0.contains("<script>") })
        let again = try await importer(site).run(path: export, members: members)
        #expect(again.changedNothing && again.unchanged == 7, "\(again.imported)")

        let taxonomy = try await site.store.taxonomy()
        #expect(Set(taxonomy.topics.map(\.name)).isSuperset(of: ["River Shipping", "Ceasefire Talks", "Elections"]), "the test site's “Elections” is reused")
        #expect(!taxonomy.topics.contains { $0.name.hasPrefix("#") || $0.slug.rawValue.contains("weekly-digest") }, "#weekly-digest stays behind")
        let ilse = try #require(taxonomy.authors.first { $0.name == "Ilse Varga" })
        #expect(ilse.bio.hasPrefix("Editor of The River Desk") && ilse.photoID != nil)
        let subscribers = try await site.store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 20)!).items
        #expect(subscribers.first { $0.email.rawValue == "chidi.okafor@example.com" }?.status == .unsubscribed)
        #expect(subscribers.filter { $0.status == .active }.count == 5)

        try await site.application.test(.router) { client in
            let story = String(buffer: try await client.execute(uri: "/articles/barges-queue-at-the-orsk-locks", method: .get).body)
            #expect(story.contains("Ilse Varga") && story.contains("Tomas Reyne"), "both authors, in order")
            #expect(story.contains("Loaded grain barges tied up below the Orsk lock gates at dawn") && story.contains("Photo: Ilse Varga"))
            #expect(story.contains("href=\"/articles/reading-the-river-tariff-tables\""), "a link to another imported post is rewritten")
            #expect(story.contains("href=\"https://www.youtube.com/embed/RiverDesk01"), "the video is a link")
            let mobiledoc = String(buffer: try await client.execute(uri: "/articles/election-day-notes-from-the-delta", method: .get).body)
            #expect(mobiledoc.contains("<td>Reedmouth</td>") && mobiledoc.contains("Ballot boxes crossing to Sallow Island") && mobiledoc.contains("<li>the spoiled-ballot share"))
            let tariffs = String(buffer: try await client.execute(uri: "/articles/reading-the-river-tariff-tables", method: .get).body)
            #expect(tariffs.contains("<th>Draught</th>") && !tariffs.contains("tariff-calculator"), "the script stays behind")
            let old = try await client.execute(uri: "/barges-queue-at-the-orsk-locks/", method: .get)
            #expect(old.status == .movedPermanently && old.headers[.location] == "/articles/barges-queue-at-the-orsk-locks")
            #expect(try await client.execute(uri: "/about", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/articles/what-the-tessaly-ceasefire-text-says", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/articles/who-pays-for-dredging-the-vessa", method: .get).status == .notFound)
        }
    }

    @Test("a damaged file, another program's JSON, an old Ghost's export and a missing members file are refused by name, with nothing imported")
    func refusals() async throws {
        let site = try await TestSite.make()
        let before = try await site.store.taxonomy()
        let folder = try TestPaths.temporaryFolder()
        let original = try String(contentsOf: Self.fixture.appendingPathComponent("export.json"), encoding: .utf8)
        let cases: [(name: String, text: String, says: String)] = [
            ("truncated.json", String(original.prefix(original.count / 2)), "truncated.json is not a Ghost content export: the JSON is damaged"),
            ("other.json", "{\"name\": \"a package\"}", "other.json is not a Ghost content export: meta is missing"),
            ("old.json", original.replacingOccurrences(of: "\"version\": \"5.116.2\"", with: "\"version\": \"1.25.0\""), "written by Ghost 1.25.0"),
        ]
        for item in cases {
            let path = folder.appendingPathComponent(item.name).path
            try item.text.write(toFile: path, atomically: true, encoding: .utf8)
            let error = await #expect(throws: ImportError.self) { _ = try await importer(site).run(path: path, members: nil) }
            #expect(error?.description.contains(item.says) == true, "\(error?.description ?? "")")
        }
        let export = Self.fixture.appendingPathComponent("export.json").path
        await #expect(throws: ImportError.self) { _ = try await importer(site).run(path: export, members: folder.appendingPathComponent("none.csv").path) }
        let after = try await site.store.taxonomy()
        #expect(after.authors.count == before.authors.count && after.sections.count == before.sections.count)
    }
}
