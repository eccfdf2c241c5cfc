import Foundation
import KioskPostgres
import KioskSQLite
import KioskStore
import Logging

/// Where a publication is stored, as `--database` or `KIOSK_DATABASE` names it: a SQLite file (a
/// path, or `sqlite:PATH`) or a PostgreSQL database (`postgres://…`). Anything else is refused.
enum Database: CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Reads a database setting; throws a refusal worded for the terminal, without any password.
    init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if PostgresLocation.isPostgresURL(trimmed) {
            do {
                self = .postgres(try PostgresLocation(url: trimmed))
            } catch {
                throw Messages.Refusal(error.message)
            }
            return
        }
        var path = trimmed
        if path.lowercased().hasPrefix("sqlite://") {
            path = String(path.dropFirst("sqlite://".count))
        } else if path.lowercased().hasPrefix("sqlite:") {
            path = String(path.dropFirst("sqlite:".count))
        } else if let scheme = path.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) {
            throw Messages.Refusal(
                "the database must be a SQLite file (a path or sqlite:PATH) or a postgres:// URL; “\(path[scheme].dropLast())” is not a kind Kiosk knows.")
        }
        guard !path.isEmpty else { throw Messages.Refusal("the database path is empty; give a file with --database or KIOSK_DATABASE.") }
        self = .sqlite(path: path)
    }

    /// The database as people may see it: a path, or a URL without its password.
    var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// The folder a SQLite file is in, where its media and outbox go by default; `nil` for PostgreSQL.
    var sqliteFolder: String? {
        switch self {
        case .sqlite(let path): URL(fileURLWithPath: path).deletingLastPathComponent().path
        case .postgres: nil
        }
    }

    /// Opens the store (bringing its schema up to date), runs `body` with it, and closes it.
    func withStore<T>(logger: Logger, _ body: (any PublicationStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite(let path):
            return try await body(try SQLiteStore.open(path: path))
        case .postgres(let location):
            let store = try await PostgresStore.open(location, logger: logger)
            defer { store.close() }
            return try await body(store)
        }
    }

    /// Applies pending migrations; returns the names applied now and all applied.
    func migrate(logger: Logger) async throws -> (applied: [String], all: [String]) {
        switch self {
        case .sqlite(let path):
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            return try SQLiteStore.migrate(path: path)
        case .postgres(let location):
            return try await PostgresStore.migrate(location, logger: logger)
        }
    }
}
