import CoreMetrics
import Foundation
import KioskCore

/// What a node counts for `/metrics` (through swift-metrics; `kiosk serve` backs it with
/// Prometheus). Every label takes a bounded set of values: routes are route patterns, methods are
/// the standard ones or OTHER, so no request can add a series.
enum ServerMetrics {
    /// The methods named in labels; any other counts as OTHER.
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Counts one answered request and its time.
    static func request(route: String, method: String, status: Int, duration: Duration) {
        let method = methods.contains(method) ? method : "OTHER"
        Counter(label: "kiosk_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))]).increment()
        Timer(label: "kiosk_http_request_duration_seconds", dimensions: [("route", route), ("method", method)]).recordNanoseconds(duration.nanoseconds)
    }

    /// Counts a page cache lookup: a hit found a current page, a miss must render.
    static func pageCache(hit: Bool) {
        Counter(label: hit ? "kiosk_page_cache_hits_total" : "kiosk_page_cache_misses_total").increment()
    }

    /// Counts a page dropped to keep the cache within its memory.
    static func pageEvicted() {
        Counter(label: "kiosk_page_cache_evictions_total").increment()
    }

    /// Runs a search, recording how long it took.
    static func search<T: Sendable>(_ work: () async throws -> T) async rethrows -> T {
        let started = ContinuousClock.now
        defer { Timer(label: "kiosk_search_duration_seconds").recordNanoseconds((ContinuousClock.now - started).nanoseconds) }
        return try await work()
    }

    /// Records how late scheduled articles went live after their time.
    static func schedulerLag(_ seconds: TimeInterval) {
        Timer(label: "kiosk_scheduler_lag_seconds").recordNanoseconds(Int64(max(0, seconds) * 1e9))
    }

    /// Counts one newsletter delivery's result: sent, deferred (to be tried again), bounced or failed.
    static func delivery(_ result: DeliveryResult) {
        let name =
            switch result {
            case .sent: "sent"
            case .retry: "deferred"
            case .bounced: "bounced"
            case .gaveUp: "failed"
            }
        Counter(label: "kiosk_newsletter_deliveries_total", dimensions: [("result", name)]).increment()
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
