import Foundation
import Hummingbird
import KioskCore
import KioskRender
import KioskStore
import Logging

/// How a Kiosk node listens and where it finds its files.
public struct ServerConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// This node's copies of the images (originals, and renditions in its `r` folder), whose bytes live in the store.
    public var mediaDirectory: String
    /// Absolute base of the public site, used for canonical and share links.
    public var publicURL: String
    /// What pages tell the caches in front of Kiosk.
    public var cachePolicy: CachePolicy
    /// When set, the Content API answers only requests carrying it as `key=`.
    public var contentAPIKey: String?
    /// The largest media upload accepted, in bytes.
    public var maximumUploadBytes: Int
    /// The most pixels an uploaded image may have.
    public var maximumImagePixels: Int
    /// This node's name among several: sent with every response as `X-Kiosk-Node` and recorded with
    /// the deliveries it claims.
    public var nodeID: String
    /// The reverse proxies whose `Forwarded` and `X-Forwarded-For` headers are believed; everyone
    /// else's are ignored.
    public var trustedProxies: [AddressRange]
    /// How long browsers must use HTTPS only (`Strict-Transport-Security`), when the public URL is
    /// HTTPS; 0 sends no such header.
    public var strictTransportSeconds: Int

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, mediaDirectory: String, publicURL: String? = nil,
        cachePolicy: CachePolicy = CachePolicy(), contentAPIKey: String? = nil, maximumUploadBytes: Int = 10 << 20,
        maximumImagePixels: Int = ImageInspection.defaultMaximumPixels, nodeID: String = "kiosk", trustedProxies: [AddressRange] = [],
        strictTransportSeconds: Int = 31_536_000
    ) {
        self.maximumImagePixels = maximumImagePixels
        self.strictTransportSeconds = strictTransportSeconds
        self.maximumUploadBytes = maximumUploadBytes
        self.nodeID = nodeID
        self.trustedProxies = trustedProxies
        self.host = host
        self.port = port
        self.mediaDirectory = mediaDirectory
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.cachePolicy = cachePolicy
        self.contentAPIKey = contentAPIKey
    }
}

/// The composition root: the store, themes, password hasher, page cache and logger a node runs with.
public struct AppDependencies<Store: PublicationStore>: Sendable {
    /// Where content is read and written.
    public var store: Store
    /// The loaded theme of the public site.
    public var theme: Theme
    /// The loaded theme of the newsroom.
    public var adminTheme: Theme
    /// Hashes and checks newsroom passwords.
    public var passwordHasher: PasswordHasher
    /// The clock: the newsroom reads the time from here, so tests can set it.
    public var now: @Sendable () -> Date
    /// Where mail goes.
    public var mailTransport: any MailTransport
    /// Who mail comes from.
    public var mailIdentity: MailIdentity
    /// Rendered pages kept in memory.
    public var pageCache: PageCache
    /// Where requests and errors are logged.
    public var logger: Logger
    /// Seals the secrets kept in the database with the operator's key.
    public var secrets: SecretBox
    /// Images waiting for their renditions, shared by the routes and this node's `RenditionMaker`.
    public var renditions: RenditionQueue

    /// Bundles the dependencies.
    public init(
        store: Store, theme: Theme, adminTheme: Theme, passwordHasher: PasswordHasher = PasswordHasher(), pageCache: PageCache, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init, mailTransport: any MailTransport, mailIdentity: MailIdentity,
        secrets: SecretBox = SecretBox(key: nil), renditions: RenditionQueue = RenditionQueue()
    ) {
        self.secrets = secrets
        self.renditions = renditions
        self.mailTransport = mailTransport
        self.mailIdentity = mailIdentity
        self.store = store
        self.theme = theme
        self.adminTheme = adminTheme
        self.passwordHasher = passwordHasher
        self.now = now
        self.pageCache = pageCache
        self.logger = logger
    }
}

/// Builds the HTTP application; `main` and the tests both call this.
public func buildApplication<Store: PublicationStore>(
    configuration: ServerConfiguration, dependencies: AppDependencies<Store>
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, dependencies: dependencies),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kiosk"),
        logger: dependencies.logger
    )
}

/// Builds the router with every route and middleware of the reader's site and the newsroom.
public func buildRouter<Store: PublicationStore>(
    configuration: ServerConfiguration, dependencies: AppDependencies<Store>
) -> Router<KioskRequestContext> {
    let renderer = PageRenderer(theme: dependencies.theme, publicURL: configuration.publicURL)
    let router = Router(context: KioskRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: ResponseHeadersMiddleware(nodeID: configuration.nodeID))
    router.add(middleware: ClientAddressMiddleware(trustedProxies: configuration.trustedProxies))
    router.add(middleware: AccessLogMiddleware(logger: dependencies.logger))
    if configuration.publicURL.lowercased().hasPrefix("https:") {
        router.add(middleware: HTTPSOnlyMiddleware(publicOrigin: PublicOrigin.of(configuration.publicURL), maxAge: configuration.strictTransportSeconds))
    }
    let site = SiteContextCache(store: dependencies.store)
    router.add(middleware: ErrorPageMiddleware(site: site, renderer: renderer, logger: dependencies.logger))
    router.add(middleware: RequestLimitsMiddleware())
    router.add(middleware: OldAddressMiddleware(store: dependencies.store))
    let pages = PageResponder(
        cache: dependencies.pageCache, changes: dependencies.store.changes,
        policy: configuration.cachePolicy)
    PublicController(store: dependencies.store, site: site, renderer: renderer, pages: pages).addRoutes(to: router)
    DiscoveryController(
        store: dependencies.store, site: site, feeds: FeedRenderer(publicURL: configuration.publicURL), pages: pages, now: Date.init
    ).addRoutes(to: router)
    ContentAPIController(
        store: dependencies.store, site: site, pages: pages, publicURL: configuration.publicURL, accessKey: configuration.contentAPIKey,
        logger: dependencies.logger
    ).addRoutes(to: router)
    let auth = NewsroomAuth(
        store: dependencies.store, hasher: dependencies.passwordHasher, secureCookies: configuration.publicURL.lowercased().hasPrefix("https:"),
        publicOrigin: PublicOrigin.of(configuration.publicURL), now: dependencies.now)
    MediaRoutes(store: dependencies.store, directory: configuration.mediaDirectory, queue: dependencies.renditions).addRoutes(to: router)
    StaticFilesController(
        assets: StaticFiles(directory: dependencies.theme.assetsDirectory, cacheControl: "public, max-age=31536000, immutable"),
        adminAssets: StaticFiles(directory: dependencies.adminTheme.assetsDirectory, cacheControl: "public, max-age=31536000, immutable")
    ).addRoutes(to: router)
    let mediaLibrary = MediaLibrary(
        directory: configuration.mediaDirectory, maximumBytes: configuration.maximumUploadBytes, maximumPixels: configuration.maximumImagePixels,
        store: dependencies.store, renditions: dependencies.renditions)
    AdminAPIController(
        store: dependencies.store, media: mediaLibrary, publicURL: configuration.publicURL, now: dependencies.now, logger: dependencies.logger
    ).addRoutes(to: router)
    let emails = EmailRenderer(theme: dependencies.theme, publicURL: configuration.publicURL)
    let mailer = TransactionalMailer(transport: dependencies.mailTransport, identity: dependencies.mailIdentity)
    NewsletterController(
        store: dependencies.store, site: site, renderer: renderer, emails: emails, mailer: mailer, publicURL: configuration.publicURL,
        logger: dependencies.logger, now: dependencies.now
    ).addRoutes(to: router)
    let newsroom = NewsroomController(
        store: dependencies.store,
        auth: auth,
        pages: AdminPages(theme: dependencies.adminTheme), site: site, publicPages: renderer,
        media: mediaLibrary, publicURL: configuration.publicURL, logger: dependencies.logger, mailer: mailer, emails: emails,
        secrets: dependencies.secrets)
    newsroom.addRoutes(to: router)
    NewsletterDesk(
        newsroom: newsroom, service: makeNewsletterService(configuration: configuration, dependencies: dependencies), mailer: mailer, emails: emails
    ).addRoutes(to: router)
    router.get("/healthz") { _, _ in "ok" }
    router.get("/readyz") { [store = dependencies.store] _, _ in
        // Ready when the database answers a read; a load balancer stops sending readers here otherwise.
        do {
            _ = try await store.siteContext()
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready")))
        } catch {
            return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "not ready: the database cannot be read")))
        }
    }
    router.get("/api/openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json", .accessControlAllowOrigin: "*"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
    return router
}

/// The newsletter service a node runs beside its web server (drafting, scheduling, sending).
public func makeNewsletterService<Store: PublicationStore>(
    configuration: ServerConfiguration, dependencies: AppDependencies<Store>
) -> NewsletterService<Store> {
    NewsletterService(
        store: dependencies.store, nodeID: configuration.nodeID, transport: dependencies.mailTransport, identity: dependencies.mailIdentity,
        renderer: EmailRenderer(theme: dependencies.theme, publicURL: configuration.publicURL), publicURL: configuration.publicURL,
        logger: dependencies.logger, now: dependencies.now)
}
