import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
@testable import KioskServer
import KioskStore
import KioskTestSupport
import Testing

@Suite("Newsroom accounts: sign-in, sessions, throttling, invitations")
struct NewsroomAccountTests {
    @Test("signing in sets a fresh HttpOnly, SameSite=Lax, Secure session cookie and ends the session the browser had before")
    func sessions() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.application.test(.router) { client in
            let (first, response) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue)
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("kiosk_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure") && cookie.contains("Path=/admin"))
            var before = first
            #expect(try await before.send(client, .get, "/admin/articles").status == .ok, "the earlier session is live")

            // Signing in again from the same browser sends the earlier session's cookie, which ends.
            var fresh = NewsroomVisitor.signedOut
            let form = try await fresh.send(client, .get, "/admin/login")
            let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)))
            var browser = first
            browser.cookies["kiosk_form"] = fresh.cookies["kiosk_form"]
            #expect(browser.cookies["kiosk_session"] != nil, "the earlier session's cookie is sent with the sign-in")
            let again = try await browser.send(
                client, .post, "/admin/login", form: [("csrf", token), ("email", user.email.rawValue), ("password", NewsroomVisitor.password)])
            #expect(again.status == .seeOther)
            #expect(browser.cookies["kiosk_session"] != first.cookies["kiosk_session"], "a fresh session token")
            #expect(try await before.send(client, .get, "/admin/articles").status == .seeOther, "the earlier session ended at sign-in")
            #expect(try await browser.send(client, .get, "/admin/articles").status == .ok)
        }
    }

    @Test("signing out ends this session only; signing out everywhere ends every other one and keeps this one")
    func signOutOneOrAll() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.application.test(.router) { client in
            func signedIn() async throws -> NewsroomVisitor { try await NewsroomVisitor.signIn(client, email: user.email.rawValue).0 }
            func works(_ visitor: NewsroomVisitor) async throws -> Bool {
                var copy = visitor
                return try await copy.send(client, .get, "/admin/articles").status == .ok
            }
            var laptop = try await signedIn()
            let phone = try await signedIn()
            laptop.csrf = NewsroomVisitor.hiddenValue("csrf", in: String(buffer: try await laptop.send(client, .get, "/admin/account").body)) ?? ""
            #expect(try await laptop.post(client, "/admin/logout", []).status == .seeOther)
            #expect(try await works(laptop) == false)
            #expect(try await works(phone), "signing out one session leaves the others")

            var office = try await signedIn()
            let tablet = try await signedIn()
            office.csrf = NewsroomVisitor.hiddenValue("csrf", in: String(buffer: try await office.send(client, .get, "/admin/account").body)) ?? ""
            #expect(try await office.post(client, "/admin/account/sign-out-everywhere", []).status == .seeOther)
            #expect(try await works(phone) == false, "every other session ended")
            #expect(try await works(tablet) == false, "every other session ended")
            #expect(try await works(office), "the one that asked goes on")
        }
    }

    @Test("a wrong password is refused with a clear message; repeated failures slow down, then lock the account")
    func throttling() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.application.test(.router) { client in
            let (_, wrong) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue, password: "not-the-password")
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("do not match an account"))
            let (_, unknown) = try await NewsroomVisitor.signIn(client, email: "nobody@gazette.example", password: "not-the-password")
            #expect(String(buffer: unknown.body).contains("do not match an account"))
            for _ in 0..<2 { _ = try await NewsroomVisitor.signIn(client, email: user.email.rawValue, password: "wrong-again-1") }
            let (_, slowed) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue)
            #expect(slowed.status == .tooManyRequests)
            #expect(String(buffer: slowed.body).contains("Wait 1 second"))
            var attempts = 3
            while attempts < LoginThrottleLimits.lockAccountAfter + 2 {
                site.clock.advance(by: 61)
                let (_, response) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue, password: "wrong-again-2")
                if String(buffer: response.body).contains("Sign-in is locked") { break }
                attempts += 1
            }
            let key = "account:\(user.email)"
            #expect(try await site.publication.store.attemptCounts(keys: [key], within: 900, now: site.clock.now)[key]?.count == LoginThrottleLimits.lockAccountAfter)
            site.clock.advance(by: 61)
            let (_, locked) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue)
            #expect(locked.status == .tooManyRequests)
            #expect(String(buffer: locked.body).contains("Sign-in is locked"))
            site.clock.advance(by: 15 * 60)
            let (_, open) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue)
            #expect(open.status == .seeOther)
        }
    }

    @Test("every spelling of an address the account lookup accepts counts against that account")
    func throttlingSpellings() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        let spellings = [user.email.rawValue.uppercased(), " \(user.email)\t", "\(user.email)\n", "\r\n\(user.email.rawValue.capitalized)"]
        try await site.application.test(.router) { client in
            for attempt in 0..<LoginThrottleLimits.lockAccountAfter {
                site.clock.advance(by: 61)
                let (_, response) = try await NewsroomVisitor.signIn(client, email: spellings[attempt % spellings.count], password: "wrong-password-1")
                #expect(response.status == .unauthorized)
            }
            site.clock.advance(by: 61)
            let (_, locked) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue)
            #expect(locked.status == .tooManyRequests)
            #expect(String(buffer: locked.body).contains("Sign-in is locked"))
        }
    }

    @Test("thirty failures from one address, each on a different account, lock that address and no other")
    func addressLock() async throws {
        let site = try await TestSite.make(trustedProxies: [try #require(AddressRange("127.0.0.1")), try #require(AddressRange("::1"))])
        let user = try await site.createUser(.editor)
        try await site.application.test(.live) { client in
            func signIn(_ email: String, _ password: String, from address: String) async throws -> TestResponse {
                let form = try await client.execute(uri: "/admin/login", method: .get, headers: [.xForwardedFor: address])
                let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)))
                let cookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("kiosk_form=") }).split(separator: ";")[0]
                return try await client.execute(
                    uri: "/admin/login", method: .post,
                    headers: [.xForwardedFor: address, .cookie: String(cookie), .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "csrf=\(token)&email=\(email)&password=\(password)"))
            }
            for number in 0..<LoginThrottle.lockAddressAfter {
                site.clock.advance(by: 61)
                let response = try await signIn("someone\(number)%40gazette.example", "wrong-password-3", from: "198.51.100.7")
                #expect(response.status == .unauthorized, "attempt \(number)")
            }
            site.clock.advance(by: 61)
            let locked = try await signIn(user.email.rawValue, NewsroomVisitor.password, from: "198.51.100.7")
            #expect(locked.status == .tooManyRequests && String(buffer: locked.body).contains("Sign-in is locked"), "the right password waits too")
            let elsewhere = try await signIn(user.email.rawValue, NewsroomVisitor.password, from: "198.51.100.8")
            #expect(elsewhere.status == .seeOther, "another address is not locked")
        }
    }

    @Test("fifty wrong passwords sent at once get no more tries than the limit allows")
    func throttlingConcurrency() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.application.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await NewsroomVisitor.signIn(client, email: user.email.rawValue, password: "wrong-password-2").1.status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            // The clock stands still: after the third failure every attempt must wait, so exactly three
            // passwords were checked, however the fifty interleaved.
            #expect(statuses.filter { $0 == .unauthorized }.count == LoginThrottleLimits.slowAfter)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 50 - LoginThrottleLimits.slowAfter)
            let key = "account:\(user.email)"
            #expect(try await site.publication.store.attemptCounts(keys: [key], within: 900, now: site.clock.now)[key]?.count == LoginThrottleLimits.slowAfter)
        }
    }

    @Test("signing in to one account keeps the failures an address made on another")
    func throttlingAddressKept() async throws {
        let site = try await TestSite.make()
        let target = try await site.createUser(.editor)
        let own = try await site.createUser(.contributor)
        try await site.application.test(.router) { client in
            for _ in 0..<5 {
                site.clock.advance(by: 61)
                _ = try await NewsroomVisitor.signIn(client, email: target.email.rawValue, password: "wrong-password-3")
            }
            site.clock.advance(by: 61)
            let (_, signedIn) = try await NewsroomVisitor.signIn(client, email: own.email.rawValue)
            #expect(signedIn.status == .seeOther)
            let counts = try await site.publication.store.attemptCounts(
                keys: ["address:unknown", "account:\(own.email)", "account:\(target.email)"], within: 900, now: site.clock.now)
            #expect(counts["address:unknown"]?.count == 5, "the address's failures stay")
            #expect(counts["account:\(target.email)"]?.count == 5)
            #expect(counts["account:\(own.email)"] == nil, "the account signed in has none")
        }
    }

    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    @Test("a sign-in form whose cookie an attacker planted is refused when it comes from another site")
    func loginCSRF() async throws {
        let site = try await TestSite.make()
        let attacker = try await site.createUser(.contributor, email: "attacker@gazette.example")
        try await site.application.test(.router) { client in
            // The attacker's own token, planted as the victim's cookie, with a form that carries it.
            let planted = String(repeating: "p", count: 43)
            func signIn(_ headers: HTTPFields) async throws -> TestResponse {
                var fields = headers
                fields[.contentType] = "application/x-www-form-urlencoded"
                fields[.cookie] = "kiosk_form=\(planted)"
                let body = "csrf=\(planted)&email=\(attacker.email.rawValue.replacingOccurrences(of: "@", with: "%40"))&password=\(NewsroomVisitor.password)"
                return try await client.execute(uri: "/admin/login", method: .post, headers: fields, body: ByteBuffer(string: body))
            }
            for refused: HTTPFields in [
                [.origin: "https://evil.example"], [.origin: "https://news.gazette.example"], [.origin: "http://gazette.example"],
                [Self.fetchSite: "cross-site"], [Self.fetchSite: "same-site"], [.origin: "null"],
            ] {
                let response = try await signIn(refused)
                #expect(response.status == .forbidden, "\(refused)")
                #expect(response.headers[.setCookie]?.contains("kiosk_session") != true, "\(refused): no session")
            }
            for accepted: HTTPFields in [[.origin: "https://gazette.example", Self.fetchSite: "same-origin"], [:]] {
                #expect(try await signIn(accepted).status == .seeOther, "\(accepted): this site (a browser signing in at a node's own address is in the multi-node test), or no browser headers at all")
            }
        }
    }

    @Test("an invitation works once, before it expires, and only as signed")
    func invitations() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            func invite(_ email: String) async throws -> String {
                let page = String(buffer: try await admin.post(client, "/admin/users/invite", [("email", email), ("role", "contributor")]).body)
                let marker = "id=\"invite-link\" readonly value=\""
                let start = try #require(page.range(of: marker)).upperBound
                let link = String(page[start...].prefix { $0 != "\"" })
                return String(link.dropFirst("https://gazette.example".count))
            }
            func accept(_ path: String, password: String = "a-long-harbour-pass") async throws -> TestResponse {
                var guest = NewsroomVisitor.signedOut
                let form = try await guest.send(client, .get, path)
                guard let token = NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)) else { return form }
                return try await guest.send(
                    client, .post, path, form: [("csrf", token), ("name", "Cleo Contributor"), ("password", password), ("password_again", password)])
            }
            let path = try await invite("cleo@gazette.example")
            let weak = try await accept(path, password: "password123")
            #expect(weak.status == .unprocessableContent)
            #expect(String(buffer: weak.body).contains("too easy to guess"))
            let joined = try await accept(path)
            #expect(joined.status == .seeOther)
            let user = try #require(try await site.publication.store.credentials(email: EmailAddress("cleo@gazette.example"))).user
            #expect(user.role == .contributor)
            #expect(user.authorID != nil)
            let reused = try await accept(path)
            #expect(reused.status == .gone)
            #expect(String(buffer: reused.body).contains("used already"))

            let tampered = path.dropLast(3) + (path.hasSuffix("AAA") ? "BBB" : "AAA")
            #expect(String(buffer: try await accept(String(tampered)).body).contains("not valid"))
            let late = try await invite("late@gazette.example")
            site.clock.advance(by: 8 * 24 * 3600)
            let expired = try await accept(late)
            #expect(expired.status == .gone)
            #expect(String(buffer: expired.body).contains("expired"))
            #expect(try await site.publication.store.credentials(email: EmailAddress("late@gazette.example"))?.user == nil)
        }
    }

    @Test("a forgotten password is reset by an emailed link that works once, for an hour; unknown addresses look the same")
    func resetByEmail() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.application.test(.router) { client in
            func request(_ email: String) async throws -> String {
                var guest = NewsroomVisitor.signedOut
                let form = try await guest.send(client, .get, "/admin/password-reset")
                let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)))
                return String(buffer: try await guest.send(client, .post, "/admin/password-reset", form: [("csrf", token), ("email", email)]).body)
            }
            let unknown = try await request("nobody@gazette.example")
            #expect(try NewsletterTests.outbox(site).isEmpty)
            let known = try await request(user.email.rawValue)
            #expect(known == unknown, "the page does not tell known addresses apart")
            let mail = try #require(try NewsletterTests.outbox(site).first)
            let link = try NewsletterTests.link("https://gazette.example/admin/password-reset/", in: mail)
            let path = String(link.dropFirst("https://gazette.example".count))
            var guest = NewsroomVisitor.signedOut
            let page = try await guest.send(client, .get, path)
            let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: page.body)))
            let reset = try await guest.send(
                client, .post, path, form: [("csrf", token), ("password", "new-lantern-passage"), ("password_again", "new-lantern-passage")])
            #expect(reset.status == .seeOther)
            #expect(try await NewsroomVisitor.signIn(client, email: user.email.rawValue, password: "new-lantern-passage").1.status == .seeOther)
            #expect(try await guest.send(client, .get, path).status == .gone, "the link works once")
            _ = try await request(user.email.rawValue)
            let second = try #require(try NewsletterTests.outbox(site).last)
            let later = String(try NewsletterTests.link("https://gazette.example/admin/password-reset/", in: second).dropFirst("https://gazette.example".count))
            site.clock.advance(by: 3601)
            #expect(try await guest.send(client, .get, later).status == .gone, "the link works for an hour")
        }
    }
}

/// The account lock threshold, as `LoginThrottle` sets it.
enum LoginThrottleLimits {
    static let lockAccountAfter = 10
    static let slowAfter = 3
}
