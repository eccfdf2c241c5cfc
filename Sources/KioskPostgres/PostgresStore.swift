import Foundation
import KioskCore
import KioskStore
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Synchronization
import _ConnectionPoolModule

/// The store for publications that outgrow one machine: PostgreSQL through postgres-nio, shared by
/// every node. It keeps the same tables as the SQLite store and passes the same contract tests.
public struct PostgresStore: PublicationStore {
    let pool: Pool
    let location: PostgresLocation
    let logger: Logger
    /// Where every commit is reported.
    public let changes = ChangeFeed()

    /// The longest one store operation may wait for a connection before it gives up as unavailable.
    static let patience: Duration = .seconds(10)
    /// The same while the database is known to be down, so readers get their answer quickly.
    static let patienceWhileDown: Duration = .seconds(1)
    /// The channel reader-visible commits are announced on.
    static let channel = "kiosk_changes"

    /// Connects to the database at `location`, brings its schema up to date (one node at a time,
    /// under an advisory lock) and starts the connection pool. Throws `StoreError.unavailable` with
    /// a readable reason when the database cannot be reached or refuses the connection.
    public static func open(_ location: PostgresLocation, maximumConnections: Int = 20, logger: Logger) async throws -> PostgresStore {
        _ = try await migrate(location, logger: logger)
        var options = PostgresClient.Configuration.Options()
        options.maximumConnections = maximumConnections
        options.connectTimeout = .seconds(5)
        options.connectionIdleTimeout = .seconds(30)
        options.tlsServerName = location.tlsMode == .verifyFull ? location.host : nil
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password, database: location.database,
            tls: try clientTLS(location))
        configuration.options = options
        return PostgresStore(pool: Pool(configuration: configuration, logger: logger), location: location, logger: logger)
    }

    /// Applies pending migrations to the database at `location`; returns the names applied now and all applied.
    public static func migrate(_ location: PostgresLocation, logger: Logger) async throws -> (applied: [String], all: [String]) {
        let connection = try await connect(location, logger: logger)
        do {
            let result = try await translatingErrors { try await Migrator.migrate(connection) }
            try? await connection.raw.close()
            return result
        } catch {
            try? await connection.raw.close()
            throw error
        }
    }

    /// Stops the connection pool; the store cannot be used afterwards.
    public func close() {
        pool.close()
    }

    // MARK: Connections

    /// One connection of its own, outside the pool (for migrations and for listening).
    static func connect(_ location: PostgresLocation, logger: Logger) async throws -> Connection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password, database: location.database,
            tls: try connectionTLS(location))
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.tlsServerName = location.tlsMode == .verifyFull ? location.host : nil
        let raw = try await translatingErrors {
            try await PostgresConnection.connect(configuration: configuration, id: Int.random(in: 1...Int.max), logger: logger)
        }
        return Connection(raw: raw, logger: logger)
    }

    private static func tlsConfiguration(_ location: PostgresLocation) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch location.tlsMode {
        case .disable, .prefer:
            tls.certificateVerification = .none
        case .require:
            tls.certificateVerification = location.rootCertificatePath == nil ? .none : .noHostnameVerification
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        if let path = location.rootCertificatePath {
            tls.trustRoots = .file(path)
        }
        return tls
    }

    private static func clientTLS(_ location: PostgresLocation) throws -> PostgresClient.Configuration.TLS {
        switch location.tlsMode {
        case .disable: .disable
        case .prefer: .prefer(try tlsConfiguration(location))
        case .require, .verifyCA, .verifyFull: .require(try tlsConfiguration(location))
        }
    }

    private static func connectionTLS(_ location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        switch location.tlsMode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: tlsConfiguration(location)))
        case .require, .verifyCA, .verifyFull: return .require(try NIOSSLContext(configuration: tlsConfiguration(location)))
        }
    }

    // MARK: The transaction helper

    /// Runs a write in one transaction and reports its commit to `changes` with `audience`.
    func write<T: Sendable>(_ audience: ChangeAudience, _ work: @escaping @Sendable (Connection) async throws -> T) async throws -> T {
        try await write { connection in (try await work(connection), audience) }
    }

    /// The one way this store writes: runs `work` in one transaction; a commit that readers can see
    /// also advances the shared generation and announces it with `NOTIFY` (delivered at commit);
    /// once committed, the commit is reported to `changes`. PostgreSQL's errors come out as
    /// `StoreError`s; whatever `work` itself throws (a rule's refusal) comes out unchanged.
    func write<T: Sendable>(_ work: @escaping @Sendable (Connection) async throws -> (T, ChangeAudience)) async throws -> T {
        let logger = logger
        let (value, audience, shared) = try await within { lent in
            try await pool.client.withTransaction(logger: logger) { raw in
                lent.mark()
                let connection = Connection(raw: raw, logger: logger)
                let (value, audience) = try await work(connection)
                var shared: Int64?
                if audience == .readers {
                    shared = try await connection.value("UPDATE change_generation SET value = value + 1 WHERE id = 1 RETURNING value")
                    try await connection.execute("SELECT pg_notify(\(Self.channel), \(String(shared ?? 0)))")
                }
                return (value, audience, shared)
            }
        }
        changes.committed(audience, sharedGeneration: shared)
        return value
    }

    /// Runs a read on a pooled connection, with PostgreSQL's errors translated.
    func read<T: Sendable>(_ work: @escaping @Sendable (Connection) async throws -> T) async throws -> T {
        let logger = logger
        return try await within { lent in
            try await pool.client.withConnection { raw in
                lent.mark()
                return try await work(Connection(raw: raw, logger: logger))
            }
        }
    }

    /// Runs `work` with errors translated, giving up as unavailable when no connection was lent to
    /// it within `patience` (one second while the database is known to be down): while PostgreSQL
    /// is down, the pool keeps requests waiting, and no request may wait that long. Once `work` has
    /// a connection, it takes the time it takes.
    private func within<T: Sendable>(_ work: @escaping @Sendable (Lent) async throws -> T) async throws -> T {
        let lent = Lent()
        let patience = pool.reachable ? Self.patience : Self.patienceWhileDown
        return try await Self.translatingErrors {
            try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await work(lent) }
                group.addTask {
                    try await Task.sleep(for: patience)
                    while lent.isMarked { try await Task.sleep(for: .seconds(3600)) }
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else {
                    throw StoreError.unavailable("no connection to PostgreSQL within \(patience)")
                }
                return value
            }
        }
    }

    static func translatingErrors<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw StoreMetrics.counted(PostgresErrors.translate(error), engine: "postgres")
        }
    }

    // MARK: Following other nodes

    /// Listens for the commits of every node (`LISTEN`, so pages go stale within milliseconds) and
    /// reads the shared generation every second as well, since a notification can be lost; when
    /// the listening connection drops, everything rendered so far counts as stale, and it reconnects.
    public func followChanges() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await listen() }
            group.addTask {
                while true {
                    do {
                        if let value = try await read({ try await $0.value("SELECT value FROM change_generation WHERE id = 1", as: Int64.self) }) {
                            changes.observed(sharedGeneration: value)
                        }
                        pool.reachable = true
                    } catch {
                        pool.reachable = false
                    }
                    try await Task.sleep(for: .seconds(1))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func listen() async throws {
        var lost = false
        while true {
            do {
                let connection = try await Self.connect(location, logger: logger)
                do {
                    try await connection.raw.listen(on: Self.channel) { notifications in
                        if lost {
                            // The database is back: a fresh pool connects at once, where the old one may
                            // still be backing off from its failed attempts. A pool that still answers
                            // is kept, so no query running on it is cut short.
                            if !pool.reachable { pool.renew() }
                            pool.reachable = true
                            changes.lostTrack()
                            logger.notice("Listening for changes again; every cached page counts as stale")
                        }
                        lost = false
                        for try await notification in notifications {
                            if let value = Int64(notification.payload) { changes.observed(sharedGeneration: value) }
                        }
                    }
                    try? await connection.raw.close()
                } catch {
                    try? await connection.raw.close()
                    throw error
                }
            } catch is CancellationError {
                return
            } catch {
                if Task.isCancelled { return }
                if !lost { logger.error("Lost the connection that listens for changes; retrying", metadata: ["error": "\(error)"]) }
                pool.reachable = false
            }
            lost = true
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    // MARK: Site

    /// The site settings and the sections in navigation order, read together.
    public func siteContext() async throws -> SiteContext {
        try await read { connection in
            guard let row = try await connection.row("SELECT * FROM site_settings WHERE id = 1") else { throw StoreError.notFound }
            let settings = try Records.settings(row)
            let sections = try await connection.rows("SELECT * FROM section ORDER BY position, name").map(Records.section)
            var logo: Media?
            if let id = settings.logoID {
                logo = try await connection.row("SELECT * FROM media WHERE id = \(id.rawValue)").map { try Records.media($0) }
            }
            let pages = try await connection.rows(
                "SELECT title, slug, placement FROM page WHERE status = 'published' AND placement <> 'none' ORDER BY placement, position, title"
            ).map { row in
                PageLink(title: try row.get("title"), slug: try row.slug("slug"), placement: PagePlacement(rawValue: try row.get("placement")) ?? .none)
            }
            return SiteContext(settings: settings, sections: sections, logo: logo, pages: pages)
        }
    }

    /// Replaces the site settings.
    public func updateSiteSettings(_ settings: SiteSettings) async throws {
        let profiles = try JSONColumn.encode(settings.socialProfiles)
        let navigation = try JSONColumn.encode(settings.navigation)
        try await write(.readers) { connection in
            try await connection.execute(
                """
                UPDATE site_settings SET name = \(settings.name), description = \(settings.description), about = \(settings.about),
                    locale = \(settings.locale), time_zone = \(settings.timeZone), logo_media_id = \(settings.logoID?.rawValue),
                    social_profiles = \(profiles), navigation = \(navigation), feeds_carry_full_text = \(settings.feedsCarryFullText),
                    robots_rules = \(settings.robotsRules), smtp_url = \(settings.smtpURL), public_url = \(settings.publicURL),
                    require_two_factor = \(settings.requireTwoFactor)
                WHERE id = 1
                """)
        }
    }

    /// The random secret every node shares for signing links.
    public func siteSecret() async throws -> [UInt8] {
        try await read { connection in
            guard let value = try await connection.value("SELECT value FROM site_secret WHERE id = 1", as: ByteBuffer.self) else {
                throw StoreError.notFound
            }
            return Array(buffer: value)
        }
    }

    // MARK: Maintenance

    /// Deletes every article, section, topic, series, author, media record, redirect and newsroom account; settings stay.
    public func removeAllContent() async throws {
        try await write(.readers) { connection in
            for statement in [
                "DELETE FROM api_token", "DELETE FROM invitation", "DELETE FROM session", "DELETE FROM login_throttle", "DELETE FROM \"user\"",
                "DELETE FROM article_search", "DELETE FROM article_topic", "DELETE FROM article_author", "DELETE FROM article",
                "DELETE FROM slug_redirect", "DELETE FROM page", "DELETE FROM old_address", "DELETE FROM import_ledger", "DELETE FROM topic", "DELETE FROM series", "DELETE FROM section", "DELETE FROM author",
                "UPDATE site_settings SET logo_media_id = NULL", "DELETE FROM media",
            ] {
                try await connection.execute(PostgresQuery(unsafeSQL: statement))
            }
        }
    }
}

/// Maps PostgreSQL's errors (and the pool's) to the store's own; anything else passes unchanged.
enum PostgresErrors {
    static func translate(_ error: any Error) -> any Error {
        switch error {
        case let error as PostgresTransactionError:
            if let closure = error.closureError { return translate(closure) }
            return translate(error.beginError ?? error.commitError ?? error.rollbackError ?? StoreError.failed("a transaction failed"))
        case let error as PSQLError:
            return translate(error)
        case let error as ConnectionPoolError:
            return StoreError.unavailable("PostgreSQL: \(error)")
        case let error as NIOSSLError:
            return StoreError.unavailable("PostgreSQL's TLS: \(error)")
        case let error as IOError:
            return StoreError.unavailable("PostgreSQL: \(error.description)")
        case let error as ChannelError:
            return StoreError.unavailable("PostgreSQL: \(error)")
        default:
            return error
        }
    }

    private static func translate(_ error: PSQLError) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        switch state {
        case "23505": return .duplicate(message)
        case "23503": return .missingReference("a referenced section, series, topic, author or media does not exist")
        case "28P01", "28000": return .unavailable("PostgreSQL refused the password or the user (\(message))")
        case "3D000": return .unavailable("PostgreSQL has no such database (\(message))")
        case let state where state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300" || state == "40001" || state == "40P01":
            return .unavailable("PostgreSQL: \(message)")
        case "":
            if let underlying = error.underlying { return translate(underlying) as? StoreError ?? .unavailable("PostgreSQL: \(underlying)") }
            return .unavailable("PostgreSQL: \(error.code)")
        default:
            return .failed("PostgreSQL \(state): \(message)")
        }
    }
}

/// The store's connection pool, which can be replaced by a fresh one when the database comes back
/// after an outage (postgres-nio's pool backs off for up to a minute between attempts).
final class Pool: Sendable {
    private let configuration: PostgresClient.Configuration
    private let logger: Logger
    private let current: Mutex<(client: PostgresClient, runner: Task<Void, Never>)>
    private let up = Atomic<Bool>(true)

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        current = Mutex(Self.start(configuration, logger))
    }

    private static func start(_ configuration: PostgresClient.Configuration, _ logger: Logger) -> (client: PostgresClient, runner: Task<Void, Never>) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return (client, Task { await client.run() })
    }

    /// The pool to lend connections from now.
    var client: PostgresClient { current.withLock { $0.client } }

    /// Whether the database answered the last time it was asked.
    var reachable: Bool {
        get { up.load(ordering: .relaxed) }
        set { up.store(newValue, ordering: .relaxed) }
    }

    /// Starts a fresh pool for new requests and stops the old one.
    func renew() {
        let old = current.withLock { current in
            let old = current
            current = Self.start(configuration, logger)
            return old
        }
        old.runner.cancel()
    }

    /// Stops the pool.
    func close() {
        current.withLock { $0.runner.cancel() }
    }
}

/// Whether an operation has been lent a connection yet.
final class Lent: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Notes that the connection was lent.
    func mark() { flag.store(true, ordering: .relaxed) }

    /// Whether it was.
    var isMarked: Bool { flag.load(ordering: .relaxed) }
}
