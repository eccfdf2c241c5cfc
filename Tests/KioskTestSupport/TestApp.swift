import Foundation
import Hummingbird
import KioskCore
import KioskMail
import KioskRender
import KioskServer
import KioskSQLite
import KioskStore
import Logging

/// The reader's site over a fresh in-memory store with the test publication, ready for `app.test(.router)`.
///
/// Unchecked because Hummingbird's `Router` is not marked `Sendable`; it is built once here and only
/// read afterwards, when tests turn it into a responder.
public struct TestSite: @unchecked Sendable {
    /// The site's store (the same as `publication.store`, with its concrete type).
    public let store: SQLiteStore
    public let publication: TestPublication
    public let router: Router<KioskRequestContext>
    public let mediaFolder: URL
    public let pageCache: PageCache
    /// The clock the newsroom reads; tests move it forward.
    public let clock: TestClock
    /// The folder mail is written to (no SMTP server in router tests).
    public let outbox: URL
    /// Seals the site's secrets, with a key of its own.
    public let secrets: SecretBox
    /// Images waiting for renditions, shared by the routes and `renditionMaker`.
    public let renditions: RenditionQueue

    /// Builds the site; each call has its own database (in memory unless a path is given) and media folder.
    /// Its mail comes from `identity`, by default the Test Gazette's address without DKIM.
    public static func make(
        databasePath: String? = nil, pageCacheBytes: Int = 8 << 20, contentAPIKey: String? = nil, maximumUploadBytes: Int = 1 << 20,
        trustedProxies: [AddressRange] = [], identity: MailIdentity? = nil
    ) async throws -> TestSite {
        let clock = TestClock()
        let secrets = SecretBox(key: (0..<32).map { _ in UInt8.random(in: 0...255) })
        let store = try databasePath.map { try SQLiteStore.open(path: $0) } ?? SQLiteStore.inMemory()
        let pageCache = PageCache(capacity: pageCacheBytes)
        let publication = try await TestPublication.make(in: store)
        let root = try TestPaths.temporaryFolder()
        let media = root.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        // A file beside the media folder, of a type media are served as, that no request may ever reach.
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>secret</title></svg>".utf8).write(to: root.appendingPathComponent("kiosk-secret.svg"))
        let renditions = RenditionQueue()
        var logger = Logger(label: "kiosk.tests")
        logger.logLevel = .critical
        let router = buildRouter(
            configuration: ServerConfiguration(
                mediaDirectory: media.path, publicURL: "https://gazette.example", contentAPIKey: contentAPIKey, maximumUploadBytes: maximumUploadBytes,
                nodeID: "test-node", trustedProxies: trustedProxies),
            dependencies: AppDependencies(
                store: store, theme: try Theme(directory: TestPaths.defaultTheme),
                adminTheme: try Theme(directory: TestPaths.adminTheme, required: AdminTheme.requiredTemplates),
                passwordHasher: PasswordHasher(cost: 4), pageCache: pageCache, logger: logger, now: { clock.now },
                mailTransport: SettingsTransport(
                    store: store, folder: FolderTransport(folder: root.appendingPathComponent("outbox").path), secrets: secrets, parallelism: 1),
                mailIdentity: try identity ?? MailIdentity(from: MailAddress(EmailAddress("newsletter@gazette.example"), name: "The Test Gazette")),
                secrets: secrets, renditions: renditions))
        return TestSite(
            store: store, publication: publication, router: router, mediaFolder: media, pageCache: pageCache, clock: clock, outbox: root.appendingPathComponent("outbox"),
            secrets: secrets, renditions: renditions)
    }

    /// The media library of the site's node, accepting images up to `maximumBytes`.
    public func mediaLibrary(maximumBytes: Int = 1 << 20) -> MediaLibrary<SQLiteStore> {
        MediaLibrary(
            directory: mediaFolder.path, maximumBytes: maximumBytes, maximumPixels: ImageInspection.defaultMaximumPixels, store: store, renditions: renditions)
    }

    /// The rendition maker of the site's node; tests call its `makeNext()`.
    public var renditionMaker: RenditionMaker<SQLiteStore> {
        var logger = Logger(label: "kiosk.tests")
        logger.logLevel = .critical
        return RenditionMaker(store: store, queue: renditions, node: "test-node", logger: logger, now: { clock.now })
    }

    /// The application around the router on a free loopback port, for `app.test(.router)` and `app.test(.live)`.
    public var application: some ApplicationProtocol {
        Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}
