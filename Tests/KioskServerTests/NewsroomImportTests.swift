import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import KioskSQLite
import KioskStore
import KioskTestSupport
import Logging
import Testing

/// Archives uploaded by an administrator in the newsroom, imported by whichever node claims the job.
@Suite("Imports from the newsroom")
struct NewsroomImportTests {
    static let ghost = TestPaths.repository.appendingPathComponent("Tests/fixtures/ghost/export.json")
    static let wordpress = TestPaths.repository.appendingPathComponent("Tests/fixtures/wordpress/export.xml")

    func runner(_ site: TestSite, node: String) -> ImportJobRunner<SQLiteStore> {
        ImportJobRunner(store: site.store, media: site.mediaLibrary(), node: node, logger: Logger(label: "test"), now: { site.clock.now })
    }

    @Test("an uploaded Ghost export is stored whole, imported once by the node that claims it, and its report shown")
    func ghostUpload() async throws {
        let site = try await TestSite.make()
        let file = try [UInt8](Data(contentsOf: Self.ghost))
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            #expect(String(buffer: try await admin.send(client, .get, "/admin/imports").body).contains("Import an archive"))
            let (body, type) = NewsroomMediaAndSchedulingTests.multipart([("csrf", admin.csrf), ("platform", "ghost")], file: file, fileName: "export.json")
            let response = try await admin.send(client, .post, "/admin/imports", body: body, contentType: type)
            let location = try #require(response.headers[.location])
            #expect(response.status == .seeOther && location.hasPrefix("/admin/imports/") && location.hasSuffix("?done=import-queued"))
            let job = try #require(try await site.store.importJobs(limit: 5).first)
            #expect(job.status == .queued && job.bytes == Int64(file.count) && job.platform == .ghost && job.fileName == "export.json")
            var stored: [UInt8] = []
            var number = 0
            while let part = try await site.store.importJobPart(job.id, number: number) {
                stored += part
                number += 1
            }
            #expect(stored == file, "the file is kept whole, in parts")
            let waiting = String(buffer: try await admin.send(client, .get, location).body)
            #expect(waiting.contains("http-equiv=\"refresh\"") && waiting.contains("Waiting for a node"))

            #expect(await runner(site, node: "node-b").runNext())
            #expect(await runner(site, node: "node-a").runNext() == false, "a finished job is nobody's")
            let finished = try #require(try await site.store.importJob(job.id))
            #expect(finished.status == .finished)
            let page = String(buffer: try await admin.send(client, .get, "/admin/imports/\(job.id)").body)
            #expect(page.contains("Imported: 6 articles") && page.contains("members only") && !page.contains("http-equiv=\"refresh\""))
            #expect(try await client.execute(uri: "/articles/barges-queue-at-the-orsk-locks", method: .get).status == .ok)
            #expect(try await site.store.importJobPart(job.id, number: 0) == nil, "the file is deleted once imported")
        }
    }

    @Test("a file that is not the chosen platform's export, a missing file and a forged form are refused before any job exists")
    func refusals() async throws {
        let site = try await TestSite.make()
        let wordpress = try [UInt8](Data(contentsOf: Self.wordpress))
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let cases: [(fields: [(String, String)], file: [UInt8], status: HTTPResponse.Status, says: String)] = [
                ([("csrf", admin.csrf), ("platform", "ghost")], wordpress, .unprocessableContent, "That file is not a Ghost content export"),
                ([("csrf", admin.csrf), ("platform", "ghost")], [], .unprocessableContent, "Choose the export file"),
                ([("csrf", admin.csrf), ("platform", "tumblr")], wordpress, .unprocessableContent, "Choose where the archive comes from"),
                ([("csrf", String(repeating: "x", count: 43)), ("platform", "wordpress")], wordpress, .forbidden, "nothing was changed"),
                ([("platform", "wordpress")], wordpress, .forbidden, "nothing was changed"),
            ]
            for item in cases {
                let (body, type) = NewsroomMediaAndSchedulingTests.multipart(item.fields, file: item.file, fileName: "export.json")
                let response = try await admin.send(client, .post, "/admin/imports", body: body, contentType: type)
                #expect(response.status == item.status && String(buffer: response.body).contains(item.says), "\(item.says): \(response.status)")
            }
            #expect(try await site.store.importJobs(limit: 5).isEmpty)
        }
    }

    @Test("a job whose node stopped is taken over once its lease runs out, and an export that cannot be read ends the job as failed, saying why")
    func takeoverAndFailure() async throws {
        let site = try await TestSite.make()
        let editor = try await site.createUser(.admin, email: "imports@gazette.example")
        let bad = Array(#"{"db": [{"meta": {"version": "2.38.0"}, "data": {"posts": []}}]}"#.utf8)
        let id = try await site.store.createImportJob(platform: .ghost, fileName: "old.json", requestedBy: editor.id, now: site.clock.now)
        try await site.store.addImportJobPart(id, number: 0, bytes: bad)
        try await site.store.queueImportJob(id, bytes: Int64(bad.count))
        let stopped = try await site.store.claimImportJob(node: "node-a", now: site.clock.now, leaseUntil: site.clock.now.addingTimeInterval(60))
        #expect(stopped?.id == id)
        #expect(await runner(site, node: "node-b").runNext() == false, "node-a's lease still holds")
        site.clock.advance(by: 61)
        #expect(await runner(site, node: "node-b").runNext())
        let job = try #require(try await site.store.importJob(id))
        #expect(job.status == .failed && job.report.contains("written by Ghost 2.38.0"), "\(job.report)")
    }
}
