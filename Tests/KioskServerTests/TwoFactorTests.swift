import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

@testable import KioskServer

/// Two-step sign-in: codes from an authenticator app (RFC 6238) and one-use recovery codes.
@Suite("Two-step sign-in")
struct TwoFactorTests {
    @Test("codes are RFC 6238's for the secret's bytes, accepted one step either side and no further")
    func rfcVectors() {
        let secret = "12345678901234567890"  // RFC 6238, appendix B, SHA-1
        #expect(TwoFactor.matchingStep("287082", secret: secret, now: Date(timeIntervalSince1970: 59)) == 1)
        #expect(TwoFactor.matchingStep("081804", secret: secret, now: Date(timeIntervalSince1970: 1_111_111_109)) == 37_037_036)
        #expect(TwoFactor.matchingStep("081 804", secret: secret, now: Date(timeIntervalSince1970: 1_111_111_109 + 30)) == 37_037_036)
        #expect(TwoFactor.matchingStep("081804", secret: secret, now: Date(timeIntervalSince1970: 1_111_111_109 + 61)) == nil)
        #expect(TwoFactor.matchingStep("08180", secret: secret, now: Date(timeIntervalSince1970: 1_111_111_109)) == nil)
        #expect(TwoFactor.matchingStep("０８１８０４", secret: secret, now: Date(timeIntervalSince1970: 1_111_111_109)) == nil)
        #expect(TwoFactor.displayedKey(secret) == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")
    }

    /// Signs in with the password and, when asked, a code; returns the visitor and the last answer.
    func signIn(_ client: some TestClientProtocol, email: String, code: String?) async throws -> (NewsroomVisitor, TestResponse) {
        var visitor = NewsroomVisitor.signedOut
        let form = try await visitor.send(client, .get, "/admin/login")
        let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)))
        let asked = try await visitor.send(
            client, .post, "/admin/login", form: [("csrf", token), ("email", email), ("password", NewsroomVisitor.password)])
        guard let code, let pending = NewsroomVisitor.hiddenValue("pending", in: String(buffer: asked.body)) else { return (visitor, asked) }
        let second = NewsroomVisitor.hiddenValue("csrf", in: String(buffer: asked.body)) ?? token
        let answer = try await visitor.send(client, .post, "/admin/login/code", form: [("csrf", second), ("pending", pending), ("code", code)])
        return (visitor, answer)
    }

    @Test("turned on with a code, then asked after the password; a code works once, a recovery code once, and it expires")
    func signInWithCodes() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let user = try #require(editor.user)
            let page = String(buffer: try await editor.send(client, .get, "/admin/account/two-factor").body)
            let secret = try #require(NewsroomVisitor.hiddenValue("secret", in: page))
            let totp = TOTP(secret: secret)
            let wrong = try await editor.post(client, "/admin/account/two-factor", [("secret", secret), ("code", "000000")])
            #expect(wrong.status == .unprocessableContent)
            let turnedOn = try await editor.post(client, "/admin/account/two-factor", [("secret", secret), ("code", Self.code(totp, site.clock.now))])
            #expect(turnedOn.status == .ok)
            let recovery = Self.recoveryCodes(in: String(buffer: turnedOn.body))
            #expect(recovery.count == 10)
            let stored = try #require(try await site.store.twoFactorSecret(of: user.id))
            #expect(stored.hasPrefix("sealed:v1:") && !stored.contains(secret), "the secret is sealed in the database")

            let (withoutCode, asked) = try await signIn(client, email: user.email.rawValue, code: nil)
            #expect(asked.status == .ok && String(buffer: asked.body).contains("authenticator app"))
            #expect(withoutCode.cookies["kiosk_session"] == nil, "the password alone starts no session")

            site.clock.advance(by: 30)
            let code = Self.code(totp, site.clock.now)
            #expect(try await signIn(client, email: user.email.rawValue, code: "123456").1.status == .unauthorized)
            let (signedIn, answer) = try await signIn(client, email: user.email.rawValue, code: code)
            #expect(answer.status == .seeOther && signedIn.cookies["kiosk_session"] != nil)
            #expect(try await signIn(client, email: user.email.rawValue, code: code).1.status == .unauthorized, "a code works once")

            #expect(try await signIn(client, email: user.email.rawValue, code: recovery[0].uppercased()).1.status == .seeOther)
            #expect(try await signIn(client, email: user.email.rawValue, code: recovery[0]).1.status == .unauthorized, "a recovery code works once")
            #expect(try await site.store.unusedRecoveryCodes(of: user.id) == 9)

            site.clock.advance(by: 60)  // past the slowdown three failures from this address bring
            var late = NewsroomVisitor.signedOut
            let form = try await late.send(client, .get, "/admin/login")
            let token = try #require(NewsroomVisitor.hiddenValue("csrf", in: String(buffer: form.body)))
            let step = try await late.send(client, .post, "/admin/login", form: [("csrf", token), ("email", user.email.rawValue), ("password", NewsroomVisitor.password)])
            let pending = try #require(NewsroomVisitor.hiddenValue("pending", in: String(buffer: step.body)))
            site.clock.advance(by: 6 * 60)
            let expired = try await late.send(
                client, .post, "/admin/login/code", form: [("csrf", token), ("pending", pending), ("code", Self.code(totp, site.clock.now))])
            #expect(expired.status == .unauthorized && String(buffer: expired.body).contains("took too long"))
        }
    }

    @Test("wrong codes are throttled like wrong passwords")
    func throttled() async throws {
        let site = try await TestSite.make()
        let user = try await site.createUser(.editor)
        try await site.store.enableTwoFactor(user.id, secret: try site.secrets.seal("ABCDEFGHIJKLMNOPQRST"), recoveryCodeHashes: [])
        try await site.application.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<LoginThrottle.lockAccountAfter + 1 {
                statuses.append(try await signIn(client, email: user.email.rawValue, code: "999999").1.status)
            }
            #expect(statuses.contains(.tooManyRequests))
            let right = Self.code(TOTP(secret: "ABCDEFGHIJKLMNOPQRST"), site.clock.now)
            #expect(try await signIn(client, email: user.email.rawValue, code: right).1.status == .tooManyRequests, "a locked account waits")
        }
    }

    @Test("when the publication requires it, an account without it can only set it up, and cannot turn it off")
    func required() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            var settings = try await site.store.siteContext().settings
            settings.requireTwoFactor = true
            try await site.store.updateSiteSettings(settings)
            var editor = try await site.visitor(.editor, client: client)
            let articles = try await editor.send(client, .get, "/admin/articles")
            #expect(articles.status == .seeOther && articles.headers[.location] == "/admin/account/two-factor?done=two-factor-required")
            let page = String(buffer: try await editor.send(client, .get, "/admin/account/two-factor").body)
            let secret = try #require(NewsroomVisitor.hiddenValue("secret", in: page))
            editor.csrf = try #require(NewsroomVisitor.hiddenValue("csrf", in: page))
            let on = try await editor.post(client, "/admin/account/two-factor", [("secret", secret), ("code", Self.code(TOTP(secret: secret), site.clock.now))])
            #expect(on.status == .ok)
            #expect(try await editor.send(client, .get, "/admin/articles").status == .ok)
            let account = String(buffer: try await editor.send(client, .get, "/admin/account").body)
            #expect(!account.contains("Turn off two-step sign-in"))
            #expect(try await editor.post(client, "/admin/account/two-factor/off", [("current_password", NewsroomVisitor.password)]).status == .badRequest)
            #expect(try await admin.send(client, .get, "/admin/settings").status == .seeOther, "the administrator too must set it up")
        }
    }

    @Test("turned off with the current password only")
    func turnOff() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let user = try #require(editor.user)
            try await site.store.enableTwoFactor(user.id, secret: try site.secrets.seal("ABCDEFGHIJKLMNOPQRST"), recoveryCodeHashes: [])
            #expect(try await editor.post(client, "/admin/account/two-factor/off", [("current_password", "not-it")]).status == .unprocessableContent)
            #expect(try await site.store.twoFactorSecret(of: user.id) != nil)
            #expect(try await editor.post(client, "/admin/account/two-factor/off", [("current_password", NewsroomVisitor.password)]).status == .seeOther)
            #expect(try await site.store.twoFactorSecret(of: user.id) == nil)
            #expect(try await signIn(client, email: user.email.rawValue, code: nil).1.status == .seeOther)
        }
    }

    static func code(_ totp: TOTP, _ date: Date) -> String {
        String(format: "%06d", totp.compute(date: date))
    }

    static func recoveryCodes(in html: String) -> [String] {
        html.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
    }
}
