import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import KioskSQLite
import KioskStore

/// A person in the newsroom, driving it through the router like a browser: a cookie jar and the
/// anti-forgery token of their session.
public struct NewsroomVisitor: Sendable {
    /// The password every test account gets.
    public static let password = "harbour-lights-2026"

    /// The account, if signed in.
    public let user: User?
    /// `Cookie` header value to send.
    public var cookies: [String: String]
    /// The session's form token (empty when signed out).
    public var csrf: String

    /// Nobody signed in.
    public static var signedOut: NewsroomVisitor { NewsroomVisitor(user: nil, cookies: [:], csrf: "") }

    /// Sends a request with this visitor's cookies and keeps any cookies the answer sets.
    public mutating func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, form: [(String, String)]? = nil,
        body: ByteBuffer? = nil, contentType: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var payload = body
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            payload = ByteBuffer(string: Self.encode(form))
        } else if let contentType {
            headers[.contentType] = contentType
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: payload)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1]
        }
        return response
    }

    /// Posts a form with this session's token added.
    public mutating func post(_ client: some TestClientProtocol, _ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        try await send(client, .post, path, form: [("csrf", csrf)] + fields)
    }

    /// Signs in through the login form and reads the session's token from a newsroom page.
    public static func signIn(_ client: some TestClientProtocol, email: String, password: String = password) async throws -> (NewsroomVisitor, TestResponse) {
        var visitor = NewsroomVisitor.signedOut
        let form = try await visitor.send(client, .get, "/admin/login")
        let token = try require(Self.hiddenValue("csrf", in: String(buffer: form.body)))
        let response = try await visitor.send(client, .post, "/admin/login", form: [("csrf", token), ("email", email), ("password", password)])
        guard response.status == .seeOther else { return (visitor, response) }
        let page = try await visitor.send(client, .get, "/admin/account")
        visitor.csrf = Self.hiddenValue("csrf", in: String(buffer: page.body)) ?? ""
        return (visitor, response)
    }

    /// The value of the first hidden input called `name` in `html`.
    public static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    private init(user: User?, cookies: [String: String], csrf: String) {
        self.user = user
        self.cookies = cookies
        self.csrf = csrf
    }
}

/// `#require` without the Testing module: throws when `value` is nil.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw NewsroomVisitorError.missingFormToken }
    return value
}

enum NewsroomVisitorError: Error {
    case missingFormToken
}

extension TestSite {
    /// Makes an account with the test password (bcrypt at the minimum cost, as the site's hasher).
    public func createUser(_ role: Role, email: String? = nil, name: String? = nil) async throws -> User {
        let hash = try await PasswordHasher(cost: 4).hash(NewsroomVisitor.password)
        let address = try EmailAddress(email ?? "\(role.rawValue)@gazette.example")
        return try await publication.store.createUser(
            NewUser(email: address, name: name ?? "Test \(role.displayName)", role: role, passwordHash: hash), now: clock.now)
    }

    /// Makes an account of `role` and signs it in.
    public func visitor(_ role: Role, client: some TestClientProtocol, email: String? = nil) async throws -> NewsroomVisitor {
        let user = try await createUser(role, email: email)
        let (visitor, _) = try await NewsroomVisitor.signIn(client, email: user.email.rawValue)
        return NewsroomVisitor(signedIn: visitor, user: user)
    }
}

extension NewsroomVisitor {
    init(signedIn: NewsroomVisitor, user: User) {
        self.init(user: user, cookies: signedIn.cookies, csrf: signedIn.csrf)
    }
}
