import Foundation
import KioskCore
import KioskPostgres
import KioskStore
import KioskTestSupport
import Logging
import Testing

/// What only the PostgreSQL engine has: its URL, its migrations under an advisory lock, its errors.
@Suite("PostgreSQL engine")
struct PostgresEngineTests {
    var logger: Logger {
        var logger = Logger(label: "kiosk.tests.postgres")
        logger.logLevel = .critical
        return logger
    }

    @Test("URLs are read as libpq reads them, and mistakes are refused without the password")
    func urls() throws {
        let full = try PostgresLocation(url: "postgres://kiosk:s%40cret@db.example:6432/news?sslmode=verify-full&sslrootcert=/dev/null")
        #expect(full.host == "db.example" && full.port == 6432 && full.user == "kiosk" && full.password == "s@cret" && full.database == "news")
        #expect(full.tlsMode == .verifyFull && full.rootCertificatePath == "/dev/null")
        #expect(!full.description.contains("s@cret") && !full.description.contains("s%40cret"))
        let plain = try PostgresLocation(url: "postgresql://kiosk@localhost/news")
        #expect(plain.port == 5432 && plain.password == nil && plain.tlsMode == .prefer)
        #expect(PostgresLocation.isPostgresURL("POSTGRES://x@y/z") && !PostgresLocation.isPostgresURL("kiosk-data/kiosk.sqlite"))
        for bad in [
            "postgres://kiosk:topsecret@/news", "postgres://:topsecret@db.example/news", "postgres://kiosk:topsecret@db.example/",
            "postgres://kiosk:topsecret@db.example/news?sslmode=sometimes", "postgres://kiosk:topsecret@db.example/news?timeout=5",
            "postgres://kiosk:topsecret@db.example/news?sslrootcert=/no/such/file.pem", "postgres://kiosk:topsecret@db.example:70000/news",
        ] {
            #expect(performing: { try PostgresLocation(url: bad) }, throws: { error in
                let message = (error as? ValidationError)?.message ?? ""
                return !message.isEmpty && !message.contains("topsecret")
            })
        }
    }

    @Test("nodes starting at once migrate one after another, and the schema is made once")
    func concurrentMigrations() async throws {
        guard PostgresTestDatabases.required else { return }
        let location = try await PostgresTestDatabases.empty()
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresStore.migrate(location, logger: logger).applied } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { !$0.isEmpty }.count == 1, "exactly one node applied the migrations")
        let again = try await PostgresStore.migrate(location, logger: logger)
        #expect(again.applied.isEmpty && !again.all.isEmpty)
    }

    @Test("an unreachable server or a wrong password is one clear error, naming no password")
    func connectionFailures() async throws {
        guard let server = PostgresTestDatabases.server else { return }
        let closed = try PostgresLocation(url: "postgres://kiosk:topsecret@127.0.0.1:1/news?sslmode=disable")
        await #expect(performing: { try await PostgresStore.open(closed, logger: logger) }, throws: { error in
            guard case StoreError.unavailable(let detail) = error else { return false }
            return !detail.contains("topsecret")
        })
        var wrong = URLComponents(string: "postgres://x@localhost/postgres")!
        wrong.user = server.user
        wrong.password = "not-the-password"
        wrong.host = server.host
        wrong.port = server.port
        wrong.queryItems = [URLQueryItem(name: "sslmode", value: server.tlsMode.rawValue)] + (server.rootCertificatePath.map { [URLQueryItem(name: "sslrootcert", value: $0)] } ?? [])
        await #expect(performing: { try await PostgresStore.open(try PostgresLocation(url: wrong.string!), logger: logger) }, throws: { error in
            guard case StoreError.unavailable(let detail) = error else { return false }
            return detail.contains("password") && !detail.contains("not-the-password")
        })
    }
}
