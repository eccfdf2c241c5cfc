import Foundation

/// What a copy of a publication's database holds: the migrations applied to it and the rows in
/// each of its tables, recorded in a backup's manifest and compared again when it is restored.
public struct SnapshotSummary: Codable, Sendable, Equatable {
    /// The names of the migrations applied, oldest first.
    public let migrations: [String]
    /// The number of rows in each table, by table name.
    public let rows: [String: Int]

    /// Creates a summary.
    public init(migrations: [String], rows: [String: Int]) {
        self.migrations = migrations
        self.rows = rows
    }
}

/// Why a database could not be copied or a copy cannot be trusted, in words for the operator.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}
