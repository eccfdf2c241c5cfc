import Foundation
import KioskCore

/// One value of one column, as engines hand rows to each other when a publication is copied.
public enum CellValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case date(Date)
    case boolean(Bool)
}

/// Some rows of one table: the column names and, for each row, its values in that order.
public struct TableRows: Sendable, Equatable {
    /// The columns, in the order of each row's values.
    public let columns: [String]
    /// The rows.
    public var rows: [[CellValue]]

    /// Creates a batch of rows.
    public init(columns: [String], rows: [[CellValue]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// A table a publication's data lives in, as copying reads and writes it.
public struct CopiedTable: Sendable, Equatable, CustomStringConvertible {
    /// The table's name, the same in every engine.
    public let name: String
    /// The columns that order its rows (its primary key), for reading it in batches.
    public let key: [String]
    /// Rows read or written at a time: fewer for tables of large rows.
    public let batchSize: Int

    /// Describes a table.
    public init(_ name: String, key: [String] = ["id"], batchSize: Int = 1_000) {
        self.name = name
        self.key = key
        self.batchSize = batchSize
    }

    public var description: String { name }
}

/// The publication's tables, the same in every engine's migrations: which are copied (and in what
/// order), and which each engine keeps for itself. A test compares this with each engine's schema,
/// so a table added by a later migration cannot be forgotten by `kiosk copy` and backups.
public enum PublicationTables {
    /// Every table of the publication's data, each after the tables it refers to.
    public static let copied: [CopiedTable] = [
        CopiedTable("media"), CopiedTable("media_file", key: ["media_id"], batchSize: 8),
        CopiedTable("media_rendition", key: ["name"], batchSize: 32), CopiedTable("site_settings"),
        CopiedTable("site_secret"), CopiedTable("section"), CopiedTable("topic"), CopiedTable("series"), CopiedTable("author"),
        CopiedTable("user"), CopiedTable("article", batchSize: 200), CopiedTable("article_topic", key: ["article_id", "topic_id"]),
        CopiedTable("article_author", key: ["article_id", "author_id"]), CopiedTable("slug_redirect", key: ["kind", "old_slug"]),
        CopiedTable("revision", batchSize: 200), CopiedTable("page", batchSize: 200), CopiedTable("page_revision", batchSize: 200),
        CopiedTable("import_ledger", key: ["source", "kind", "external_id"]), CopiedTable("old_address", key: ["path"]), CopiedTable("session", key: ["token_hash"]), CopiedTable("login_throttle", key: ["key"]),
        CopiedTable("invitation"), CopiedTable("api_token"), CopiedTable("recovery_code"), CopiedTable("newsletter"), CopiedTable("subscriber"),
        CopiedTable("subscription", key: ["subscriber_id", "newsletter_id"]), CopiedTable("subscriber_event"), CopiedTable("suppression", key: ["email"]),
        CopiedTable("newsletter_issue"), CopiedTable("delivery", key: ["issue_id", "subscriber_id"]),
    ]

    /// Tables an engine keeps that are not copied, and why: derived from the copied ones, or the
    /// engine's own bookkeeping.
    public static let notCopied: [String: String] = [
        "article_search": "the full-text index, rebuilt from the articles after a copy",
        "article_search_filter": "SQLite's side table of the full-text index, rebuilt with it",
        "article_search_data": "a table FTS5 keeps inside the full-text index",
        "article_search_idx": "a table FTS5 keeps inside the full-text index",
        "article_search_content": "a table FTS5 keeps inside the full-text index",
        "article_search_docsize": "a table FTS5 keeps inside the full-text index",
        "article_search_config": "a table FTS5 keeps inside the full-text index",
        "change_generation": "each database's own counter of reader-visible commits",
        "import_job": "imports asked for in the newsroom: work in progress on this database, not the publication's content",
        "import_job_part": "the files of those imports, deleted when each ends",
        "grdb_migrations": "the SQLite store's record of its migrations",
        "kiosk_migrations": "the PostgreSQL store's record of its migrations",
    ]

    /// Tables that a new, empty publication already has rows in (made by the migrations); a copy
    /// replaces those rows, and they do not make a database count as holding a publication.
    public static let seeded: Set<String> = ["site_settings", "site_secret", "newsletter"]

    /// The first table of `store` holding rows of a publication, and how many; `nil` when it holds none.
    public static func publicationRows(in store: some TransferStore) async throws -> (table: String, count: Int)? {
        for table in copied where !seeded.contains(table.name) {
            let rows = try await store.rowCount(of: table)
            if rows > 0 { return (table.name, rows) }
        }
        return nil
    }
}

/// Reading and writing a publication's tables row by row, for copying a whole publication from
/// one database to another (one engine to the other, or the same).
public protocol TransferStore: Sendable {
    /// The names of the tables the database holds now.
    func tableNames() async throws -> [String]
    /// How many rows `table` holds.
    func rowCount(of table: CopiedTable) async throws -> Int
    /// Up to `limit` rows of `table` from `offset`, ordered by its key.
    func exportRows(of table: CopiedTable, offset: Int, limit: Int) async throws -> TableRows
    /// Writes rows into `table` as they are (ids kept); a row whose key exists already replaces it.
    func importRows(_ rows: TableRows, into table: CopiedTable) async throws
    /// Makes an import usable: ids continue after the largest copied one, the full-text index is
    /// rebuilt, and caches learn that everything changed.
    func finishImport() async throws
}

/// Copies a whole publication from one store to another, table by table in batches.
public struct PublicationCopier: Sendable {
    let source: any TransferStore
    let target: any TransferStore

    /// Prepares a copy from `source` into `target`.
    public init(from source: any TransferStore, to target: any TransferStore) {
        self.source = source
        self.target = target
    }

    /// Why copying cannot go ahead, or `nil`: the target must hold no publication, and both
    /// databases must hold the tables this version of Kiosk copies.
    public func refusal() async throws -> String? {
        if let rows = try await PublicationTables.publicationRows(in: target) {
            return "the target already holds a publication (\(rows.count) rows in \(rows.table)); copy only into an empty database."
        }
        for (store, name) in [(source, "source"), (target, "target")] {
            let missing = Set(PublicationTables.copied.map(\.name)).subtracting(try await store.tableNames())
            if !missing.isEmpty { return "the \(name) database lacks the tables \(missing.sorted().joined(separator: ", ")); run kiosk migrate on it first." }
        }
        return nil
    }

    /// Copies every table, reporting progress as it goes, then checks that each table holds as many
    /// rows in the target as in the source; returns the row counts.
    public func copy(progress: (String) -> Void) async throws -> [(table: String, rows: Int)] {
        var counts: [(table: String, rows: Int)] = []
        for table in PublicationTables.copied {
            let total = try await source.rowCount(of: table)
            var offset = 0
            while offset < total {
                let batch = try await source.exportRows(of: table, offset: offset, limit: table.batchSize)
                guard !batch.rows.isEmpty else { break }
                try await target.importRows(batch, into: table)
                offset += batch.rows.count
                progress("\(table.name): \(offset) of \(total) rows")
            }
            counts.append((table.name, total))
        }
        try await target.finishImport()
        for (table, rows) in zip(PublicationTables.copied, counts.map(\.rows)) {
            let copied = try await target.rowCount(of: table)
            guard copied == rows else { throw StoreError.failed("\(table.name) has \(rows) rows in the source but \(copied) in the target") }
        }
        return counts
    }
}
