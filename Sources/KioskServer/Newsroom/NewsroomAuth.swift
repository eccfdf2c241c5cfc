import Foundation
import Hummingbird
import KioskCore
import KioskStore

/// Why a newsroom request cannot go on; `NewsroomErrorMiddleware` turns each into a page.
enum NewsroomRefusal: Error, Equatable {
    /// Nobody is signed in: go to the sign-in page, then come back to `next`.
    case signInRequired(next: String)
    /// Signed in, but the role does not allow this.
    case forbidden
    /// The form did not carry this session's anti-forgery token.
    case badCSRFToken
    /// No such record.
    case notFound
    /// The request itself is malformed, with a message for the person.
    case badRequest(String)
}

/// Sign-in, sessions and anti-forgery tokens of the newsroom.
struct NewsroomAuth<Store: PublicationStore>: Sendable {
    /// The cookie that carries the session token.
    static var sessionCookie: String { "kiosk_session" }
    /// The cookie that carries the anti-forgery token of forms shown before signing in.
    static var formCookie: String { "kiosk_form" }
    /// How long a session lasts.
    static var sessionLifetime: TimeInterval { 14 * 24 * 3600 }

    let store: Store
    let hasher: PasswordHasher
    /// Whether cookies get `Secure` (the public address is HTTPS).
    let secureCookies: Bool
    let now: @Sendable () -> Date

    /// The signed-in account of the request's session, if any.
    func signedIn(_ request: Request) async throws -> SignedIn? {
        guard let token = request.cookies[Self.sessionCookie]?.value, token.utf8.count == 43 else { return nil }
        return try await store.session(tokenHash: SessionToken.digest(token), now: now())
    }

    /// The signed-in account, if its role includes `role`; otherwise a refusal.
    func require(_ request: Request, role: Role) async throws -> SignedIn {
        guard let visitor = try await signedIn(request) else {
            throw NewsroomRefusal.signInRequired(next: request.method == .get ? request.uri.description : NewsroomPaths.home)
        }
        guard visitor.user.role.includes(role) else { throw NewsroomRefusal.forbidden }
        return visitor
    }

    /// Checks a state-changing form: signed in with `role` and carrying the session's token.
    func requireForm(_ request: Request, _ form: FormFields, role: Role) async throws -> SignedIn {
        let visitor = try await require(request, role: role)
        guard let sent = form["csrf"], constantTimeEquals(sent, visitor.csrfToken) else { throw NewsroomRefusal.badCSRFToken }
        return visitor
    }

    /// Checks the token of a form shown before signing in (double submit: cookie and field must match).
    func checkSignedOutForm(_ request: Request, _ form: FormFields) throws {
        guard let cookie = request.cookies[Self.formCookie]?.value, let sent = form["csrf"], !cookie.isEmpty,
            constantTimeEquals(sent, cookie)
        else { throw NewsroomRefusal.badCSRFToken }
    }

    /// The token for a signed-out form and the cookie that must come back with it.
    func signedOutFormToken(_ request: Request) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[Self.formCookie]?.value, existing.utf8.count == 43 { return (existing, nil) }
        let token = SecureRandom.token()
        return (token, cookie(Self.formCookie, token, maxAge: 3600))
    }

    /// Starts a fresh session for `user` (a new token at every sign-in) and returns its cookie.
    func startSession(for user: User) async throws -> Cookie {
        let token = SecureRandom.token()
        let moment = now()
        try await store.createSession(
            tokenHash: SessionToken.digest(token), userID: user.id, csrfToken: SecureRandom.token(), now: moment,
            expiresAt: moment.addingTimeInterval(Self.sessionLifetime))
        return cookie(Self.sessionCookie, token, maxAge: Int(Self.sessionLifetime))
    }

    /// Ends the request's session and returns the cookie that clears it in the browser.
    func endSession(_ request: Request) async throws -> Cookie {
        if let token = request.cookies[Self.sessionCookie]?.value {
            try await store.endSession(tokenHash: SessionToken.digest(token))
        }
        return cookie(Self.sessionCookie, "", maxAge: 0)
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: NewsroomPaths.home, secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}

/// Addresses of the newsroom.
enum NewsroomPaths {
    static let home = "/admin"
    static let login = "/admin/login"
    static let articles = "/admin/articles"
    static let media = "/admin/media"
    static let users = "/admin/users"
    static let settings = "/admin/settings"
    static let account = "/admin/account"
    static let integrations = "/admin/integrations"

    static func article(_ id: Article.ID) -> String { "/admin/articles/\(id)" }
    static func taxonomy(_ kind: TaxonomyKind) -> String { "/admin/\(kind.rawValue)" }
    static func invitation(_ token: String) -> String { "/admin/invitations/\(token)" }
}

/// The kinds of record the site-management pages edit.
enum TaxonomyKind: String, CaseIterable, Sendable {
    case sections, topics, series, authors

    /// The plural heading.
    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    /// The singular noun.
    var noun: String {
        switch self {
        case .sections: "section"
        case .topics: "topic"
        case .series: "series"
        case .authors: "author"
        }
    }
}
