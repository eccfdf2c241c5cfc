import Foundation
import KioskCore
import Testing

/// Accounts, invitations, password resets, sign-in throttling, media and input validation, without any store.
@Suite("Rules: accounts and validation")
struct AccountRulesTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func user(_ role: Role) throws -> User {
        User(id: User.ID(1), email: try EmailAddress("boss@gazette.example"), name: "Boss", role: role, authorID: nil, createdAt: now)
    }

    @Test("the last administrator cannot step down; any other role change is allowed")
    func lastAdministrator() throws {
        #expect(throws: WorkflowError("The newsroom needs at least one administrator; make someone else one first.")) {
            try AccountRules.checkRoleChange(of: try user(.admin), to: .editor, administrators: 1)
        }
        try AccountRules.checkRoleChange(of: try user(.admin), to: .editor, administrators: 2)
        try AccountRules.checkRoleChange(of: try user(.admin), to: .admin, administrators: 1)
        try AccountRules.checkRoleChange(of: try user(.editor), to: .contributor, administrators: 1)
        try AccountRules.checkRoleChange(of: try user(.contributor), to: .admin, administrators: 0)
    }

    func invitation(acceptedAt: Date? = nil, expiresAt: Date? = nil) throws -> Invitation {
        Invitation(
            id: Invitation.ID(1), email: try EmailAddress("new@gazette.example"), role: .editor, createdAt: now,
            expiresAt: expiresAt ?? now.addingTimeInterval(Invitations.lifetime), acceptedAt: acceptedAt)
    }

    @Test("an invitation works once, for seven days, and makes an account with its address and role")
    func invitations() throws {
        #expect(Invitations.lifetime == 7 * 24 * 3600)
        let new = try Invitations.accept(try invitation(), name: "  Nia New  ", passwordHash: "hash", now: now)
        #expect(new.email.rawValue == "new@gazette.example" && new.role == .editor && new.name == "Nia New" && new.passwordHash == "hash")
        #expect(throws: InvitationError.alreadyUsed) { try Invitations.accept(try invitation(acceptedAt: now), name: "Nia", passwordHash: "h", now: now) }
        #expect(throws: InvitationError.expired) { try Invitations.accept(try invitation(expiresAt: now), name: "Nia", passwordHash: "h", now: now) }
        #expect(throws: ValidationError(field: "name", message: "A name is required.")) {
            try Invitations.accept(try invitation(), name: "   ", passwordHash: "h", now: now)
        }
    }

    @Test("a reset link is signed for the current password, so it stops working once the password changes")
    func passwordResets() {
        #expect(PasswordResets.lifetime == 3600 && PasswordResets.perAddress.maximum == 3 && PasswordResets.perAddress.window == 3600)
        #expect(PasswordResets.purpose(passwordFingerprint: "abc") != PasswordResets.purpose(passwordFingerprint: "abd"))
        #expect(PasswordResets.purpose(passwordFingerprint: "abc").hasPrefix("password-reset:"))
    }

    @Test("failed sign-ins slow down from the third, then lock the account at ten and the address at thirty")
    func throttling() throws {
        let keys = LoginThrottle.keys(email: " Ada@Gazette.Example ", address: "192.0.2.1")
        #expect(keys.account == "account:ada@gazette.example" && keys.address == "address:192.0.2.1")
        for spelling in ["ada@gazette.example", "ADA@GAZETTE.EXAMPLE", "\tada@gazette.example\n", "\r\nAda@gazette.example \u{2003}"] {
            #expect(LoginThrottle.keys(email: spelling, address: "").account == keys.account, "every spelling the account lookup accepts counts as it")
            #expect(try EmailAddress(spelling).rawValue == "ada@gazette.example")
        }
        func refusal(_ account: Int, _ address: Int, secondsAgo: TimeInterval) -> String? {
            var failures: [String: AttemptCount] = [:]
            if account > 0 { failures[keys.account] = AttemptCount(count: account, last: now.addingTimeInterval(-secondsAgo)) }
            if address > 0 { failures[keys.address] = AttemptCount(count: address, last: now.addingTimeInterval(-secondsAgo)) }
            do {
                try LoginThrottle.check(failures, account: keys.account, address: keys.address, now: now)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(refusal(2, 2, secondsAgo: 0) == nil)
        #expect(refusal(3, 0, secondsAgo: 0) == "Too many failed attempts. Wait 1 second before trying again.")
        #expect(refusal(3, 0, secondsAgo: 1) == nil)
        #expect(refusal(6, 0, secondsAgo: 2) == "Too many failed attempts. Wait 6 seconds before trying again.")
        #expect(refusal(9, 0, secondsAgo: 59) == "Too many failed attempts. Wait 1 second before trying again.", "the wait stops growing at a minute")
        #expect(refusal(10, 0, secondsAgo: 60)?.hasPrefix("Sign-in is locked after too many failed attempts. Try again in 15 minutes") == true)
        #expect(refusal(0, 29, secondsAgo: 120) == nil)
        #expect(refusal(0, 30, secondsAgo: 0)?.hasPrefix("Sign-in is locked") == true)
    }

    @Test("an image in use cannot be deleted, and the refusal says where")
    func mediaInUse() throws {
        try MediaRules.checkDeletable(usageCount: 0)
        #expect(throws: StoreError.inUse("This image is used in 1 place; remove it there first.")) { try MediaRules.checkDeletable(usageCount: 1) }
        #expect(throws: StoreError.inUse("This image is used in 3 places; remove it there first.")) { try MediaRules.checkDeletable(usageCount: 3) }
    }

    @Test("inputs are validated before any store sees them")
    func validation() throws {
        #expect(throws: ValidationError.self) { try NewUser(email: EmailAddress("a@gazette.example"), name: " ", role: .editor, passwordHash: "h") }
        #expect(throws: ValidationError.self) { try NewSection(slug: Slug("europe"), name: "Europe", position: 2_000_000) }
        #expect(throws: ValidationError.self) { try NewTerm(slug: Slug("ports"), name: String(repeating: "x", count: 201)) }
        #expect(throws: ValidationError.self) { try NewMedia(fileName: "a.png", contentType: "image/png", width: 0, height: 1, alt: "A") }
        #expect(throws: ValidationError.self) { try NewMedia(fileName: "a.png", contentType: "image/png", width: 1, height: 1, alt: "  ") }
        #expect(throws: ValidationError.self) { try NewAPIToken(name: "  ", scope: .read, tokenHash: []) }
        #expect(try NewAPIToken(name: " Newsletter sync ", scope: .write, tokenHash: [1]).name == "Newsletter sync")
        #expect(throws: ValidationError.self) { try NewsletterSchedule(weekday: 8, minute: 0, sendsAutomatically: false) }
        #expect(throws: ValidationError.self) { try NewsletterSchedule(weekday: 6, minute: 1440, sendsAutomatically: false) }
    }

    @Test("an account's author profile takes the name's slug, then numbered ones")
    func authorSlugs() throws {
        let new = try NewUser(email: EmailAddress("a@gazette.example"), name: "Ada Lovelace", role: .editor, passwordHash: "h")
        #expect(Array(new.authorSlugCandidates.prefix(3)).map(\.rawValue) == ["ada-lovelace", "ada-lovelace-2", "ada-lovelace-3"])
        let symbols = try NewUser(email: EmailAddress("a@gazette.example"), name: "!!!", role: .editor, passwordHash: "h")
        #expect(symbols.authorSlugCandidates.first(where: { _ in true })?.rawValue == "author")
    }
}
