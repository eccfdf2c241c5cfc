import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTestSupport
import Testing

@Suite("Error pages")
struct ErrorPageTests {
    /// Breaks a real on-disk database under a running site by dropping a table the pages read, from
    /// another process (Python's own SQLite), as a botched manual repair would.
    func brokenSite(dropping table: String) async throws -> TestSite {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("kiosk.sqlite").path
        let site = try await TestSite.make(databasePath: path)
        let saboteur = Process()
        saboteur.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        saboteur.arguments = [
            "python3", "-c",
            "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('PRAGMA foreign_keys = OFF'); db.execute('DROP TABLE ' + sys.argv[2]); db.commit()",
            path, table,
        ]
        try saboteur.run()
        saboteur.waitUntilExit()
        #expect(saboteur.terminationStatus == 0, "python3 could not drop \(table)")
        return site
    }

    @Test("an internal failure shows the theme's error page and no details")
    func internalError() async throws {
        let site = try await brokenSite(dropping: "article_author")
        try await site.application.test(.router) { client in
            for path in ["/", "/latest", "/articles/letter-two", "/sections/europe"] {
                let response = try await client.execute(uri: path, method: .get)
                let html = String(buffer: response.body)
                #expect(response.status == .internalServerError, "\(path)")
                #expect(html.contains("Something went wrong"))
                #expect(html.contains("The Test Gazette"))
                #expect(!html.contains("article_author"))
                #expect(!html.lowercased().contains("sqlite"))
                #expect(response.headers[.cacheControl] == "no-store")
            }
            let head = try await client.execute(uri: "/", method: .head)
            #expect(head.status == .internalServerError && head.body.readableBytes == 0)
        }
    }

    @Test("when even the settings cannot be read, a plain error page still answers")
    func settingsUnreadable() async throws {
        let site = try await brokenSite(dropping: "site_settings")
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            let html = String(buffer: response.body)
            #expect(response.status == .internalServerError)
            #expect(html.contains("Something went wrong"))
            #expect(!html.contains("site_settings"))
        }
    }
}
