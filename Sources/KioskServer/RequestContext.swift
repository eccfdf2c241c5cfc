import Hummingbird
import NIOCore

/// The context of every request Kiosk serves: Hummingbird's basics plus the client's address, which
/// sign-in throttling and sign-up limits count by.
public struct KioskRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection's other end, when known.
    public let remoteAddress: SocketAddress?
    /// The client: the connection's other end, or behind a trusted proxy the address it forwarded
    /// (see `ClientAddressMiddleware`).
    var client: IPAddress?
    /// The scheme a trusted proxy says the client used (`X-Forwarded-Proto` or `Forwarded: proto=`),
    /// or `nil` when no trusted proxy said.
    var forwardedScheme: String?

    /// Creates the context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        client = IPAddress(remoteAddress)
    }

    /// What limits count this client under: its address, or its /64 network for IPv6.
    var clientKey: String { client?.limitKey ?? "unknown" }
}
