import Hummingbird
import Logging
import ServiceLifecycle

/// The server Prometheus scrapes: `GET /metrics` answers what `render` gives, and nothing else is
/// served. It listens apart from the site, by default on loopback, so readers never reach it. A
/// node whose metrics address is taken (another node on the same machine) logs it and goes on
/// serving the site.
public struct MetricsServer: Service {
    let host: String
    let port: Int
    let render: @Sendable () -> String
    let logger: Logger

    /// Creates the server for `host` and `port`.
    public init(host: String, port: Int, logger: Logger, render: @escaping @Sendable () -> String) {
        self.host = host
        self.port = port
        self.logger = logger
        self.render = render
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        let router = Router()
        router.get("/metrics") { [render] _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: render())))
        }
        var quiet = logger
        quiet.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "Kiosk metrics"), logger: quiet)
        do {
            try await app.run()
        } catch {
            logger.error("Metrics cannot be served; the site goes on without them", metadata: ["address": "\(host):\(port)", "error": "\(error)"])
            try await gracefulShutdown()
        }
    }
}
