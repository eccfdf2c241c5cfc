import Foundation
import KioskCore
import KioskStore
import PostgresNIO

extension PostgresStore {
    /// The id of the record the item with `key` was imported as, or `nil`.
    public func importedRecord(_ key: ImportKey) async throws -> Int64? {
        try await read { connection in try await ImportLedger.target(connection, key) }
    }

    /// Records that the item with `key` was imported as record `id`.
    public func recordImport(_ key: ImportKey, as id: Int64, now: Date) async throws {
        try await write(.newsroom) { connection in try await ImportLedger.record(connection, key, id, now: now) }
    }

    /// Stores an imported article with its revision, ledger entry and old addresses, in one transaction.
    public func importArticle(_ article: ImportedArticle, now: Date) async throws -> Article {
        try await write { connection in
            try await ImportLedger.ensureNew(connection, article.key)
            let id = try await ArticleColumns.insert(
                connection, article.content, status: article.status, publishedAt: article.publishedAt, now: article.createdAt)
            try await connection.execute("UPDATE article SET updated_at = \(article.updatedAt) WHERE id = \(id.rawValue)")
            _ = try await Revisions.record(connection, article: id, article.revision, now: now)
            try await ImportLedger.record(connection, article.key, id.rawValue, now: now)
            try await ImportLedger.recordOldPaths(connection, article.oldPaths, kind: "article", target: id.rawValue)
            guard let stored = try await ArticleColumns.fetch(connection, id: id) else { throw StoreError.notFound }
            return (stored, article.status == .published ? .readers : .newsroom)
        }
    }

    /// Stores an imported page with its revision, ledger entry and old addresses, in one transaction.
    public func importPage(_ page: ImportedPage, now: Date) async throws -> SitePage {
        try await write { connection in
            try await ImportLedger.ensureNew(connection, page.key)
            let id = try await PageColumns.insert(
                connection, page.content, status: page.status, publishedAt: page.publishedAt, createdAt: page.createdAt, updatedAt: page.updatedAt)
            try await PageColumns.record(connection, page: id, page.revision, now: now)
            try await ImportLedger.record(connection, page.key, id.rawValue, now: now)
            try await ImportLedger.recordOldPaths(connection, page.oldPaths, kind: "page", target: id.rawValue)
            guard let stored = try await PageColumns.fetch(connection, id: id) else { throw StoreError.notFound }
            return (stored, page.status == .published ? .readers : .newsroom)
        }
    }

    /// Where the published story or page that once answered at `oldPath` lives now.
    public func currentPath(forOldPath oldPath: String) async throws -> String? {
        try await read { connection in
            guard let row = try await connection.row("SELECT kind, target_id FROM old_address WHERE path = \(oldPath)") else { return nil }
            let kind: String = try row.get("kind")
            let target: Int64 = try row.get("target_id")
            let slug =
                kind == "page"
                ? try await connection.value("SELECT slug FROM page WHERE id = \(target) AND status = 'published'", as: String.self)
                : try await connection.value("SELECT slug FROM article WHERE id = \(target) AND status = 'published'", as: String.self)
            guard let slug, let current = Slug.parse(slug) else { return nil }
            return kind == "page" ? SitePaths.page(current) : SitePaths.article(current)
        }
    }
}

/// The import ledger and old addresses.
enum ImportLedger {
    static func target(_ connection: Connection, _ key: ImportKey) async throws -> Int64? {
        try await connection.value(
            "SELECT target_id FROM import_ledger WHERE source = \(key.source) AND kind = \(key.kind) AND external_id = \(key.externalID)", as: Int64.self)
    }

    static func ensureNew(_ connection: Connection, _ key: ImportKey) async throws {
        guard try await target(connection, key) == nil else {
            throw StoreError.duplicate("\(key.kind) \(key.externalID) of \(key.source) was imported already")
        }
    }

    static func record(_ connection: Connection, _ key: ImportKey, _ id: Int64, now: Date) async throws {
        try await connection.execute(
            """
            INSERT INTO import_ledger (source, kind, external_id, target_id, imported_at) VALUES (\(key.source), \(key.kind), \(key.externalID), \(id), \(now))
            ON CONFLICT (source, kind, external_id) DO UPDATE SET target_id = excluded.target_id
            """)
    }

    /// Keeps the first record to claim each old address.
    static func recordOldPaths(_ connection: Connection, _ paths: [String], kind: String, target: Int64) async throws {
        for path in paths {
            try await connection.execute("INSERT INTO old_address (path, kind, target_id) VALUES (\(path), \(kind), \(target)) ON CONFLICT (path) DO NOTHING")
        }
    }
}
