import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskMail
import KioskRender
import KioskServer
import KioskSQLite
import KioskStore
import KioskTestSupport
import Logging
import Testing

@Suite("Newsletter sign-up, links and the round-up draft, through the router")
struct NewsletterTests {
    static func subscribe(_ client: some TestClientProtocol, _ fields: [(String, String)]) async throws -> TestResponse {
        var guest = NewsroomVisitor.signedOut
        return try await guest.send(client, .post, "/newsletter/subscribe", form: fields)
    }

    /// The messages written to the test site's outbox, as text.
    static func outbox(_ site: TestSite) throws -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: site.outbox.path)) ?? []
        return try files.sorted().map { try String(contentsOf: site.outbox.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The first link in `message` that starts with `prefix` (quoted-printable soft breaks undone).
    static func link(_ prefix: String, in message: String) throws -> String {
        let text = message.replacingOccurrences(of: "=\r\n", with: "")
        let start = try #require(text.range(of: prefix))
        return String(text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" })
    }

    @Test("a sign-up sends one confirmation; the link's page confirms only on POST; the answer never tells known addresses apart")
    func doubleOptIn() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let first = try await Self.subscribe(client, [("email", "reader@example.org"), ("newsletter", "weekly-roundup")])
            #expect(first.status == .ok)
            #expect(String(buffer: first.body).contains("Check your inbox"))
            let messages = try Self.outbox(site)
            #expect(messages.count == 1)
            let message = try #require(messages.first)
            #expect(message.contains("Content-Type: multipart/alternative"))
            let confirm = try Self.link("https://gazette.example/newsletter/confirm/", in: message)
            let path = String(confirm.dropFirst("https://gazette.example".count))

            let again = try await Self.subscribe(client, [("email", "reader@example.org"), ("newsletter", "weekly-roundup")])
            #expect(String(buffer: again.body) == String(buffer: first.body), "a second sign-up looks the same")
            #expect(try Self.outbox(site).count == 1, "no second email within ten minutes")

            let page = try await client.execute(uri: path, method: .get)
            #expect(String(buffer: page.body).contains("Confirm my subscription"))
            let store = site.publication.store
            let pending = try await store.subscribers(SubscriberFilter(status: .pending), page: PageRequest(number: 1, size: 5)!)
            #expect(pending.totalItems == 1, "opening the link alone confirms nothing")
            let confirmed = try await client.execute(uri: path, method: .post)
            #expect(String(buffer: confirmed.body).contains("You are subscribed"))
            #expect(try await store.subscribers(SubscriberFilter(status: .active), page: PageRequest(number: 1, size: 5)!).totalItems == 1)

            site.clock.advance(by: 3 * 24 * 3600)
            let known = try await Self.subscribe(client, [("email", "reader@example.org"), ("newsletter", "weekly-roundup")])
            #expect(String(buffer: known.body) == String(buffer: first.body))
            #expect(try Self.outbox(site).last?.contains("You are already subscribed") == true)
        }
    }

    @Test("a deleted subscriber's links stop working, and never work for whoever is given the same id")
    func linksOutliveNoOne() async throws {
        let site = try await TestSite.make()
        let store = site.publication.store
        try await site.application.test(.router) { client in
            func confirmPath(_ email: String) async throws -> (path: String, id: Subscriber.ID) {
                _ = try await Self.subscribe(client, [("email", email), ("newsletter", "weekly-roundup")])
                let link = try Self.link("https://gazette.example/newsletter/confirm/", in: try #require(try Self.outbox(site).last))
                let id = try #require(try await store.subscribers(SubscriberFilter(search: email), page: PageRequest(number: 1, size: 5)!).items.first?.id)
                return (String(link.dropFirst("https://gazette.example".count)), id)
            }
            let first = try await confirmPath("first@example.org")
            try await store.deleteSubscriber(first.id)
            #expect(try await client.execute(uri: first.path, method: .get).status == .notFound, "deleted: the link is dead")
            let second = try await confirmPath("second@example.org")
            #expect(second.id == first.id, "SQLite gives the freed id to the next subscriber")
            let reused = try await client.execute(uri: first.path, method: .post)
            #expect(reused.status == .notFound, "the old link does not work for the new subscriber")
            #expect(try await store.subscribers(SubscriberFilter(status: .active), page: PageRequest(number: 1, size: 5)!).totalItems == 0)
            #expect(String(buffer: try await client.execute(uri: second.path, method: .post).body).contains("You are subscribed"))
        }
    }

    @Test("bad addresses, header injection, honeypots and tampered or expired links change nothing")
    func badInput() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            for address in ["not-an-address", "reader@example.org\r\nBcc: victim@example.org", "a@b", "<script>@example.org", String(repeating: "a", count: 300) + "@example.org"] {
                let response = try await Self.subscribe(client, [("email", address), ("newsletter", "weekly-roundup")])
                #expect(response.status == .unprocessableContent, "\(address)")
                #expect(String(buffer: response.body).contains("Nothing was stored"))
            }
            let international = try await Self.subscribe(client, [("email", "jörg@exämple.de"), ("newsletter", "weekly-roundup")])
            #expect(String(buffer: international.body).contains("internationalised addresses"))
            var guest = NewsroomVisitor.signedOut
            let huge = try await guest.send(
                client, .post, "/newsletter/subscribe", body: ByteBuffer(string: "email=" + String(repeating: "a", count: 100_000)),
                contentType: "application/x-www-form-urlencoded")
            #expect(huge.status == .contentTooLarge)
            #expect(String(buffer: huge.body).contains("Too much sent"))
            let bot = try await Self.subscribe(client, [("email", "bot@example.org"), ("newsletter", "weekly-roundup"), ("website", "http://spam.example")])
            #expect(bot.status == .ok)
            #expect(try await site.publication.store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 5)!).totalItems == 0)
            #expect(try Self.outbox(site).isEmpty)

            _ = try await Self.subscribe(client, [("email", "reader@example.org"), ("newsletter", "weekly-roundup")])
            let confirm = try Self.link("https://gazette.example/newsletter/confirm/", in: try #require(try Self.outbox(site).first))
            let path = String(confirm.dropFirst("https://gazette.example".count))
            let tampered = String(path.dropLast(2)) + (path.hasSuffix("AA") ? "BB" : "AA")
            #expect(try await client.execute(uri: tampered, method: .post).status == .notFound)
            #expect(try await client.execute(uri: "/newsletter/unsubscribe/1/1.9999999999.abc", method: .post).status == .notFound)
            site.clock.advance(by: 49 * 3600)
            let expired = try await client.execute(uri: path, method: .post)
            #expect(expired.status == .gone)
            #expect(try await site.publication.store.subscribers(SubscriberFilter(status: .active), page: PageRequest(number: 1, size: 5)!).totalItems == 0)
        }
    }

    /// The newsletter service of `site`, writing to its outbox as `identity`.
    static func service(_ site: TestSite, identity: MailIdentity) throws -> NewsletterService<SQLiteStore> {
        NewsletterService(
            store: site.store, nodeID: "test", transport: FolderTransport(folder: site.outbox.path), identity: identity,
            renderer: EmailRenderer(theme: try Theme(directory: TestPaths.defaultTheme), publicURL: "https://gazette.example"),
            publicURL: "https://gazette.example", logger: Logger(label: "test"), now: { site.clock.now })
    }

    @Test("the weekly round-up is drafted at its time from the week's articles and shown in the newsroom")
    func roundupDraft() async throws {
        let site = try await TestSite.make()
        let store = site.publication.store
        let service = try Self.service(site, identity: MailIdentity(from: MailAddress(try EmailAddress("newsletter@gazette.example"))))
        try await service.tick()
        let weekly = try #require(try await store.newsletters().first { $0.isWeeklyRoundup })
        let issues = try await store.issues(of: weekly.id)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.status == .draft)
        #expect(!issue.articleIDs.isEmpty)
        #expect(issue.periodEnd <= site.clock.now)
        try await service.tick()
        #expect(try await store.issues(of: weekly.id).count == 1, "one draft per week")
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let page = String(buffer: try await editor.send(client, .get, "/admin/newsletter").body)
            #expect(page.contains(issue.subject))
            #expect(page.contains("no SMTP server is configured"))
            let issuePage = String(buffer: try await editor.send(client, .get, "/admin/newsletter/issues/\(issue.id)").body)
            #expect(issuePage.contains("(lead)"))
            let contributor = try await site.createUser(.contributor, email: "c@gazette.example")
            var writer = try await NewsroomVisitor.signIn(client, email: contributor.email.rawValue).0
            #expect(try await writer.send(client, .get, "/admin/newsletter").status == .forbidden)
            #expect(try await writer.send(client, .get, "/admin/subscribers").status == .forbidden)
        }
    }

    @Test("with a DKIM key, the confirmation and each copy of an issue leave signed")
    func dkimSignsEveryMessage() async throws {
        var identity = MailIdentity(from: MailAddress(try EmailAddress("newsletter@gazette.example")))
        identity.dkim = try DKIMSigner(key: .ed25519(), domain: "gazette.example", selector: "test")
        let site = try await TestSite.make(identity: identity)
        try await site.application.test(.router) { client in
            _ = try await Self.subscribe(client, [("email", "reader@example.org"), ("newsletter", "weekly-roundup")])
        }
        let store = site.publication.store
        let weekly = try #require(try await store.newsletters().first { $0.isWeeklyRoundup })
        let reader = SubscriberImport(email: try EmailAddress("issue@example.org"), consentAt: site.clock.now, source: "test", newsletters: [weekly.id])
        _ = try await store.importSubscribers([reader], now: site.clock.now) { _ in "imported" }
        let service = try Self.service(site, identity: identity)
        try await service.tick()
        let issue = try #require(try await store.issues(of: weekly.id).first)
        #expect(try await store.startSending(issue.id, now: site.clock.now) { _ in true } == 1)
        try await service.tick()
        let messages = try Self.outbox(site)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("\r\nSubject: Confirm your subscription") })
        #expect(messages.contains { $0.contains("\r\nList-Unsubscribe-Post: ") })
        for message in messages {
            let unfolded = message.replacingOccurrences(of: "\r\n ", with: " ")
            #expect(unfolded.hasPrefix("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=gazette.example; s=test;"))
        }
    }

    @Test("a CSV import keeps valid rows, reports broken ones by line, refuses 50 MB of junk; the export reads back")
    func importAndExport() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let csv = """
                email,consent_date,source,newsletters
                first@example.org,2026-03-01,fair stand,weekly-roundup
                "second@example.org",2026-03-02T10:00:00Z,,weekly-roundup;breaking
                not-an-address,2026-03-01,fair,weekly-roundup
                third@example.org,yesterday,fair,weekly-roundup
                fourth@example.org,2026-03-01,fair,no-such-list
                just one field
                """
            func upload(_ bytes: [UInt8]) async throws -> TestResponse {
                let (body, type) = NewsroomMediaAndSchedulingTests.multipart([("csrf", editor.csrf)], file: bytes, fileName: "list.csv")
                return try await editor.send(client, .post, "/admin/subscribers/import", body: body, contentType: type)
            }
            let report = try await upload(Array(csv.utf8))
            #expect(report.status == .ok)
            let page = String(buffer: report.body)
            #expect(page.contains("2 added"))
            #expect(page.contains("4 invalid rows skipped"))
            #expect(page.contains("Line 4: “not-an-address” is not an email address."))
            #expect(page.contains("Line 5: the consent date “yesterday” is not a date"))
            #expect(page.contains("Line 6: unknown newsletter"))
            #expect(page.contains("Line 7: “just one field” is not an email address."))
            let junk = try await upload([UInt8](repeating: 0xFF, count: 50 << 20))
            #expect(junk.status == .contentTooLarge)
            #expect(String(buffer: junk.body).contains("larger than the limit of 20 MB"))
            #expect(try await site.publication.store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 10)!).totalItems == 2)
            let export = try await editor.send(client, .get, "/admin/subscribers.csv")
            let records = CSV.records(String(buffer: export.body))
            #expect(records.first == ["email", "status", "newsletters", "source", "signed_up", "confirmed"])
            #expect(Set(records.dropFirst().map { $0[0] }) == ["first@example.org", "second@example.org"])
            #expect(records.dropFirst().first { $0[0] == "second@example.org" }?[2] == "weekly-roundup;breaking")
        }
    }

    @Test("exports of Ghost, Substack and Mailchimp load as they are: columns by name, a byte-order mark ignored, unsubscribed people kept unsubscribed, a second run adding nobody")
    func importOtherServices() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let files = [
                "ghost.csv": """
                    \u{FEFF}id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers
                    6501,reader.one@example.org,Reader One,,true,false,,2024-05-02T08:30:00.000Z,,,
                    6502,gone@example.org,Gone Reader,,false,false,,2023-01-10T10:00:00.000Z,,,
                    """,
                "substack.csv": """
                    email,active_subscription,expiry,plan,email_disabled,created_at
                    paying@example.org,true,2027-01-01,yearly,false,2025-02-03T04:05:06.789Z
                    quiet@example.org,false,,,true,2025-02-04T04:05:06.789Z
                    """,
                "mailchimp-unsubscribed.csv": """
                    Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,LEID
                    left@example.org,Left,Behind,2,2022-06-01 09:00:00,,2022-06-01 09:05:00,,2023-02-01 10:00:00,Weekly,123
                    """,
            ]
            func upload(_ name: String) async throws -> String {
                let (body, type) = NewsroomMediaAndSchedulingTests.multipart([("csrf", editor.csrf)], file: Array(files[name]!.utf8), fileName: name)
                return String(buffer: try await editor.send(client, .post, "/admin/subscribers/import", body: body, contentType: type).body)
            }
            for name in files.keys.sorted() {
                let first = try await upload(name)
                #expect(first.contains(" added") && first.contains("· 0 invalid rows skipped"), "\(name): \(first)")
                #expect(try await upload(name).contains("0 added"), "importing \(name) again adds nobody")
            }
            let all = try await site.store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 20)!).items
            let status = Dictionary(uniqueKeysWithValues: all.map { ($0.email.rawValue, $0.status) })
            #expect(status == [
                "reader.one@example.org": .active, "gone@example.org": .unsubscribed, "paying@example.org": .active,
                "quiet@example.org": .unsubscribed, "left@example.org": .unsubscribed,
            ])
            let reader = try #require(all.first { $0.email.rawValue == "reader.one@example.org" })
            let consented = try Date("2024-05-02T08:30:00Z", strategy: .iso8601)
            #expect(reader.source == "ghost" && reader.confirmedAt == consented)
            #expect(all.first { $0.email.rawValue == "left@example.org" }?.newsletterIDs.isEmpty == true)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: site.outbox.path)) ?? []).isEmpty, "nobody is sent a confirmation")
        }
    }

    @Test("an administrator sets the mail server in the settings; its password is never shown; a bad address is refused")
    func mailServerInSettings() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let fields = [("name", "The Test Gazette"), ("time_zone", "Europe/London")]
            let bad = try await admin.post(client, "/admin/settings", fields + [("smtp_url", "ftp://mail.example.org")])
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("The mail server address is not usable"))
            let good = try await admin.post(client, "/admin/settings", fields + [("smtp_url", "smtp://kiosk:hunter2-secret@127.0.0.1:2525?starttls=never")])
            #expect(good.status == .seeOther)
            let stored = try await site.publication.store.siteContext().settings.smtpURL
            #expect(!stored.contains("hunter2-secret"), "the password is sealed in the database")
            #expect(try site.secrets.open(stored).contains("127.0.0.1:2525"))
            for page in ["/admin/settings", "/admin/newsletter"] {
                let html = String(buffer: try await admin.send(client, .get, page).body)
                #expect(html.contains("127.0.0.1:2525"), "\(page)")
                #expect(!html.contains("hunter2-secret"), "\(page)")
            }
            _ = try await admin.post(client, "/admin/settings", fields + [("smtp_remove", "1")])
            #expect(try await site.publication.store.siteContext().settings.smtpURL.isEmpty)
        }
    }

    @Test("a node whose key cannot open the saved mail server keeps mail in the outbox and says why")
    func mailServerSealedWithAnotherKey() async throws {
        let site = try await TestSite.make()
        var settings = try await site.publication.store.siteContext().settings
        settings.smtpURL = try site.secrets.seal("smtp://kiosk:hunter2-secret@127.0.0.1:2525?starttls=never")
        try await site.publication.store.updateSiteSettings(settings)
        let folder = FolderTransport(folder: site.outbox.path)
        let sameKey = SettingsTransport(store: site.store, folder: folder, secrets: site.secrets, parallelism: 1)
        await sameKey.refresh()
        #expect(!sameKey.isFolder && sameKey.description.contains("127.0.0.1:2525"))
        for (box, why): (SecretBox, String) in [(SecretBox(key: [UInt8](repeating: 9, count: 32)), "another key"), (SecretBox(key: nil), "KIOSK_SECRET_KEY_FILE")] {
            let transport = SettingsTransport(store: site.store, folder: folder, secrets: box, parallelism: 1)
            await transport.refresh()
            #expect(transport.isFolder)
            #expect(transport.description.contains("cannot be used") && transport.description.contains(why), "\(transport.description)")
            #expect(!transport.description.contains("hunter2-secret"))
        }
    }
}
