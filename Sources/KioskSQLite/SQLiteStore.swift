import Foundation
import GRDB
import KioskCore
import KioskStore

/// The embedded store: SQLite through GRDB, in WAL mode on disk or in memory for tests.
public struct SQLiteStore: PublicationStore {
    let writer: any DatabaseWriter
    /// Where every commit is reported.
    public let changes = ChangeFeed()

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    public static func open(path: String) throws -> SQLiteStore {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try translatingErrors { try DatabasePool(path: path, configuration: configuration) }
        try translatingErrors { try Migrations.migrator.migrate(pool) }
        return SQLiteStore(writer: pool)
    }

    /// A fresh, migrated in-memory database, private to the caller.
    public static func inMemory() throws -> SQLiteStore {
        let queue = try DatabaseQueue(configuration: configuration)
        try Migrations.migrator.migrate(queue)
        return SQLiteStore(writer: queue)
    }

    /// Names of the migrations applied to the database at `path`, after applying any pending ones.
    public static func migrate(path: String) throws -> (applied: [String], all: [String]) {
        try translatingErrors {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let before = try pool.read { try Migrations.migrator.appliedMigrations($0) }
            try Migrations.migrator.migrate(pool)
            let after = try pool.read { try Migrations.migrator.appliedMigrations($0) }
            return (after.filter { !before.contains($0) }, after)
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        // The one writing connection keeps up to 64 MB of pages (SQLite's default is 2 MB), so that
        // large writes (an archive import, the search index's merges) do not read back what they just wrote.
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -65536") }
        }
        return configuration
    }

    // MARK: The transaction helper

    /// Runs a write in one transaction and reports its commit to `changes` with `audience`.
    func write<T: Sendable>(_ audience: ChangeAudience, _ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write { db in (try work(db), audience) }
    }

    /// The one way this store writes: runs `work` in one transaction; a commit that readers can see
    /// also advances the shared generation in the same transaction; once committed, the commit is
    /// reported to `changes` with the audience `work` returned. SQLite's errors come out as `StoreError`s;
    /// whatever `work` itself throws (a rule's refusal) comes out unchanged, with nothing written.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> (T, ChangeAudience)) async throws -> T {
        let (value, audience, shared) = try await Self.translatingErrors {
            try await writer.write { db in
                let (value, audience) = try work(db)
                let shared = audience == .readers ? try SharedGeneration.advance(db) : nil
                return (value, audience, shared)
            }
        }
        changes.committed(audience, sharedGeneration: shared)
        return value
    }

    /// Runs a read, with SQLite's errors translated into `StoreError`s.
    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await Self.translatingErrors { try await writer.read(work) }
    }

    private static func translatingErrors<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as DatabaseError {
            throw StoreMetrics.counted(StoreErrors.translate(error), engine: "sqlite")
        }
    }

    private static func translatingErrors<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw StoreMetrics.counted(StoreErrors.translate(error), engine: "sqlite")
        }
    }

    // MARK: Site

    /// Reads the shared generation every second and reports it, so commits made by another process
    /// on the same file (such as `kiosk demo --force` while a server runs) reach this one's caches.
    public func followChanges() async throws {
        while true {
            if let value = try? await read({ db in try SharedGeneration.current(db) }) {
                changes.observed(sharedGeneration: value)
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// The site settings and the sections in navigation order, read together.
    public func siteContext() async throws -> SiteContext {
        try await read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM site_settings WHERE id = 1"))
            guard let row else { throw StoreError.notFound }
            let sections = try Section.fetchAll(db.cachedStatement(sql: "SELECT * FROM section ORDER BY position, name"))
            let settings = try SiteSettings(row: row)
            let logo = try settings.logoID.flatMap {
                try Media.fetchOne(db.cachedStatement(sql: "SELECT * FROM media WHERE id = ?"), arguments: [$0.rawValue])
            }
            let pages = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT title, slug, placement FROM page WHERE status = 'published' AND placement <> 'none' ORDER BY placement, position, title")
            ).map { row in PageLink(title: row["title"], slug: try Slug(column: row, "slug"), placement: PagePlacement(rawValue: row["placement"]) ?? .none) }
            return SiteContext(settings: settings, sections: sections, logo: logo, pages: pages)
        }
    }

    /// Replaces the site settings.
    public func updateSiteSettings(_ settings: SiteSettings) async throws {
        try await write(.readers) { db in
            try db.execute(
                sql: """
                    UPDATE site_settings SET name = ?, description = ?, about = ?, locale = ?, time_zone = ?,
                        logo_media_id = ?, social_profiles = ?, navigation = ?, feeds_carry_full_text = ?, robots_rules = ?, smtp_url = ?, public_url = ?, require_two_factor = ?
                    WHERE id = 1
                    """,
                arguments: [
                    settings.name, settings.description, settings.about, settings.locale, settings.timeZone,
                    settings.logoID?.rawValue, try JSONColumn.encode(settings.socialProfiles), try JSONColumn.encode(settings.navigation),
                    settings.feedsCarryFullText, settings.robotsRules, settings.smtpURL, settings.publicURL, settings.requireTwoFactor,
                ])
        }
    }

    /// The random secret every node shares for signing links.
    public func siteSecret() async throws -> [UInt8] {
        try await read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT value FROM site_secret WHERE id = 1") else { throw StoreError.notFound }
            return Array(data)
        }
    }

    // MARK: Maintenance

    /// Deletes every article, section, topic, series, author, media record, redirect and newsroom account; settings stay.
    public func removeAllContent() async throws {
        try await write(.readers) { db in
            try db.execute(
                sql: """
                    DELETE FROM api_token; DELETE FROM invitation; DELETE FROM session; DELETE FROM login_throttle; DELETE FROM user;
                    DELETE FROM article_search; DELETE FROM article_search_filter; DELETE FROM article_topic; DELETE FROM article_author; DELETE FROM article; DELETE FROM slug_redirect; DELETE FROM page; DELETE FROM old_address; DELETE FROM import_ledger;
                    DELETE FROM topic; DELETE FROM series; DELETE FROM section; DELETE FROM author;
                    UPDATE site_settings SET logo_media_id = NULL; DELETE FROM media;
                    """)
        }
    }
}

/// The shared generation: a counter in the database that every reader-visible commit advances, so
/// every process on the database can tell that pages rendered before may be stale.
enum SharedGeneration {
    static func advance(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "UPDATE change_generation SET value = value + 1 WHERE id = 1 RETURNING value"))
    }

    static func current(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM change_generation WHERE id = 1"))
    }
}
