import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    /// The id of the record the item with `key` was imported as, or `nil`.
    public func importedRecord(_ key: ImportKey) async throws -> Int64? {
        try await read { db in try ImportLedger.target(db, key) }
    }

    /// Records that the item with `key` was imported as record `id`.
    public func recordImport(_ key: ImportKey, as id: Int64, now: Date) async throws {
        try await write(.newsroom) { db in try ImportLedger.record(db, key, id, now: now) }
    }

    /// Stores an imported article with its revision, ledger entry and old addresses, in one transaction.
    public func importArticle(_ article: ImportedArticle, now: Date) async throws -> Article {
        try await write { db in
            try ImportLedger.ensureNew(db, article.key)
            let id = try ArticleColumns.insert(db, article.content, status: article.status, publishedAt: article.publishedAt, now: article.createdAt)
            try db.execute(sql: "UPDATE article SET updated_at = ? WHERE id = ?", arguments: [article.updatedAt, id.rawValue])
            try Revisions.record(db, article: id, article.revision, now: now)
            try ImportLedger.record(db, article.key, id.rawValue, now: now)
            try ImportLedger.recordOldPaths(db, article.oldPaths, kind: "article", target: id.rawValue)
            guard let stored = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return (stored, article.status == .published ? .readers : .newsroom)
        }
    }

    /// Stores an imported page with its revision, ledger entry and old addresses, in one transaction.
    public func importPage(_ page: ImportedPage, now: Date) async throws -> SitePage {
        try await write { db in
            try ImportLedger.ensureNew(db, page.key)
            let id = try PageColumns.insert(
                db, page.content, status: page.status, publishedAt: page.publishedAt, createdAt: page.createdAt, updatedAt: page.updatedAt)
            try PageColumns.record(db, page: id, page.revision, now: now)
            try ImportLedger.record(db, page.key, id.rawValue, now: now)
            try ImportLedger.recordOldPaths(db, page.oldPaths, kind: "page", target: id.rawValue)
            guard let stored = try PageColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return (stored, page.status == .published ? .readers : .newsroom)
        }
    }

    /// Where the published story or page that once answered at `oldPath` lives now.
    public func currentPath(forOldPath oldPath: String) async throws -> String? {
        try await read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, target_id FROM old_address WHERE path = ?"), arguments: [oldPath])
            else { return nil }
            let kind: String = row["kind"]
            let table = kind == "page" ? "page" : "article"
            guard let slug = try String.fetchOne(
                db.cachedStatement(sql: "SELECT slug FROM \(table) WHERE id = ? AND status = 'published'"), arguments: [row["target_id"] as Int64]),
                let current = Slug.parse(slug)
            else { return nil }
            return kind == "page" ? SitePaths.page(current) : SitePaths.article(current)
        }
    }
}

/// The import ledger and old addresses.
enum ImportLedger {
    static func target(_ db: Database, _ key: ImportKey) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT target_id FROM import_ledger WHERE source = ? AND kind = ? AND external_id = ?"),
            arguments: [key.source, key.kind, key.externalID])
    }

    static func ensureNew(_ db: Database, _ key: ImportKey) throws {
        guard try target(db, key) == nil else { throw StoreError.duplicate("\(key.kind) \(key.externalID) of \(key.source) was imported already") }
    }

    static func record(_ db: Database, _ key: ImportKey, _ id: Int64, now: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO import_ledger (source, kind, external_id, target_id, imported_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [key.source, key.kind, key.externalID, id, now])
    }

    /// Keeps the first record to claim each old address.
    static func recordOldPaths(_ db: Database, _ paths: [String], kind: String, target: Int64) throws {
        for path in paths {
            try db.execute(sql: "INSERT OR IGNORE INTO old_address (path, kind, target_id) VALUES (?, ?, ?)", arguments: [path, kind, target])
        }
    }
}
