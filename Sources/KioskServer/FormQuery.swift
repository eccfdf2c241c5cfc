import Foundation
import Hummingbird

extension Request {
    /// A value of the query string as an HTML form sends it (`+` for spaces, percent-encoded bytes),
    /// or `nil` when the query has no such field.
    func formQueryValue(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first == Substring(name) else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            return raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
        }
        return nil
    }
}
