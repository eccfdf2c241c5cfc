import Foundation
import KioskPostgres
import KioskStore
import Logging
import Synchronization

/// Fresh PostgreSQL databases for tests, on the server `KIOSK_TEST_POSTGRES_URL` names (the test
/// command starts one on loopback). A template database is migrated once per test process; each
/// test gets its own copy of it, made with PostgreSQL's `createdb`.
public enum PostgresTestDatabases {
    /// The server to make databases on, when one is configured.
    public static var server: PostgresLocation? {
        ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES_URL"].flatMap { try? PostgresLocation(url: $0) }
    }

    /// Whether PostgreSQL cases must run: a server is configured, or this is CI, where a missing one is a failure.
    public static var required: Bool {
        server != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    private static let template = Mutex<Task<String, any Error>?>(nil)

    /// A new, migrated, empty database and where it is.
    public static func fresh() async throws -> PostgresLocation {
        guard let server else {
            throw TestDatabaseError("KIOSK_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL.")
        }
        let name = "kiosk_test_\(UUID().uuidString.prefix(12).lowercased())"
        try await run("createdb", server, ["-T", try await templateName(server), name])
        return try server.renamed(to: name)
    }

    /// A new database with no schema at all, and where it is.
    public static func empty() async throws -> PostgresLocation {
        guard let server else { throw TestDatabaseError("KIOSK_TEST_POSTGRES_URL is not set.") }
        let name = "kiosk_empty_\(UUID().uuidString.prefix(12).lowercased())"
        try await run("createdb", server, [name])
        return try server.renamed(to: name)
    }

    /// A store on a fresh database, with a small connection pool.
    public static func freshStore() async throws -> PostgresStore {
        var logger = Logger(label: "kiosk.tests.postgres")
        logger.logLevel = .critical
        return try await PostgresStore.open(try await fresh(), maximumConnections: 4, logger: logger)
    }

    private static func templateName(_ server: PostgresLocation) async throws -> String {
        let task = template.withLock { task in
            if let task { return task }
            let made = Task {
                let name = "kiosk_template_\(ProcessInfo.processInfo.processIdentifier)_\(UUID().uuidString.prefix(6).lowercased())"
                try await run("createdb", server, [name])
                var logger = Logger(label: "kiosk.tests.postgres")
                logger.logLevel = .critical
                _ = try await PostgresStore.migrate(try server.renamed(to: name), logger: logger)
                return name
            }
            task = made
            return made
        }
        return try await task.value
    }

    /// Runs one of PostgreSQL's client programs against `server`, with its password in the environment,
    /// waiting for it without holding one of the few threads that run tests.
    private static func run(_ program: String, _ server: PostgresLocation, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // -w: never ask for a password (it comes from the environment); nothing to read on standard input.
        process.arguments = [program, "-w", "-h", server.host, "-p", String(server.port), "-U", server.user] + arguments
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        if let password = server.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in done.resume() }
            do {
                try process.run()
            } catch {
                done.resume(throwing: error)
            }
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestDatabaseError("\(program) \(arguments.joined(separator: " ")) failed: \(message)")
        }
    }
}

/// A test database could not be made.
public struct TestDatabaseError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension PostgresLocation {
    /// The same server and credentials, another database.
    public func renamed(to database: String) throws -> PostgresLocation {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        var query = [URLQueryItem(name: "sslmode", value: tlsMode.rawValue)]
        if let rootCertificatePath { query.append(URLQueryItem(name: "sslrootcert", value: rootCertificatePath)) }
        components.queryItems = query
        return try PostgresLocation(url: components.string ?? "")
    }
}
