import ArgumentParser
import Configuration
import CoreMetrics
import Foundation
import Hummingbird
import KioskCore
import KioskDemo
import KioskMail
import KioskRender
import KioskServer
import KioskSQLite
import KioskStore
import Logging
import Prometheus
import ServiceLifecycle

/// The `kiosk` command: one binary for the whole publication.
@main
struct Kiosk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiosk, a publishing platform for independent newsrooms.",
        version: Installation.version,
        subcommands: [
            Serve.self, SetupLinkCommand.self, Migrate.self, Demo.self, BackupCommand.self, RestoreCommand.self, CopyCommand.self, ExportCommand.self, ImportCommand.self, UserCommand.self,
            NewsletterCommand.self, DKIMCommand.self, MediaCommand.self,
        ]
    )

    /// Parses the command line and runs the command; a mistake on the command line is reported in one
    /// line on standard error (`kiosk --help` still prints the full help).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            FileHandle.standardError.write(Data("kiosk: \(message(for: error)) (see kiosk --help)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }

    /// Runs a command and turns any failure into one readable line on standard error.
    static func reportingErrors(_ work: () async throws -> Void) async throws {
        do {
            try LogOutput.bootstrap()
            try await work()
        } catch let error as CleanExit {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("kiosk: \(Messages.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// Options shared by the commands that open the database.
struct StorageOptions: ParsableArguments {
    @Option(help: """
        The database: a SQLite file (a path or sqlite:PATH) or postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=verify-full&sslrootcert=CA.pem \
        (env KIOSK_DATABASE, or KIOSK_DATABASE_FILE naming a file that holds it; default kiosk.sqlite in $STATE_DIRECTORY).
        """)
    var database: String?

    @Option(help: "Folder for media files; with PostgreSQL, this node's cache of them (env KIOSK_MEDIA; default: a 'media' folder beside the SQLite file, or in $STATE_DIRECTORY).")
    var media: String?
}

/// `kiosk serve`: runs the reader's site.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the publication over HTTP.",
        discussion: """
            Settings come from the options below, then the environment, then a .env file
            in the working directory. These are set only in the environment (or .env):

              KIOSK_DATABASE_FILE      the file holding the database URL and its password
              KIOSK_ADMIN_THEME        the newsroom's theme (default: the one installed)
              KIOSK_LOG_LEVEL          trace, debug, info (default), notice, warning, error
              KIOSK_LOG_FORMAT         text (default) or json, one object per line
              KIOSK_CACHE_S_MAXAGE     seconds a CDN or proxy may keep a page (default 60)
              KIOSK_CACHE_STALE_WHILE_REVALIDATE
                                       seconds a CDN may serve a stale page (default 30)
              KIOSK_HSTS_MAX_AGE       Strict-Transport-Security seconds for an https
                                       public URL (default 31536000; 0 sends none)
              KIOSK_CONTENT_API_KEY    when set, the Content API requires ?key=
              KIOSK_MAX_UPLOAD_MB      the largest image upload (default 10)
              KIOSK_MAX_IMAGE_MEGAPIXELS
                                       the most pixels an image may have, in millions
                                       (default 100)
              KIOSK_SMTP_CONNECTIONS   connections to send a newsletter with (default 4)
              KIOSK_MAIL_FROM          the From address of mail (default newsletter@host)
              KIOSK_MAIL_FROM_NAME     the name shown with it
              KIOSK_OUTBOX             where mail is written while no mail server is set
              KIOSK_DKIM_SELECTOR      the DKIM selector; with the key file, every
                                       message is signed (see kiosk dkim keygen)
              KIOSK_DKIM_KEY_FILE      the PEM private key (RSA or Ed25519) to sign with
              KIOSK_DKIM_DOMAIN        the signing domain (default: KIOSK_MAIL_FROM's)
              KIOSK_SMTP_URL_FILE      a file holding the SMTP URL and its password
              KIOSK_SECRET_KEY_FILE    a file holding the key (openssl rand -base64 32) that
                                       seals secrets kept in the database
              KIOSK_BACKUP_DIR         a folder for scheduled backups of a SQLite database
              KIOSK_BACKUP_HOURS       hours between scheduled backups (default 24)
              KIOSK_BACKUP_KEEP        scheduled backups kept, the oldest removed (default 7)
              STATE_DIRECTORY          set by systemd's StateDirectory=: the SQLite
                                       database and the media go there by default

            Without --database, KIOSK_DATABASE or STATE_DIRECTORY, kiosk refuses to
            start: it never creates files in the folder it was started from.
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "Address to listen on (env KIOSK_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env KIOSK_PORT; default 8080).")
    var port: String?

    @Option(help: "Theme folder (env KIOSK_THEME; default: the default theme installed with kiosk).")
    var theme: String?

    @Option(name: .customLong("public-url"), help: "Public address of the site, for canonical links (env KIOSK_PUBLIC_URL).")
    var publicURL: String?

    @Option(name: .customLong("page-cache-mb"), help: "Memory for rendered pages in MB, 0 for none (env KIOSK_PAGE_CACHE_MB; default 64).")
    var pageCacheMB: String?

    @Option(name: .customLong("smtp-url"), help: "SMTP server for mail, smtp://user:password@host:587 or smtps://… (env KIOSK_SMTP_URL; default: none, mail is written to the outbox folder).")
    var smtpURL: String?

    @Option(name: .customLong("node-id"), help: "This node's name among several, sent as X-Kiosk-Node and recorded with its deliveries (env KIOSK_NODE_ID; default HOSTNAME:PORT).")
    var nodeID: String?

    @Option(
        name: .customLong("trusted-proxies"),
        help: "Reverse proxies whose Forwarded and X-Forwarded-For headers name the client: addresses or ranges, separated by commas (env KIOSK_TRUSTED_PROXIES; default none).")
    var trustedProxies: String?

    @Option(
        name: .customLong("metrics-address"),
        help: "Where Prometheus scrapes /metrics, HOST:PORT apart from the site, or 'off' (env KIOSK_METRICS_ADDRESS; default 127.0.0.1:9464).")
    var metricsAddress: String?

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(
                storage: storage, host: host, port: port, theme: theme, publicURL: publicURL, pageCacheMB: pageCacheMB, smtpURL: smtpURL,
                nodeID: nodeID, trustedProxies: trustedProxies, metricsAddress: metricsAddress)
            var logger = Logger(label: "kiosk")
            logger.logLevel = settings.logLevel
            let loadedTheme = try Theme(directory: settings.theme)
            let adminTheme = try Theme(directory: settings.adminTheme, required: AdminTheme.requiredTemplates)
            guard let media = settings.media else {
                throw Messages.Refusal("with PostgreSQL, give this node a folder for its media cache: --media DIR (or run it under systemd with StateDirectory=).")
            }
            let identity = try settings.mailIdentity()
            try await settings.database.withStore(logger: logger) { store in
                let settings = try await settings.withStoredPublicURL(from: store)
                try await Self.serve(
                    store, media: media, settings: settings, identity: identity, theme: loadedTheme, adminTheme: adminTheme, logger: logger)
            }
        }
    }

    /// Serves the publication in `store` until SIGTERM or SIGINT.
    private static func serve<Store: PublicationStore>(
        _ store: Store, media: String, settings: Settings, identity: MailIdentity, theme: Theme, adminTheme: Theme, logger: Logger
    ) async throws {
        let configuration = ServerConfiguration(
            host: settings.host, port: settings.port, mediaDirectory: media, publicURL: settings.publicURL,
            cachePolicy: settings.cachePolicy, contentAPIKey: settings.contentAPIKey, maximumUploadBytes: settings.maximumUploadBytes,
            maximumImagePixels: settings.maximumImagePixels,
            nodeID: settings.nodeID, trustedProxies: settings.trustedProxies, strictTransportSeconds: settings.strictTransportSeconds)
        let stored = try await MediaLibrary.storeMissingBytes(from: media, in: store)
        if stored > 0 { logger.notice("Stored the bytes of media files kept only in the media folder until now", metadata: ["count": "\(stored)"]) }
        let unasked = try await RenditionBacklog.askForUnasked(in: store) + RenditionBacklog.askForOutdated(in: store, retryingFailures: false)
        if unasked > 0 { logger.notice("Asked for the resized copies of images without current ones", metadata: ["count": "\(unasked)"]) }
        let dependencies = AppDependencies(
            store: store, theme: theme, adminTheme: adminTheme, pageCache: PageCache(capacity: settings.pageCacheBytes), logger: logger,
            mailTransport: try settings.mailTransport(store: store), mailIdentity: identity, secrets: SecretBox(key: settings.secretKey))
        if settings.secretKey == nil {
            logger.warning(
                "No KIOSK_SECRET_KEY_FILE: secrets kept in the database (two-step sign-in keys, a mail server password set in the newsroom) are stored unsealed")
        }
        if let dkim = identity.dkim {
            logger.info("Mail is signed with DKIM", metadata: ["domain": "\(dkim.domain)", "selector": "\(dkim.selector)"])
        }
        let app = buildApplication(configuration: configuration, dependencies: dependencies)
        let scheduler = ScheduledPublisher(store: store, logger: logger)
        let follower = ChangeFollower(store: store, logger: logger)
        let newsletters = makeNewsletterService(configuration: configuration, dependencies: dependencies)
        // Written straight to the file descriptor so it shows at once even when stdout is a pipe.
        FileHandle.standardOutput.write(
            Data("Kiosk node \(settings.nodeID) is serving \(settings.database) at \(configuration.publicURL)/ (newsroom at \(configuration.publicURL)/admin)\n".utf8))
        if let folder = settings.dataFolder, let setup = try await SetupLink.prepare(store: store, publicURL: settings.publicURL, folder: folder, now: Date()) {
            logger.notice("No newsroom account yet: the one-time setup link is in this file; kiosk setup-link prints it", metadata: ["file": "\(setup.file)"])
            FileHandle.standardOutput.write(Data("First run: `kiosk setup-link` prints the one-time link that sets the publication up (kept in \(setup.file)).\n".utf8))
        }
        let imports = ImportJobRunner(
            store: store, media: settings.mediaLibrary(store, folder: media, renditions: dependencies.renditions), node: settings.nodeID, logger: logger)
        let renditions = RenditionMaker(store: store, queue: dependencies.renditions, node: settings.nodeID, logger: logger)
        var services: [any Service] = [app, follower, scheduler, newsletters, imports, renditions]
        if let backups = settings.backups, case .sqlite(let path) = settings.database {
            services.append(
                ScheduledBackups(folder: URL(fileURLWithPath: backups.folder), keep: backups.keep, interval: TimeInterval(backups.hours) * 3600, logger: logger) {
                    archive in
                    try BackupArchive.create(at: archive, kioskVersion: Installation.version, now: Date()) { copy in
                        try SQLiteSnapshot.take(from: path, to: copy) { _ in }
                    } progress: { _ in }
                })
        }
        if let metrics = settings.metricsAddress {
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            services.append(MetricsServer(host: metrics.host, port: metrics.port, logger: logger) { registry.emitToString() })
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// `kiosk migrate`: brings the database schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            let result = try await settings.database.migrate(logger: Logger(label: "kiosk"))
            if result.applied.isEmpty {
                print("\(settings.database) is up to date (\(result.all.count) migrations).")
            } else {
                print("Applied to \(settings.database): \(result.applied.joined(separator: ", ")).")
            }
        }
    }
}

/// `kiosk demo`: fills an empty database with the demo publication.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with The Meridian, a demo publication.")

    @OptionGroup var storage: StorageOptions

    @Flag(help: "Replace the content of a database that is not empty.")
    var force = false

    @Option(help: "How many articles to write: the 60 demo articles, and above that generated ones for testing a large archive (1 to 1000000; default 60).")
    var articles: String?

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            let count = try articleCount()
            try await settings.database.withStore(logger: Logger(label: "kiosk")) { store in
                let existing = try await store.articleCount()
                if existing > 0 {
                    guard force else {
                        throw Messages.Refusal(
                            "\(settings.database) already holds \(existing) articles; run again with --force to replace all content with the demo.")
                    }
                    print("Removing the existing content of \(settings.database)")
                    try await store.removeAllContent()
                }
                try await Self.seed(store, articleCount: count)
                print("Done: \(count) demo articles in \(settings.database).")
                try await createDemoAccounts(store)
            }
        }
    }

    /// Writes the demo publication into `store`, showing progress.
    private static func seed(_ store: some PublicationStore, articleCount: Int) async throws {
        try await DemoSeeder(store: store).seed(now: Date(), articleCount: articleCount) { print($0) }
    }

    /// Gives an empty newsroom one account per role, sharing a random password printed once.
    private func createDemoAccounts(_ store: any PublicationStore) async throws {
        guard try await store.userCount() == 0 else { return }
        let password = SecureRandom.token().prefix(16)
        let hash = try await PasswordHasher().hash(String(password))
        for role in Role.allCases.reversed() {
            let user = try await store.createUser(
                NewUser(email: EmailAddress("\(role.rawValue)@meridian.example"), name: "Demo \(role.displayName)", role: role, passwordHash: hash),
                now: Date())
            print("Newsroom account: \(user.email) (\(role.displayName.lowercased()))")
        }
        print("Their password, shown only now: \(password)   (change it with: kiosk user reset-password --email …)")
    }

    private func articleCount() throws -> Int {
        guard let articles else { return DemoSeeder<SQLiteStore>.articleCount }
        guard let count = Int(articles), (1...1_000_000).contains(count) else {
            throw Messages.Refusal("--articles must be a whole number from 1 to 1000000, not “\(articles)”.")
        }
        return count
    }
}
