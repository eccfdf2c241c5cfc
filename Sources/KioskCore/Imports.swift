import Foundation

/// Where an imported item came from: the export it was read from (such as
/// `wordpress:https://old.example`), the kind of item, and its id there. An item is imported once:
/// its key is recorded with the record it became, in the same transaction.
public struct ImportKey: Sendable, Hashable {
    /// The export's origin, the same on every run over the same site.
    public let source: String
    /// The kind of item: `article`, `page`, `author`, `section`, `topic`, `media`.
    public let kind: String
    /// The item's id in its source.
    public let externalID: String

    /// Creates a key.
    public init(source: String, kind: String, externalID: String) {
        self.source = source
        self.kind = kind
        self.externalID = externalID
    }
}

/// The addresses an imported story or page had before, which keep answering with a redirect.
public enum OldAddress {
    /// The longest old address kept.
    public static let maximumLength = 500

    /// `path` (with `query`, when it names a post by id, as WordPress's `?p=ID` and `?page_id=ID`
    /// do) in the one form they are stored and looked up in: lower case, without a trailing slash
    /// or fragment; `nil` for the front page or an address too long to keep.
    public static func normalized(path: String, query: String? = nil) -> String? {
        var path = path.lowercased()
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if !path.hasPrefix("/") { path = "/" + path }
        if path == "/" {
            let pairs = (query ?? "").split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
            guard let pair = pairs.first(where: { $0.count == 2 && ["p", "page_id"].contains($0[0]) && Int($0[1]) != nil }) else { return nil }
            return "/?\(pair[0])=\(pair[1])"
        }
        return path.count <= maximumLength ? path : nil
    }

    /// The path and query of `address` (a full URL or a path), normalized; `nil` when there is none.
    public static func normalized(address: String) -> String? {
        guard let components = URLComponents(string: address.trimmingCharacters(in: .whitespaces)) else { return nil }
        return normalized(path: components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath, query: components.percentEncodedQuery)
    }
}
