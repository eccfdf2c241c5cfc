import Foundation
import KioskSQLite
import KioskStore
import Synchronization

/// A clock tests set and move forward, so throttling, expiry and scheduling are tested without waiting.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at `start` (by default the fixtures' fixed moment).
    public init(start: Date = TestPublication.now) {
        current = Mutex(start)
    }

    /// The time now.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock by `seconds` (backwards when negative).
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
