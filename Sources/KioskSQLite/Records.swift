import Foundation
import GRDB
import KioskCore
import KioskStore

extension Slug {
    /// Reads a slug column; the schema only ever holds slugs written through `Slug`.
    init(column row: Row, _ name: String) throws {
        let text: String = row[name]
        do {
            self = try Slug(text)
        } catch {
            throw StoreError.missingReference("invalid slug “\(text)” in column \(name)")
        }
    }
}

extension Section: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: .init(row["id"]), slug: try Slug(column: row, "slug"), name: row["name"], description: row["description"], position: row["position"])
    }
}

extension Topic: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: .init(row["id"]), slug: try Slug(column: row, "slug"), name: row["name"], description: row["description"])
    }
}

extension Series: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: .init(row["id"]), slug: try Slug(column: row, "slug"), name: row["name"], description: row["description"])
    }
}

extension Author: FetchableRecord {
    public init(row: Row) throws {
        let photo: Int64? = row["photo_media_id"]
        self.init(
            id: .init(row["id"]), slug: try Slug(column: row, "slug"), name: row["name"], bio: row["bio"],
            photoID: photo.map(Media.ID.init), links: try JSONColumn.decode(row["links"]))
    }
}

extension Media: FetchableRecord {
    public init(row: Row) throws {
        self.init(row: row, prefix: "")
    }

    /// Reads media columns prefixed `media_` from a joined row, or `nil` when the join found none.
    static func joined(from row: Row) -> Media? {
        guard row["media_id"] as Int64? != nil else { return nil }
        return Media(row: row, prefix: "media_")
    }

    /// Reads the media columns named with `prefix`.
    private init(row: Row, prefix: String) {
        self.init(
            id: .init(row[prefix + "id"]), fileName: row[prefix + "file_name"], contentType: row[prefix + "content_type"],
            width: row[prefix + "width"], height: row[prefix + "height"], alt: row[prefix + "alt"], caption: row[prefix + "caption"],
            credit: row[prefix + "credit"], focus: FocalPoint(uncheckedX: row[prefix + "focus_x"], y: row[prefix + "focus_y"]),
            renditionsWanted: row[prefix + "renditions_wanted"], renditionsMade: row[prefix + "renditions_made"],
            renditionsFailure: row[prefix + "renditions_error"])
    }
}

extension SiteSettings {
    init(row: Row) throws {
        let logo: Int64? = row["logo_media_id"]
        try self.init(
            name: row["name"], description: row["description"], about: row["about"], locale: row["locale"],
            timeZone: row["time_zone"], logoID: logo.map(Media.ID.init),
            socialProfiles: JSONColumn.decode(row["social_profiles"]), navigation: JSONColumn.decode(row["navigation"]))
        feedsCarryFullText = row["feeds_carry_full_text"]
        robotsRules = row["robots_rules"]
        smtpURL = row["smtp_url"]
        publicURL = row["public_url"]
        requireTwoFactor = row["require_two_factor"]
    }
}

/// Lists of links kept as JSON text in one column.
enum JSONColumn {
    static func encode(_ links: [SocialLink]) throws -> String {
        String(decoding: try JSONEncoder().encode(links), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [SocialLink] {
        try JSONDecoder().decode([SocialLink].self, from: Data(text.utf8))
    }
}

/// Maps SQLite's errors to the store's own.
enum StoreErrors {
    static func translate(_ error: DatabaseError) -> StoreError {
        switch (error.resultCode, error.extendedResultCode) {
        case (_, .SQLITE_CONSTRAINT_UNIQUE), (_, .SQLITE_CONSTRAINT_PRIMARYKEY):
            .duplicate(error.message ?? "a value that must be unique is already in use")
        case (_, .SQLITE_CONSTRAINT_FOREIGNKEY):
            .missingReference("a referenced section, series, topic, author or media does not exist")
        case (.SQLITE_BUSY, _), (.SQLITE_LOCKED, _), (.SQLITE_CANTOPEN, _):
            .unavailable("SQLite: \(error.message ?? error.resultCode.description)")
        default:
            .failed("SQLite: \(error.description)")
        }
    }
}

/// Refuses a slug that another row of `table` already uses, before the insert fails on it.
func ensureSlugIsFree(_ db: Database, table: String, slug: Slug, except id: Int64? = nil) throws {
    let owner = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(table) WHERE slug = ?"), arguments: [slug.rawValue])
    if let owner, owner != id { throw StoreError.slugTaken(slug) }
}
