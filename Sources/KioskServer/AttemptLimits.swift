import Foundation
import KioskCore
import KioskStore

extension AccountStore {
    /// Counts one more attempt under `key` if `limit` allows it, in one step however many arrive
    /// at once; throws `LimitReached` with the limit's message otherwise.
    func count(_ key: String, against limit: AttemptLimit, now: Date) async throws {
        try await countAttempt(keys: [key], within: limit.window, now: now) { try limit.check($0, key: key) }
    }
}
