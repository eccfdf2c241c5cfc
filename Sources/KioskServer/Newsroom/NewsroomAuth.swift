import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskStore

/// Why a newsroom request cannot go on; `NewsroomErrorMiddleware` turns each into a page.
enum NewsroomRefusal: Error, Equatable {
    /// Nobody is signed in: go to the sign-in page, then come back to `next`.
    case signInRequired(next: String)
    /// Signed in, but the publication requires two-step sign-in and this account has not set it up.
    case twoFactorSetupRequired
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

    let store: Store
    let hasher: PasswordHasher
    /// Whether cookies get `Secure` (the public address is HTTPS).
    let secureCookies: Bool
    /// The public address's scheme, host and port, lower case, as browsers send it in `Origin`.
    let publicOrigin: String
    let now: @Sendable () -> Date

    /// The signed-in account of the request's session, if any: one that has not run out, been idle
    /// too long, or belong to a suspended account. Its last use is recorded every few minutes.
    func signedIn(_ request: Request) async throws -> SignedIn? {
        guard let token = request.cookies[Self.sessionCookie]?.value, token.utf8.count == 43 else { return nil }
        let moment = now()
        let hash = SessionToken.digest(token)
        guard let visitor = try await store.session(tokenHash: hash, now: moment, seenSince: SessionRules.seenSince(now: moment)) else { return nil }
        if moment.timeIntervalSince(visitor.lastSeenAt) >= SessionRules.touchInterval {
            try await store.touchSession(tokenHash: hash, now: moment)
        }
        return visitor
    }

    /// The signed-in account, if its role includes `role`; otherwise a refusal.
    func require(_ request: Request, role: Role) async throws -> SignedIn {
        guard let visitor = try await signedIn(request) else {
            throw NewsroomRefusal.signInRequired(next: request.method == .get ? request.uri.description : NewsroomPaths.home)
        }
        if visitor.twoFactorRequired, !visitor.user.usesTwoFactor, !request.uri.path.hasPrefix(NewsroomPaths.twoFactor),
            request.uri.path != NewsroomPaths.logout
        {
            throw NewsroomRefusal.twoFactorSetupRequired
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

    /// Checks a form shown before signing in: it must come from this site, and its field must match
    /// its cookie (double submit). A matching pair alone proves little, since a neighbouring
    /// subdomain or anyone on plain HTTP can plant the cookie along with a form that carries it (and
    /// sign a victim in to the attacker's account); but browsers name the page a POST comes from in
    /// `Origin` and `Sec-Fetch-Site`, and a page elsewhere cannot pose as this site there.
    func checkSignedOutForm(_ request: Request, _ form: FormFields) throws {
        if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" { throw NewsroomRefusal.badCSRFToken }
        if let origin = request.headers[.origin], !isThisSite(origin: origin, host: request.head.authority) { throw NewsroomRefusal.badCSRFToken }
        guard let cookie = request.cookies[Self.formCookie]?.value, let sent = form["csrf"], !cookie.isEmpty,
            constantTimeEquals(sent, cookie)
        else { throw NewsroomRefusal.badCSRFToken }
    }

    /// Whether `origin` (scheme, host and port) is this site: its public address, or the host the request was sent to.
    func isThisSite(origin: String, host: String?) -> Bool {
        let origin = origin.lowercased()
        if origin == publicOrigin { return true }
        guard let host, let separator = origin.range(of: "://") else { return false }
        return origin[separator.upperBound...] == host.lowercased()
    }

    /// The token for a signed-out form and the cookie that must come back with it.
    func signedOutFormToken(_ request: Request) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[Self.formCookie]?.value, existing.utf8.count == 43 { return (existing, nil) }
        let token = SecureRandom.token()
        return (token, cookie(Self.formCookie, token, maxAge: 3600))
    }

    /// Starts a fresh session for `user` (a new token at every sign-in) and returns its cookie.
    func startSession(for user: User, _ request: Request) async throws -> Cookie {
        let token = SecureRandom.token()
        let moment = now()
        let browser = String((request.headers[.userAgent] ?? "").prefix(200))
        try await store.createSession(
            tokenHash: SessionToken.digest(token), userID: user.id, csrfToken: SecureRandom.token(), userAgent: browser, now: moment,
            expiresAt: moment.addingTimeInterval(SessionRules.lifetime))
        return cookie(Self.sessionCookie, token, maxAge: Int(SessionRules.lifetime))
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
    static let logout = "/admin/logout"
    static let articles = "/admin/articles"
    static let pages = "/admin/pages"
    static let media = "/admin/media"
    /// The original of the image stored as `fileName`.
    static func mediaFile(_ fileName: String) -> String { "/admin/media/file/\(fileName)" }
    static let users = "/admin/users"
    static let settings = "/admin/settings"
    static let account = "/admin/account"
    static let integrations = "/admin/integrations"
    static let imports = "/admin/imports"
    static let twoFactor = "/admin/account/two-factor"
    static let loginCode = "/admin/login/code"

    static func article(_ id: Article.ID) -> String { "/admin/articles/\(id)" }
    static func page(_ id: SitePage.ID) -> String { "/admin/pages/\(id)" }
    static func importJob(_ id: ImportJob.ID) -> String { "/admin/imports/\(id)" }
    static func taxonomy(_ kind: TaxonomyKind) -> String { "/admin/\(kind.rawValue)" }
    static func invitation(_ token: String) -> String { "/admin/invitations/\(token)" }
    static func setup(_ token: String) -> String { "/admin/setup/\(token)" }
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

/// The origin of an address, as browsers write it in `Origin`.
enum PublicOrigin {
    /// `scheme://host[:port]` of `url` in lower case, the port left out when it is the scheme's own.
    static func of(_ url: String) -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), let host = parts.host?.lowercased() else {
            return url.lowercased()
        }
        let defaultPort = scheme == "https" ? 443 : 80
        return scheme + "://" + host + (parts.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? "")
    }
}

extension HTTPField.Name {
    /// `Sec-Fetch-Site`: whether a browser's request comes from the same origin, the same site or elsewhere.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
