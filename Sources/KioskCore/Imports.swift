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

/// The platforms an archive can be imported from in the newsroom.
public enum ImportPlatform: String, Sendable, CaseIterable {
    /// A WordPress export file (WXR).
    case wordpress
    /// A Ghost content export (JSON).
    case ghost
    /// A Substack export (the zip file Substack sends).
    case substack

    /// The platform's name as people write it.
    public var displayName: String {
        switch self {
        case .wordpress: "WordPress"
        case .ghost: "Ghost"
        case .substack: "Substack"
        }
    }
}

/// An archive import asked for in the newsroom. Its file is kept in the database in parts, so
/// that whichever node claims the job can read it; one node runs it at a time, holding a lease it
/// renews while it works, and a job whose node stopped is claimed again after the lease and
/// continues where it stopped (the import ledger makes every item come in once).
public struct ImportJob: Sendable, Identifiable, Hashable {
    /// The typed store identifier of import jobs.
    public typealias ID = Identifier<ImportJob>

    /// Where a job is.
    public enum Status: String, Sendable {
        /// Its file is still arriving.
        case uploading
        /// Waiting for a node to take it.
        case queued
        /// A node is importing it.
        case running
        /// Done; the report says what came in.
        case finished
        /// Stopped with an error the report names.
        case failed
    }

    /// The job's id.
    public let id: ID
    /// What the file is.
    public let platform: ImportPlatform
    /// The file's name as uploaded.
    public let fileName: String
    /// The file's size in bytes (counted once the upload is whole).
    public let bytes: Int64
    /// Where it is.
    public let status: Status
    /// The last progress line of the node running it.
    public let progress: String
    /// The report of a finished job (JSON), or the error of a failed one.
    public let report: String
    /// The account that asked for it.
    public let requestedBy: User.ID
    /// When it was asked for.
    public let createdAt: Date
    /// When it finished or failed.
    public let finishedAt: Date?
    /// The node running it, while one is.
    public let node: String?

    /// Bundles a stored job.
    public init(
        id: ID, platform: ImportPlatform, fileName: String, bytes: Int64, status: Status, progress: String, report: String, requestedBy: User.ID,
        createdAt: Date, finishedAt: Date?, node: String?
    ) {
        self.id = id
        self.platform = platform
        self.fileName = fileName
        self.bytes = bytes
        self.status = status
        self.progress = progress
        self.report = report
        self.requestedBy = requestedBy
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.node = node
    }

    /// The size of the parts a job's file is kept in.
    public static let partBytes = 1 << 20
}
