import Foundation
import KioskCore
import KioskStore

/// The counts an attempt saw, thrown to stop it being counted.
private struct SeenCounts: Error {
    let counts: [String: AttemptCount]
}

extension AccountStore {
    /// Counts one attempt under each key with no limit: a test's way to record failures.
    public func countAttempt(keys: [String], within window: TimeInterval, now: Date) async throws {
        try await countAttempt(keys: keys, within: window, now: now) { _ in }
    }

    /// The counts an attempt under `keys` would see now, without counting one.
    public func attemptCounts(keys: [String], within window: TimeInterval, now: Date) async throws -> [String: AttemptCount] {
        do {
            try await countAttempt(keys: keys, within: window, now: now) { throw SeenCounts(counts: $0) }
        } catch let seen as SeenCounts {
            return seen.counts
        }
        preconditionFailure("countAttempt went ahead without showing its counts")
    }
}
