import Hummingbird
import NIOCore

/// The context of every request Kiosk serves: Hummingbird's basics plus the client's address, which
/// sign-in throttling counts failures by.
public struct KioskRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection's other end, when known.
    public let remoteAddress: SocketAddress?

    /// Creates the context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
