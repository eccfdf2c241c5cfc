import KioskStore
import Logging
import ServiceLifecycle

/// Follows the commits other processes make on the same database (other nodes, or `kiosk demo
/// --force` beside a running server), so this node's caches drop pages those commits made stale.
public struct ChangeFollower<Store: SiteStore>: Service {
    let store: Store
    let logger: Logger

    /// Creates the service.
    public init(store: Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await store.followChanges() }
        } catch is CancellationError {
            logger.debug("Stopped following database changes")
        }
    }
}
