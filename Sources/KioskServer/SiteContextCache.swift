import KioskCore
import KioskStore
import Synchronization

/// The site settings and sections, read from the store once per generation of its change feed
/// instead of on every page, so a page costs one store read. When the database cannot be reached,
/// the last context read is used, so error pages still carry the site's name and navigation.
final class SiteContextCache<Store: SiteStore>: Sendable {
    let store: Store
    private let latest = Mutex<(generation: UInt64, context: SiteContext)?>(nil)

    /// Creates an empty cache over `store`.
    init(store: Store) {
        self.store = store
    }

    /// The current site context: the one already read if nothing has changed since, otherwise read anew.
    func current() async throws -> SiteContext {
        let generation = store.changes.generation
        let cached = latest.withLock { $0 }
        if let cached, cached.generation == generation {
            return cached.context
        }
        let context: SiteContext
        do {
            context = try await store.siteContext()
        } catch StoreError.unavailable(let detail) {
            guard let cached else { throw StoreError.unavailable(detail) }
            return cached.context
        }
        latest.withLock { value in
            if (value?.generation ?? 0) <= generation { value = (generation, context) }
        }
        return context
    }
}
