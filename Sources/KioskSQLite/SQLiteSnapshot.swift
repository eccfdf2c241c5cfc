import Foundation
import GRDB
import KioskStore

/// Consistent copies of a SQLite publication, taken while it serves and editors write, and the
/// checks a copy must pass before it is trusted.
public enum SQLiteSnapshot {
    /// The names of every migration this version of Kiosk knows, oldest first.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// Copies the database at `path`, as it was when the copy began, into a new file at
    /// `destination`, `pagesPerStep` pages at a time, reporting the fraction done between steps;
    /// the source is opened without migrating it, so a running server's database is only read.
    /// Returns what the copy holds.
    public static func take(from path: String, to destination: String, pagesPerStep: CInt = 1_024, progress: (Double) -> Void) throws -> SnapshotSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw SnapshotError("there is no database at \(path).") }
        return try translatingErrors {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            let source = try DatabasePool(path: path, configuration: configuration)
            return try copy(from: source, to: destination, pagesPerStep: pagesPerStep, progress: progress)
        }
    }

    /// Checks the database file at `path`: SQLite's integrity check must pass; returns its migrations
    /// and rows per table.
    public static func inspect(path: String) throws -> SnapshotSummary {
        try translatingErrors {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else {
                    throw SnapshotError("the database fails SQLite's integrity check: \(problems.prefix(3).joined(separator: "; ")).")
                }
                return try summary(db)
            }
        }
    }

    /// Copies `source` into a new file at `destination` page by page, all pages read in one
    /// transaction so that the copy is one moment of the database even while others write.
    static func copy(from source: some DatabaseReader, to destination: String, pagesPerStep: CInt, progress: (Double) -> Void) throws -> SnapshotSummary {
        let target = try DatabaseQueue(path: destination)
        try withoutActuallyEscaping(progress) { progress in
            try source.backup(to: target, pagesPerStep: pagesPerStep) { step in
                guard step.totalPageCount > 0 else { return }
                progress(Double(step.totalPageCount - step.remainingPageCount) / Double(step.totalPageCount))
            }
        }
        return try target.read(summary)
    }

    /// The migrations applied and the rows in each table of the publication in `db`.
    static func summary(_ db: Database) throws -> SnapshotSummary {
        let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        var rows: [String: Int] = [:]
        for table in tables {
            rows[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
        return SnapshotSummary(migrations: migrations, rows: rows)
    }

    /// Runs `work`, turning SQLite's errors into a `SnapshotError` that says what SQLite said.
    static func translatingErrors<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw SnapshotError("SQLite: \(error.message ?? "error \(error.resultCode.rawValue)").")
        }
    }
}
