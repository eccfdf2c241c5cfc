import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTestSupport
import Testing

@Suite("Error pages")
struct ErrorPageTests {
    /// Breaks a real on-disk database under a running site by dropping a table the pages read.
    func brokenSite(dropping table: String) async throws -> TestSite {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("kiosk.sqlite").path
        let site = try await TestSite.make(databasePath: path)
        let saboteur = try DatabaseQueue(path: path)
        try await saboteur.write { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; DROP TABLE \(table)")
        }
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
