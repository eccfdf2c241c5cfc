import KioskCore
import KioskStore
import Synchronization

/// The site settings and sections, read from the store once per content generation instead of on
/// every page, so a page costs one store read.
final class SiteContextCache<Store: PublicationStore>: Sendable {
    let store: Store
    private let latest = Mutex<(generation: UInt64, context: SiteContext)?>(nil)

    /// Creates an empty cache over `store`.
    init(store: Store) {
        self.store = store
    }

    /// The current site context: the one already read if nothing has changed since, otherwise read anew.
    func current() async throws -> SiteContext {
        let generation = store.contentGeneration.current
        if let cached = latest.withLock({ $0 }), cached.generation == generation {
            return cached.context
        }
        let context = try await store.siteContext()
        latest.withLock { value in
            if (value?.generation ?? 0) <= generation { value = (generation, context) }
        }
        return context
    }
}
