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

/// Sessions that end when idle, the list of devices, and administrators suspending and removing
/// accounts and withdrawing invitations.
@Suite("Account administration and devices")
struct AccountAdministrationTests {
    @Test("a session ends after a day without use and goes on while used; use is recorded every few minutes")
    func idleTimeout() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            for _ in 0..<20 {
                site.clock.advance(by: SessionRules.idleTimeout / 2)
                #expect(try await editor.send(client, .get, "/admin/articles").status == .ok)
            }
            #expect(site.clock.now.timeIntervalSince(TestPublication.now) < SessionRules.lifetime)
            site.clock.advance(by: SessionRules.idleTimeout + 1)
            #expect(try await editor.send(client, .get, "/admin/articles").status == .seeOther, "idle for a day")
        }
    }

    @Test("a session ends at its lifetime however busy")
    func lifetime() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            var elapsed: TimeInterval = 0
            while elapsed + 3600 * 6 < SessionRules.lifetime {
                site.clock.advance(by: 3600 * 6)
                elapsed += 3600 * 6
                #expect(try await editor.send(client, .get, "/admin/articles").status == .ok)
            }
            site.clock.advance(by: SessionRules.lifetime - elapsed)
            #expect(try await editor.send(client, .get, "/admin/articles").status == .seeOther)
        }
    }

    @Test("the account page lists each signed-in device; one can be signed out, and only one's own")
    func devices() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.application.test(.router) { client in
            var laptop = NewsroomVisitor.signedOut
            let form = try await laptop.send(client, .get, "/admin/login")
            let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)))
            var headers = HTTPFields()
            headers[.userAgent] = "Laptop Browser/1.0 <script>"
            headers[.cookie] = laptop.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            headers[.contentType] = "application/x-www-form-urlencoded"
            let signed = try await client.execute(
                uri: "/admin/login", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(token)&email=\(user.email.rawValue)&password=\(NewsroomVisitor.password)"))
            let cookie = try #require(signed.headers[values: .setCookie].first { $0.hasPrefix("kiosk_session=") })
            laptop.cookies["kiosk_session"] = String(cookie.dropFirst("kiosk_session=".count).prefix { $0 != ";" })
            var phone = try await NewsroomVisitor.signIn(client, email: user.email.rawValue).0
            let page = String(buffer: try await phone.send(client, .get, "/admin/account").body)
            phone.csrf = try #require(NewsroomVisitor.hiddenValue("csrf", in: page))
            #expect(page.contains("Laptop Browser/1.0 &lt;script&gt;"), "the browser's own words, escaped")
            #expect(page.contains("(this device)"))
            let handles = page.components(separatedBy: "name=\"session\" value=\"").dropFirst().map { String($0.prefix(64)) }
            #expect(handles.count == 2)
            let laptopHandle = try #require(handles.first { handle in
                let row = page.components(separatedBy: handle)[0].components(separatedBy: "<tr>").last ?? ""
                return row.contains("Laptop Browser")
            })
            #expect(try await phone.post(client, "/admin/account/sessions/end", [("session", laptopHandle)]).status == .seeOther)
            #expect(try await laptop.send(client, .get, "/admin/articles").status == .seeOther, "the laptop was signed out")
            #expect(try await phone.send(client, .get, "/admin/articles").status == .ok, "the phone goes on")

            var other = try await site.visitor(.admin, client: client)
            let otherPage = String(buffer: try await other.send(client, .get, "/admin/account").body)
            let otherHandle = try #require(otherPage.components(separatedBy: "name=\"session\" value=\"").dropFirst().first.map { String($0.prefix(64)) })
            #expect(try await phone.post(client, "/admin/account/sessions/end", [("session", otherHandle)]).status == .notFound)
            #expect(try await other.send(client, .get, "/admin/articles").status == .ok, "nobody ends another person's session")
            #expect(try await phone.post(client, "/admin/account/sessions/end", [("session", "zz")]).status == .badRequest)
        }
    }

    @Test("a suspended account is signed out at once, cannot sign in or use its tokens, and is reinstated")
    func suspension() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            var editor = try await site.visitor(.admin, client: client, email: "second@gazette.example")
            let user = try #require(editor.user)
            let made = String(buffer: try await editor.post(client, "/admin/integrations", [("name", "Wire desk"), ("scope", "write")]).body)
            let token = try #require(NewsroomVisitor.hiddenValue("new-token", in: made.replacingOccurrences(of: "id=\"new-token\" readonly", with: "name=\"new-token\"")))
            #expect(try await Self.apiStatus(client, token) == .ok)

            #expect(try await admin.post(client, "/admin/users/\(user.id)/status", [("change", "suspend")]).status == .seeOther)
            #expect(try await editor.send(client, .get, "/admin/articles").status == .seeOther, "signed out at once")
            #expect(try await Self.apiStatus(client, token) == .unauthorized, "its integration tokens are revoked")
            let refused = try await NewsroomVisitor.signIn(client, email: user.email.rawValue).1
            #expect(refused.status == .forbidden && String(buffer: refused.body).contains("suspended"))
            let people = String(buffer: try await admin.send(client, .get, "/admin/users").body)
            #expect(people.contains("Suspended") && people.contains("Reinstate"))

            #expect(try await admin.post(client, "/admin/users/\(user.id)/status", [("change", "reinstate")]).status == .seeOther)
            #expect(try await NewsroomVisitor.signIn(client, email: user.email.rawValue).1.status == .seeOther)
            #expect(try await Self.apiStatus(client, token) == .unauthorized, "revoked tokens stay revoked")
        }
    }

    @Test("removing an account needs a confirmation, keeps its articles' bylines, and nobody removes or suspends themselves")
    func removal() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let adminID = try #require(admin.user).id
            let editor = try await site.visitor(.editor, client: client)
            let user = try #require(editor.user)
            let unconfirmed = try await admin.post(client, "/admin/users/\(user.id)/status", [("change", "remove")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await site.store.user(user.id) != nil)
            #expect(try await admin.post(client, "/admin/users/\(user.id)/status", [("change", "remove"), ("confirm", "1")]).status == .seeOther)
            #expect(try await site.store.user(user.id) == nil)
            var gone = editor
            #expect(try await gone.send(client, .get, "/admin/articles").status == .seeOther)
            #expect(try await site.store.taxonomy().authors.contains { $0.id == user.authorID })

            for change in ["suspend", "remove"] {
                let own = try await admin.post(client, "/admin/users/\(adminID)/status", [("change", change), ("confirm", "1")])
                #expect(own.status == .conflict && String(buffer: own.body).contains("your own account"))
            }
            #expect(try await admin.post(client, "/admin/users/\(adminID)/status", [("change", "erase")]).status == .notFound)
            #expect(try await admin.post(client, "/admin/users/999999/status", [("change", "suspend")]).status == .notFound)
            var editorTwo = try await site.visitor(.editor, client: client, email: "second@gazette.example")
            #expect(try await editorTwo.post(client, "/admin/users/\(adminID)/status", [("change", "suspend")]).status == .forbidden)
        }
    }

    @Test("a withdrawn invitation's link no longer works")
    func withdrawInvitation() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let page = String(buffer: try await admin.post(client, "/admin/users/invite", [("email", "new@gazette.example"), ("role", "editor")]).body)
            let marker = "id=\"invite-link\" readonly value=\""
            let link = String(page[try #require(page.range(of: marker)).upperBound...].prefix { $0 != "\"" }).dropFirst("https://gazette.example".count)
            let invitation = try #require(try await site.store.pendingInvitations(now: site.clock.now).first)
            #expect(try await admin.post(client, "/admin/users/invitations/\(invitation.id)/revoke", []).status == .seeOther)
            var guest = NewsroomVisitor.signedOut
            let opened = try await guest.send(client, .get, String(link))
            #expect(opened.status == .gone && String(buffer: opened.body).contains("not valid"))
            #expect(try await admin.post(client, "/admin/users/invitations/\(invitation.id)/revoke", []).status == .notFound)
            #expect(try await site.store.pendingInvitations(now: site.clock.now).isEmpty)
        }
    }

    static func apiStatus(_ client: some TestClientProtocol, _ token: String) async throws -> HTTPResponse.Status {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        return try await client.execute(uri: "/api/admin/v1/articles", method: .get, headers: headers, body: nil).status
    }
}
