import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskServer
import KioskStore
import KioskTestSupport
import Testing

/// A new publication's first run: the one-time setup link, its file, and the setup page.
@Suite("First run: the setup link and page")
struct FirstRunTests {
    @Test("the link is kept in a file only Kiosk's user can read, the same until it expires, and removed once there is an account")
    func linkFile() async throws {
        let site = try await TestSite.make()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = site.clock.now
        let first = try #require(try await SetupLink.prepare(store: site.store, publicURL: "https://gazette.example", folder: folder.path, now: now))
        #expect(first.link.hasPrefix("https://gazette.example/admin/setup/"))
        let attributes = try FileManager.default.attributesOfItem(atPath: first.file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: first.file, encoding: .utf8) == first.link + "\n")
        let again = try await SetupLink.prepare(store: site.store, publicURL: "https://gazette.example", folder: folder.path, now: now.addingTimeInterval(3600))
        #expect(again?.link == first.link)
        let unsaid = try await SetupLink.prepare(store: site.store, publicURL: "http://127.0.0.1:8080", folder: folder.path, now: now, anyAddress: true)
        #expect(unsaid?.link == first.link, "a command not told the address prints the saved link")
        let moved = try await SetupLink.prepare(store: site.store, publicURL: "https://news.example", folder: folder.path, now: now)
        #expect(moved?.link.hasPrefix("https://news.example/admin/setup/") == true, "a link for another address is made anew")
        let later = try await SetupLink.prepare(store: site.store, publicURL: "https://news.example", folder: folder.path, now: now.addingTimeInterval(25 * 3600))
        #expect(later?.link != moved?.link, "an expired link is replaced")

        _ = try await site.createUser(.editor)
        #expect(try await SetupLink.prepare(store: site.store, publicURL: "https://news.example", folder: folder.path, now: now) == nil)
        #expect(!FileManager.default.fileExists(atPath: first.file))
    }

    @Test("the setup page names the publication, makes the first administrator and signs them in, once")
    func setUp() async throws {
        let site = try await TestSite.make()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = try #require(try await SetupLink.prepare(store: site.store, publicURL: "https://gazette.example", folder: folder.path, now: site.clock.now))
        let path = String(setup.link.dropFirst("https://gazette.example".count))
        try await site.application.test(.router) { client in
            var guest = NewsroomVisitor.signedOut
            func submit(_ changes: [String: String] = [:]) async throws -> TestResponse {
                let form = try await guest.send(client, .get, path)
                guard let token = NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)) else { return form }
                var fields = [
                    "site_name": "The Harbour Ledger", "public_url": "https://ledger.example/", "time_zone": "Europe/Lisbon",
                    "name": "Ines Editor", "email": "Ines@Ledger.example", "password": "tide-clock-orchard-7", "password_again": "tide-clock-orchard-7",
                ]
                fields.merge(changes) { $1 }
                return try await guest.send(client, .post, path, form: [("csrf", token)] + fields.sorted { $0.key < $1.key })
            }
            let page = try await guest.send(client, .get, path)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Europe/Lisbon"), "time zones are offered")

            for (changes, message) in [
                (["public_url": "ftp://ledger.example"], "must start with http:// or https://"),
                (["time_zone": "Mars/Olympus"], "time zone"),
                (["site_name": "  "], "name"),
                (["password_again": "something-else-entirely"], "not the same"),
                (["password": "password123", "password_again": "password123"], "too easy to guess"),
                (["email": "not an address"], "address"),
            ] {
                let refused = try await submit(changes)
                #expect(refused.status == .unprocessableContent, "\(changes)")
                #expect(String(buffer: refused.body).contains(message), "\(changes)")
            }
            #expect(try await site.store.userCount() == 0, "nothing was made by a refused form")

            let made = try await submit()
            #expect(made.status == .seeOther)
            #expect(made.headers[.location] == "/admin/articles?done=welcome-restart")
            let account = try await guest.send(client, .get, "/admin/account")
            #expect(account.status == .ok, "the first administrator is signed in")
            let user = try #require(try await site.store.credentials(email: EmailAddress("ines@ledger.example"))?.user)
            #expect(user.role == .admin && user.name == "Ines Editor")
            let settings = try await site.store.siteContext().settings
            #expect(settings.name == "The Harbour Ledger" && settings.timeZone == "Europe/Lisbon" && settings.publicURL == "https://ledger.example")

            guest = .signedOut
            let reused = try await guest.send(client, .get, path)
            #expect(reused.status == .gone)
            #expect(String(buffer: reused.body).contains("set up already"))
            #expect(try await submit(["email": "second@ledger.example"]).status == .gone)
            #expect(try await site.store.userCount() == 1)
        }
    }

    @Test("a tampered or expired setup link opens nothing")
    func badLinks() async throws {
        let site = try await TestSite.make()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = try #require(try await SetupLink.prepare(store: site.store, publicURL: "https://gazette.example", folder: folder.path, now: site.clock.now))
        let path = String(setup.link.dropFirst("https://gazette.example".count))
        try await site.application.test(.router) { client in
            var guest = NewsroomVisitor.signedOut
            let tampered = try await guest.send(client, .get, String(path.dropLast(2)) + (path.hasSuffix("AA") ? "BB" : "AA"))
            #expect(tampered.status == .gone && String(buffer: tampered.body).contains("not valid"))
            #expect(try await guest.send(client, .get, "/admin/setup/1.2.3").status == .gone)
            site.clock.advance(by: 24 * 3600 + 1)
            let expired = try await guest.send(client, .get, path)
            #expect(expired.status == .gone && String(buffer: expired.body).contains("expired"))
        }
    }
}
