import Foundation
import Logging
import KioskPostgres
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// The engines every contract test runs against: one generic suite, every engine.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqliteInMemory
    case sqliteOnDisk
    case postgres

    /// Every engine, PostgreSQL included when a server is configured (or on CI, where its absence fails).
    static var allCases: [StoreKind] {
        PostgresTestDatabases.required ? [.sqliteInMemory, .sqliteOnDisk, .postgres] : [.sqliteInMemory, .sqliteOnDisk]
    }

    var testDescription: String { rawValue }

    /// A fresh, migrated, empty store of this engine, private to the calling test.
    func makeStore() async throws -> any PublicationStore {
        ContractTally.record(self)
        switch self {
        case .sqliteInMemory:
            return try SQLiteStore.inMemory()
        case .sqliteOnDisk:
            return try SQLiteStore.open(path: TestPaths.temporaryFolder().appendingPathComponent("kiosk.sqlite").path)
        case .postgres:
            return try await PostgresTestDatabases.freshStore()
        }
    }

    /// Two stores on one fresh database, as two nodes (or a node and `kiosk demo`) would open it;
    /// `nil` for an engine whose databases belong to one process.
    func makeStorePair() async throws -> (any PublicationStore, any PublicationStore)? {
        switch self {
        case .sqliteInMemory:
            return nil
        case .sqliteOnDisk:
            ContractTally.record(self)
            let path = try TestPaths.temporaryFolder().appendingPathComponent("kiosk.sqlite").path
            return (try SQLiteStore.open(path: path), try SQLiteStore.open(path: path))
        case .postgres:
            ContractTally.record(self)
            let location = try await PostgresTestDatabases.fresh()
            var logger = Logger(label: "kiosk.tests.postgres")
            logger.logLevel = .critical
            return (
                try await PostgresStore.open(location, maximumConnections: 4, logger: logger),
                try await PostgresStore.open(location, maximumConnections: 4, logger: logger)
            )
        }
    }

    /// A fresh store holding the test publication.
    func publication() async throws -> TestPublication {
        try await TestPublication.make(in: makeStore())
    }
}

/// Counts the contract test cases run on each engine, for the test command to print: when
/// `KIOSK_CONTRACT_TALLY` names a file, each case appends its engine's name as one line.
enum ContractTally {
    static func record(_ kind: StoreKind) {
        guard let path = ProcessInfo.processInfo.environment["KIOSK_CONTRACT_TALLY"] else { return }
        // One write to a file opened for appending, so lines from tests running at once never mix.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let line = Array((kind.rawValue + "\n").utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
