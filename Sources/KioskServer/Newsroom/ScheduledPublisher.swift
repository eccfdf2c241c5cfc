import Foundation
import KioskStore
import Logging
import ServiceLifecycle

/// Publishes scheduled articles when their time comes, as a service beside the HTTP server.
///
/// Schedules live in the store as absolute instants, so nothing is lost across restarts: the first
/// pass at start-up publishes whatever fell due while the process was down. Between passes it
/// sleeps until the next scheduled instant, but never longer than `maximumSleep`, so a schedule made
/// on another node, or a jump of the wall clock, is noticed within that time. A clock set back
/// delays publication until the wall clock reaches the scheduled instant again; it never publishes early.
public struct ScheduledPublisher<Store: PublicationStore>: Service {
    /// The longest pause between two checks.
    public static var maximumSleep: Duration { .seconds(1) }

    let store: Store
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates the service.
    public init(store: Store, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.logger = logger
        self.now = now
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let pause = await publishDue()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }

    /// Publishes what is due and returns how long to wait before looking again.
    public func publishDue() async -> Duration {
        do {
            let moment = now()
            if let due = try await store.nextScheduledPublication(), due <= moment {
                let published = try await store.publishDueArticles(now: moment)
                if published > 0 {
                    logger.info("Published scheduled articles", metadata: ["count": "\(published)"])
                    ServerMetrics.schedulerLag(moment.timeIntervalSince(due))
                }
            }
            guard let next = try await store.nextScheduledPublication() else { return Self.maximumSleep }
            let wait = next.timeIntervalSince(now())
            return wait <= 0 ? .milliseconds(10) : min(.milliseconds(Int64(wait * 1000) + 5), Self.maximumSleep)
        } catch {
            logger.error("Scheduled publishing failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
            return Self.maximumSleep
        }
    }
}
