import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    /// The ids of the records the items with `keys` were imported as; keys not imported are absent.
    public func importedRecords(_ keys: [ImportKey]) async throws -> [ImportKey: Int64] {
        try await read { db in
            var found: [ImportKey: Int64] = [:]
            for key in keys { found[key] = try ImportLedger.target(db, key) }
            return found
        }
    }

    /// Records that the item with `key` was imported as record `id`.
    public func recordImport(_ key: ImportKey, as id: Int64, now: Date) async throws {
        try await write(.newsroom) { db in try ImportLedger.record(db, key, id, now: now) }
    }

    /// Stores imported articles in one transaction, each with its revision, ledger entry and old
    /// addresses; one whose slug is taken or whose key was imported is left out, before anything of it is written.
    public func importArticles(_ articles: [ImportedArticle], now: Date) async throws -> [ImportOutcome] {
        try await write { db in
            var outcomes: [ImportOutcome] = []
            for article in articles {
                do {
                    try ImportLedger.ensureNew(db, article.key)
                    let id = try ArticleColumns.insert(db, article.content, status: article.status, publishedAt: article.publishedAt, now: article.createdAt)
                    try db.cachedStatement(sql: "UPDATE article SET updated_at = ? WHERE id = ?").execute(arguments: [article.updatedAt, id.rawValue])
                    try Revisions.record(db, article: id, article.revision, now: now)
                    try ImportLedger.record(db, article.key, id.rawValue, now: now)
                    try ImportLedger.recordOldPaths(db, article.oldPaths, kind: "article", target: id.rawValue)
                    outcomes.append(.stored(id))
                } catch StoreError.slugTaken {
                    outcomes.append(.slugTaken)
                } catch StoreError.duplicate {
                    outcomes.append(.alreadyImported)
                }
            }
            return (outcomes, articles.contains { $0.status == .published } ? .readers : .newsroom)
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
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO import_ledger (source, kind, external_id, target_id, imported_at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [key.source, key.kind, key.externalID, id, now])
    }

    /// Keeps the first record to claim each old address.
    static func recordOldPaths(_ db: Database, _ paths: [String], kind: String, target: Int64) throws {
        for path in paths {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO old_address (path, kind, target_id) VALUES (?, ?, ?)").execute(arguments: [path, kind, target])
        }
    }
}

extension SQLiteStore {
    /// Starts a job for an archive uploaded in the newsroom.
    public func createImportJob(platform: ImportPlatform, fileName: String, requestedBy: User.ID, now: Date) async throws -> ImportJob.ID {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "INSERT INTO import_job (platform, file_name, status, requested_by, created_at) VALUES (?, ?, 'uploading', ?, ?)",
                arguments: [platform.rawValue, fileName, requestedBy.rawValue, now])
            return ImportJob.ID(db.lastInsertedRowID)
        }
    }

    /// Stores part `number` of a job's file.
    public func addImportJobPart(_ id: ImportJob.ID, number: Int, bytes: [UInt8]) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "INSERT INTO import_job_part (job_id, number, bytes) VALUES (?, ?, ?)", arguments: [id.rawValue, number, Data(bytes)])
        }
    }

    /// Queues a job whose file has arrived whole.
    public func queueImportJob(_ id: ImportJob.ID, bytes: Int64) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE import_job SET status = 'queued', bytes = ? WHERE id = ? AND status = 'uploading'", arguments: [bytes, id.rawValue])
        }
    }

    /// Part `number` of a job's file, or `nil` past its end.
    public func importJobPart(_ id: ImportJob.ID, number: Int) async throws -> [UInt8]? {
        try await read { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM import_job_part WHERE job_id = ? AND number = ?", arguments: [id.rawValue, number]).map { [UInt8]($0) }
        }
    }

    /// Claims the oldest queued job, or a running one whose lease ran out, for `node`.
    public func claimImportJob(node: String, now: Date, leaseUntil: Date) async throws -> ImportJob? {
        let waiting = try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM import_job WHERE status = 'queued' OR (status = 'running' AND lease_until < ?))", arguments: [now])
        }
        guard waiting == true else { return nil }
        return try await write(.newsroom) { db in
            guard
                let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM import_job WHERE status = 'queued' OR (status = 'running' AND lease_until < ?) ORDER BY id LIMIT 1",
                    arguments: [now])
            else { return nil }
            try db.execute(sql: "UPDATE import_job SET status = 'running', node_id = ?, lease_until = ? WHERE id = ?", arguments: [node, leaseUntil, id])
            return try ImportJobRows.fetch(db, ImportJob.ID(id))
        }
    }

    /// Records a job's progress and renews its lease, while `node` holds it.
    public func reportImportProgress(_ id: ImportJob.ID, node: String, progress: String, leaseUntil: Date) async throws -> Bool {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE import_job SET progress = ?, lease_until = ? WHERE id = ? AND node_id = ? AND status = 'running'",
                arguments: [progress, leaseUntil, id.rawValue, node])
            return db.changesCount == 1
        }
    }

    /// Ends a job with its report and deletes its file.
    public func finishImportJob(_ id: ImportJob.ID, status: ImportJob.Status, report: String, now: Date) async throws {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE import_job SET status = ?, report = ?, finished_at = ?, node_id = NULL, lease_until = NULL WHERE id = ?",
                arguments: [status.rawValue, report, now, id.rawValue])
            try db.execute(sql: "DELETE FROM import_job_part WHERE job_id = ?", arguments: [id.rawValue])
        }
    }

    /// The newest jobs, newest first.
    public func importJobs(limit: Int) async throws -> [ImportJob] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(ImportJobRows.columns) FROM import_job ORDER BY id DESC LIMIT ?", arguments: [limit]).compactMap(ImportJobRows.job)
        }
    }

    /// The job with this id, or `nil`.
    public func importJob(_ id: ImportJob.ID) async throws -> ImportJob? {
        try await read { db in try ImportJobRows.fetch(db, id) }
    }
}

/// Reading import jobs.
enum ImportJobRows {
    static let columns = "id, platform, file_name, bytes, status, progress, report, requested_by, created_at, finished_at, node_id"

    static func fetch(_ db: Database, _ id: ImportJob.ID) throws -> ImportJob? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM import_job WHERE id = ?", arguments: [id.rawValue]).flatMap(job)
    }

    static func job(_ row: Row) -> ImportJob? {
        guard let platform = ImportPlatform(rawValue: row["platform"]), let status = ImportJob.Status(rawValue: row["status"]) else { return nil }
        return ImportJob(
            id: .init(row["id"]), platform: platform, fileName: row["file_name"], bytes: row["bytes"], status: status, progress: row["progress"],
            report: row["report"], requestedBy: .init(row["requested_by"]), createdAt: row["created_at"], finishedAt: row["finished_at"], node: row["node_id"])
    }
}
