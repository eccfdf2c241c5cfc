import Foundation
import KioskCore
import KioskStore
import PostgresNIO

extension PostgresStore {
    /// The ids of the records the items with `keys` were imported as; keys not imported are absent.
    public func importedRecords(_ keys: [ImportKey]) async throws -> [ImportKey: Int64] {
        try await read { connection in
            var found: [ImportKey: Int64] = [:]
            for key in keys { found[key] = try await ImportLedger.target(connection, key) }
            return found
        }
    }

    /// Records that the item with `key` was imported as record `id`.
    public func recordImport(_ key: ImportKey, as id: Int64, now: Date) async throws {
        try await write(.newsroom) { connection in try await ImportLedger.record(connection, key, id, now: now) }
    }

    /// Stores imported articles in one transaction, each with its revision, ledger entry and old
    /// addresses; one whose slug is taken or whose key was imported is left out, before anything of it is written.
    public func importArticles(_ articles: [ImportedArticle], now: Date) async throws -> [ImportOutcome] {
        try await write { connection in
            var outcomes: [ImportOutcome] = []
            for article in articles {
                do {
                    try await ImportLedger.ensureNew(connection, article.key)
                    let id = try await ArticleColumns.insert(
                        connection, article.content, status: article.status, publishedAt: article.publishedAt, now: article.createdAt)
                    try await connection.execute("UPDATE article SET updated_at = \(article.updatedAt) WHERE id = \(id.rawValue)")
                    _ = try await Revisions.record(connection, article: id, article.revision, now: now)
                    try await ImportLedger.record(connection, article.key, id.rawValue, now: now)
                    try await ImportLedger.recordOldPaths(connection, article.oldPaths, kind: "article", target: id.rawValue)
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

extension PostgresStore {
    /// Starts a job for an archive uploaded in the newsroom.
    public func createImportJob(platform: ImportPlatform, fileName: String, requestedBy: User.ID, now: Date) async throws -> ImportJob.ID {
        try await write(.newsroom) { connection in
            guard
                let id = try await connection.value(
                    """
                    INSERT INTO import_job (platform, file_name, status, requested_by, created_at)
                    VALUES (\(platform.rawValue), \(fileName), 'uploading', \(requestedBy.rawValue), \(now)) RETURNING id
                    """, as: Int64.self)
            else { throw StoreError.notFound }
            return ImportJob.ID(id)
        }
    }

    /// Stores part `number` of a job's file.
    public func addImportJobPart(_ id: ImportJob.ID, number: Int, bytes: [UInt8]) async throws {
        try await write(.newsroom) { connection in
            _ = try await connection.execute("INSERT INTO import_job_part (job_id, number, bytes) VALUES (\(id.rawValue), \(number), \(bytes.bytea))")
        }
    }

    /// Queues a job whose file has arrived whole.
    public func queueImportJob(_ id: ImportJob.ID, bytes: Int64) async throws {
        try await write(.newsroom) { connection in
            _ = try await connection.execute("UPDATE import_job SET status = 'queued', bytes = \(bytes) WHERE id = \(id.rawValue) AND status = 'uploading'")
        }
    }

    /// Part `number` of a job's file, or `nil` past its end.
    public func importJobPart(_ id: ImportJob.ID, number: Int) async throws -> [UInt8]? {
        try await read { connection in
            try await connection.value("SELECT bytes FROM import_job_part WHERE job_id = \(id.rawValue) AND number = \(number)", as: ByteBuffer.self)
                .map { Array(buffer: $0) }
        }
    }

    /// Claims the oldest queued job, or a running one whose lease ran out, for `node`; a job another node is claiming is skipped.
    public func claimImportJob(node: String, now: Date, leaseUntil: Date) async throws -> ImportJob? {
        let waiting = try await read { connection in
            try await connection.value(
                "SELECT 1 FROM import_job WHERE status = 'queued' OR (status = 'running' AND lease_until < \(now)) LIMIT 1", as: Int32.self) != nil
        }
        guard waiting else { return nil }
        return try await write(.newsroom) { connection in
            try await connection.row(
                """
                UPDATE import_job SET status = 'running', node_id = \(node), lease_until = \(leaseUntil)
                WHERE id = (SELECT id FROM import_job WHERE status = 'queued' OR (status = 'running' AND lease_until < \(now))
                            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: ImportJobRows.columns)
                """
            ).map(ImportJobRows.job) ?? nil
        }
    }

    /// Records a job's progress and renews its lease, while `node` holds it.
    public func reportImportProgress(_ id: ImportJob.ID, node: String, progress: String, leaseUntil: Date) async throws -> Bool {
        try await write(.newsroom) { connection in
            try await connection.execute(
                """
                UPDATE import_job SET progress = \(progress), lease_until = \(leaseUntil)
                WHERE id = \(id.rawValue) AND node_id = \(node) AND status = 'running' RETURNING id
                """) == 1
        }
    }

    /// Ends a job with its report and deletes its file.
    public func finishImportJob(_ id: ImportJob.ID, status: ImportJob.Status, report: String, now: Date) async throws {
        try await write(.newsroom) { connection in
            _ = try await connection.execute(
                """
                UPDATE import_job SET status = \(status.rawValue), report = \(report), finished_at = \(now), node_id = NULL, lease_until = NULL
                WHERE id = \(id.rawValue)
                """)
            _ = try await connection.execute("DELETE FROM import_job_part WHERE job_id = \(id.rawValue)")
        }
    }

    /// The newest jobs, newest first.
    public func importJobs(limit: Int) async throws -> [ImportJob] {
        try await read { connection in
            try await connection.rows("SELECT \(unescaped: ImportJobRows.columns) FROM import_job ORDER BY id DESC LIMIT \(limit)").compactMap(ImportJobRows.job)
        }
    }

    /// The job with this id, or `nil`.
    public func importJob(_ id: ImportJob.ID) async throws -> ImportJob? {
        try await read { connection in
            try await connection.row("SELECT \(unescaped: ImportJobRows.columns) FROM import_job WHERE id = \(id.rawValue)").map(ImportJobRows.job) ?? nil
        }
    }
}

/// Reading import jobs.
enum ImportJobRows {
    static let columns = "id, platform, file_name, bytes, status, progress, report, requested_by, created_at, finished_at, node_id"

    static func job(_ row: PostgresRandomAccessRow) throws -> ImportJob? {
        guard let platform = ImportPlatform(rawValue: try row.get("platform")), let status = ImportJob.Status(rawValue: try row.get("status")) else { return nil }
        return ImportJob(
            id: .init(try row.get("id")), platform: platform, fileName: try row.get("file_name"), bytes: try row.get("bytes"), status: status,
            progress: try row.get("progress"), report: try row.get("report"), requestedBy: .init(try row.get("requested_by")),
            createdAt: try row.get("created_at"), finishedAt: try row.get("finished_at"), node: try row.get("node_id"))
    }
}
