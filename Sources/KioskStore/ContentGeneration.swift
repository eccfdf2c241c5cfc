import Synchronization

/// A counter that grows with every committed change to the store, so caches can tell stale pages.
public final class ContentGeneration: Sendable {
    private let value = Atomic<UInt64>(1)

    /// Creates a counter at 1.
    public init() {}

    /// The current generation.
    public var current: UInt64 { value.load(ordering: .acquiring) }

    /// Moves to a new generation; called after a change has committed.
    func advance() {
        value.add(1, ordering: .releasing)
    }
}
