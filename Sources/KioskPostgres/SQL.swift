import Foundation
import KioskCore
import KioskStore
import Logging
import NIOCore
import PostgresNIO

/// One connection lent to a store operation, inside a transaction for writes, with helpers to run
/// statements and read their rows.
struct Connection {
    let raw: PostgresConnection
    let logger: Logger

    /// Every row `query` returns.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await raw.query(query, logger: logger) {
            rows.append(row.makeRandomAccess())
        }
        return rows
    }

    /// The first row `query` returns, or `nil`.
    func row(_ query: PostgresQuery) async throws -> PostgresRandomAccessRow? {
        try await rows(query).first
    }

    /// The first column of the first row, or `nil` when there is no row (or it is NULL).
    func value<Value: PostgresDecodable>(_ query: PostgresQuery, as type: Value.Type = Value.self) async throws -> Value? {
        guard let cell = try await row(query)?[0], cell.bytes != nil else { return nil }
        return try cell.decode(Value.self)
    }

    /// The first column of every row.
    func values<Value: PostgresDecodable>(_ query: PostgresQuery, as type: Value.Type = Value.self) async throws -> [Value] {
        try await rows(query).map { try $0[0].decode(Value.self) }
    }

    /// Runs a statement and returns how many rows it returned (use `RETURNING` to count rows changed).
    @discardableResult
    func execute(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }
}

/// SQL text with numbered parameters, built a piece at a time for queries whose conditions vary.
struct SQLBuilder {
    private(set) var text: String
    private(set) var bindings = PostgresBindings()

    init(_ text: String = "") {
        self.text = text
    }

    /// Adds SQL text as it is.
    mutating func append(_ sql: String) {
        text += sql
    }

    /// Adds a parameter and returns its placeholder (`$1`, `$2`…).
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        bindings.append(value)
        return "$\(bindings.count)"
    }

    /// The query to run.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: text, binds: bindings) }
}

extension PostgresRandomAccessRow {
    /// The value of column `name`.
    func get<Value: PostgresDecodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        try self[name].decode(Value.self)
    }

    /// The slug in column `name`; the schema only ever holds slugs written through `Slug`.
    func slug(_ name: String) throws -> Slug {
        let text: String = try get(name)
        guard let slug = Slug.parse(text) else { throw StoreError.missingReference("invalid slug “\(text)” in column \(name)") }
        return slug
    }
}

/// Lists of links kept as JSON text in one column, as the SQLite store keeps them.
enum JSONColumn {
    static func encode(_ links: [SocialLink]) throws -> String {
        String(decoding: try JSONEncoder().encode(links), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [SocialLink] {
        try JSONDecoder().decode([SocialLink].self, from: Data(text.utf8))
    }
}

/// Bytes as PostgreSQL's `bytea` wants them.
extension Array where Element == UInt8 {
    var bytea: ByteBuffer { ByteBuffer(bytes: self) }
}

/// Reading the records of the publication from rows.
enum Records {
    static func section(_ row: PostgresRandomAccessRow) throws -> Section {
        Section(id: .init(try row.get("id")), slug: try row.slug("slug"), name: try row.get("name"), description: try row.get("description"), position: try row.get("position", as: Int.self))
    }

    static func topic(_ row: PostgresRandomAccessRow) throws -> Topic {
        Topic(id: .init(try row.get("id")), slug: try row.slug("slug"), name: try row.get("name"), description: try row.get("description"))
    }

    static func series(_ row: PostgresRandomAccessRow) throws -> Series {
        Series(id: .init(try row.get("id")), slug: try row.slug("slug"), name: try row.get("name"), description: try row.get("description"))
    }

    static func author(_ row: PostgresRandomAccessRow) throws -> Author {
        let photo: Int64? = try row.get("photo_media_id")
        return Author(
            id: .init(try row.get("id")), slug: try row.slug("slug"), name: try row.get("name"), bio: try row.get("bio"),
            photoID: photo.map(Media.ID.init), links: try JSONColumn.decode(try row.get("links")))
    }

    static func media(_ row: PostgresRandomAccessRow, prefix: String = "") throws -> Media {
        Media(
            id: .init(try row.get(prefix + "id")), fileName: try row.get(prefix + "file_name"), contentType: try row.get(prefix + "content_type"),
            width: try row.get(prefix + "width", as: Int.self), height: try row.get(prefix + "height", as: Int.self), alt: try row.get(prefix + "alt"),
            caption: try row.get(prefix + "caption"), credit: try row.get(prefix + "credit"),
            focus: FocalPoint(uncheckedX: try row.get(prefix + "focus_x"), y: try row.get(prefix + "focus_y")),
            renditionsWanted: try row.get(prefix + "renditions_wanted"), renditionsMade: try row.get(prefix + "renditions_made"),
            renditionsFailure: try row.get(prefix + "renditions_error"))
    }

    /// Media columns prefixed `media_` from a joined row, or `nil` when the join found none.
    static func joinedMedia(_ row: PostgresRandomAccessRow) throws -> Media? {
        guard try row.get("media_id", as: Int64?.self) != nil else { return nil }
        return try media(row, prefix: "media_")
    }

    static func settings(_ row: PostgresRandomAccessRow) throws -> SiteSettings {
        let logo: Int64? = try row.get("logo_media_id")
        var settings = try SiteSettings(
            name: try row.get("name"), description: try row.get("description"), about: try row.get("about"), locale: try row.get("locale"),
            timeZone: try row.get("time_zone"), logoID: logo.map(Media.ID.init), socialProfiles: JSONColumn.decode(try row.get("social_profiles")),
            navigation: JSONColumn.decode(try row.get("navigation")))
        settings.feedsCarryFullText = try row.get("feeds_carry_full_text")
        settings.robotsRules = try row.get("robots_rules")
        settings.smtpURL = try row.get("smtp_url")
        settings.publicURL = try row.get("public_url")
        settings.requireTwoFactor = try row.get("require_two_factor")
        return settings
    }

    static func user(_ row: PostgresRandomAccessRow) throws -> User {
        let author: Int64? = try row.get("author_id")
        guard let role = Role(rawValue: try row.get("role")) else { throw StoreError.missingReference("a user has an unknown role") }
        return User(
            id: .init(try row.get("id")), email: try EmailAddress(try row.get("email", as: String.self)), name: try row.get("name"), role: role,
            authorID: author.map(Author.ID.init), createdAt: try row.get("created_at"), usesTwoFactor: try row.get("totp_secret", as: String?.self) != nil,
            suspendedAt: try row.get("suspended_at"))
    }

    static func invitation(_ row: PostgresRandomAccessRow) throws -> Invitation {
        guard let role = Role(rawValue: try row.get("role")) else { throw StoreError.missingReference("invitation with an unknown role") }
        return Invitation(
            id: .init(try row.get("id")), email: try EmailAddress(try row.get("email", as: String.self)), role: role,
            createdAt: try row.get("created_at"), expiresAt: try row.get("expires_at"), acceptedAt: try row.get("accepted_at"))
    }

    static func apiToken(_ row: PostgresRandomAccessRow) throws -> APIToken {
        guard let scope = TokenScope(rawValue: try row.get("scope")) else { throw StoreError.missingReference("token with an unknown scope") }
        return APIToken(
            id: .init(try row.get("id")), name: try row.get("name"), scope: scope, createdAt: try row.get("created_at"),
            revokedAt: try row.get("revoked_at"))
    }

    static func revision(_ row: PostgresRandomAccessRow) throws -> Revision {
        guard let kind = RevisionKind(rawValue: try row.get("kind")) else { throw StoreError.missingReference("revision with an unknown kind") }
        let snapshot: String = try row.get("snapshot")
        return Revision(
            id: .init(try row.get("id")), articleID: .init(try row.get("article_id")), savedBy: try row.get("saved_by"),
            savedAt: try row.get("saved_at"), kind: kind, text: try row.get("text"), title: try row.get("title"),
            draft: try JSONDecoder().decode(ArticleDraft.self, from: Data(snapshot.utf8)))
    }

    static func newsletter(_ row: PostgresRandomAccessRow) throws -> Newsletter {
        Newsletter(
            id: .init(try row.get("id")), slug: try row.slug("slug"), name: try row.get("name"), description: try row.get("description"),
            isWeeklyRoundup: try row.get("is_weekly_roundup"), sendWeekday: try row.get("send_weekday", as: Int.self),
            sendMinute: try row.get("send_minute", as: Int.self), sendsAutomatically: try row.get("sends_automatically"))
    }

    static func issue(_ row: PostgresRandomAccessRow) throws -> NewsletterIssue {
        guard let status = IssueStatus(rawValue: try row.get("status")) else { throw StoreError.missingReference("issue with an unknown status") }
        let ids = try JSONDecoder().decode([Int64].self, from: Data(try row.get("article_ids", as: String.self).utf8))
        return NewsletterIssue(
            id: .init(try row.get("id")), newsletterID: .init(try row.get("newsletter_id")), subject: try row.get("subject"),
            intro: try row.get("intro"), articleIDs: ids.map(Article.ID.init), status: status, periodStart: try row.get("period_start"),
            periodEnd: try row.get("period_end"), sendAt: try row.get("send_at"), sentAt: try row.get("sent_at"),
            createdAt: try row.get("created_at"))
    }

    /// Article ids as the issue's JSON column keeps them.
    static func encode(_ articles: [Article.ID]) -> String {
        "[" + articles.map { String($0.rawValue) }.joined(separator: ",") + "]"
    }
}
