import Synchronization

/// Who can see what a committed write changed.
public enum ChangeAudience: Sendable, Equatable {
    /// Readers: published content, taxonomy, media text and deletions, settings, sent issues. Public pages may be stale.
    case readers
    /// Only the newsroom: drafts, revisions, accounts, sessions, subscribers, the delivery queue.
    case newsroom
}

/// Where a store reports every commit, and where caches learn that what readers see may have changed.
///
/// Each engine's one transaction helper reports each commit here with its audience. A commit seen by
/// readers also advances the database's *shared generation*, a counter kept in the database itself,
/// so that every process on the same database can tell it happened: the store follows that counter
/// (PostgreSQL notifies each node at once, and each node also reads it every second) and reports
/// what it observes. `generation` is this process's own count of moments at which reader-visible
/// content may have changed; the page cache compares it, so one number covers local commits, other
/// nodes' commits and a lost connection alike.
public final class ChangeFeed: Sendable {
    private let state = Mutex(State())
    private let current = Atomic<UInt64>(1)

    private struct State {
        var sharedGeneration: Int64?
        var commits: Int = 0
    }

    /// Creates a feed at generation 1.
    public init() {}

    /// Grows whenever something readers see may have changed; anything rendered at an older value may be stale.
    public var generation: UInt64 { current.load(ordering: .acquiring) }

    /// Commits reported so far, of any audience.
    public var commits: Int { state.withLock { $0.commits } }

    /// The database's shared generation as last reported, or `nil` before the first report.
    public var sharedGeneration: Int64? { state.withLock { $0.sharedGeneration } }

    /// Reports a committed transaction; `sharedGeneration` is the database's counter after it, for reader-visible commits.
    public func committed(_ audience: ChangeAudience, sharedGeneration: Int64?) {
        let advances = state.withLock { state in
            state.commits += 1
            guard audience == .readers else { return false }
            if let sharedGeneration { state.sharedGeneration = max(state.sharedGeneration ?? sharedGeneration, sharedGeneration) }
            return true
        }
        if advances { current.add(1, ordering: .releasing) }
    }

    /// Reports the shared generation read from the database; a value not seen before means another
    /// process committed a reader-visible change.
    public func observed(sharedGeneration: Int64) {
        let advances = state.withLock { state in
            defer { state.sharedGeneration = max(state.sharedGeneration ?? sharedGeneration, sharedGeneration) }
            guard let known = state.sharedGeneration else { return false }
            return sharedGeneration > known
        }
        if advances { current.add(1, ordering: .releasing) }
    }

    /// Reports that changes may have been missed (a notification connection was lost): everything
    /// rendered so far counts as stale.
    public func lostTrack() {
        current.add(1, ordering: .releasing)
    }
}
