import CoreMetrics
import KioskCore

/// What the stores count for `/metrics`.
public enum StoreMetrics {
    /// Counts `error` under `engine` ("sqlite" or "postgres") when it is the database failing
    /// (`unavailable` or `failed`), not a rule or a constraint refusing; returns it unchanged.
    public static func counted(_ error: any Error, engine: String) -> any Error {
        let kind: String? =
            switch error as? StoreError {
            case .unavailable: "unavailable"
            case .failed: "failed"
            default: nil
            }
        if let kind { Counter(label: "kiosk_database_errors_total", dimensions: [("engine", engine), ("kind", kind)]).increment() }
        return error
    }
}
