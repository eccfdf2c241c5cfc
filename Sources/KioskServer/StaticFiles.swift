import Foundation
import Hummingbird
import KioskStore
import Logging
import NIOPosix
import Synchronization

/// Serves files from one folder by plain file name only, so no request can reach outside it.
struct StaticFiles: Sendable {
    /// File types served, by extension.
    static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif",
        "ico": "image/x-icon", "woff2": "font/woff2",
    ]
    /// Scripts inside an SVG opened on its own must not run.
    static let filePolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

    let files: LocalFileSystem
    let cacheControl: String

    /// Serves `directory` with the given `Cache-Control`.
    init(directory: String, cacheControl: String) {
        self.files = LocalFileSystem(rootFolder: directory, threadPool: .singleton, logger: Logger(label: "kiosk.files"))
        self.cacheControl = cacheControl
    }

    /// The file named `name`, a 304 when the client's copy is current, or a 404 for anything else.
    /// The `ETag` is `etag` when given, otherwise made from the file's size and modification time.
    func response(for name: String, request: Request, context: some RequestContext, etag: String? = nil) async throws -> Response {
        guard let contentType = Self.contentType(forSafeName: name),
            let id = files.getFileIdentifier("/" + name),
            let attributes = try await files.getAttributes(id: id), !attributes.isFolder
        else { throw HTTPError(.notFound) }
        let etag = etag ?? "\"\(String(attributes.size, radix: 16))-\(String(Int(attributes.modificationDate.timeIntervalSince1970 * 1000), radix: 16))\""
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.cacheControl] = cacheControl
        headers[.contentType] = contentType
        SecurityHeaders.apply(to: &headers, policy: Self.filePolicy)
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(attributes.size)
        return Response(status: .ok, headers: headers, body: try await files.loadFile(id: id, context: context))
    }

    /// The content type for `name` if it is a plain file name of a served type, otherwise `nil`.
    static func contentType(forSafeName name: String) -> String? {
        guard (1...200).contains(name.utf8.count), let first = name.utf8.first, first != UInt8(ascii: "."),
            name.utf8.allSatisfy(isSafe), !name.contains(".."),
            let dot = name.lastIndex(of: ".")
        else { return nil }
        return contentTypes[name[name.index(after: dot)...].lowercased()]
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}

/// Media files: the bytes live in the store, and this node's media folder caches them. A file not
/// in the folder yet (uploaded through another node, or a node that starts empty) is read from the
/// store once, written to the folder, and served from there from then on.
///
/// A file is served only while the store has its record, checked once per content generation: an
/// image deleted through any node stops being served by every node within a second, and leaves
/// their folders when next asked for. Its `ETag` is its name (a hash of its bytes), the same on every node.
struct MediaFiles<Store: MediaStore>: Sendable {
    let folder: StaticFiles
    let directory: String
    let store: Store
    let changes: ChangeFeed
    let recorded = RecordedNames()

    /// The media file named `name`, from the folder or, the first time, from the store.
    func response(for name: String, request: Request, context: some RequestContext) async throws -> Response {
        guard StaticFiles.contentType(forSafeName: name) != nil else { throw HTTPError(.notFound) }
        let generation = changes.generation
        if !recorded.contains(name, generation: generation) {
            guard try await store.media(fileName: name) != nil else {
                try await MediaLibrary<Store>.removeCached(name, in: directory)
                throw HTTPError(.notFound)
            }
            recorded.insert(name, generation: generation)
        }
        let etag = "\"\(name)\""
        do {
            return try await folder.response(for: name, request: request, context: context, etag: etag)
        } catch let error as HTTPError where error.status == .notFound {
            guard let bytes = try await store.mediaBytes(fileName: name) else { throw error }
            try await MediaLibrary<Store>.cache(bytes, as: name, in: directory)
            return try await folder.response(for: name, request: request, context: context, etag: etag)
        }
    }
}

/// The media names found in the store during one content generation; a new generation forgets them.
final class RecordedNames: Sendable {
    private let state = Mutex((generation: UInt64(0), names: Set<String>()))

    /// Whether `name` was found during `generation`.
    func contains(_ name: String, generation: UInt64) -> Bool {
        state.withLock { $0.generation == generation && $0.names.contains(name) }
    }

    /// Notes that `name` was found during `generation`.
    func insert(_ name: String, generation: UInt64) {
        state.withLock { state in
            if state.generation != generation { state = (generation, []) }
            state.names.insert(name)
        }
    }
}

/// Routes for media files, the public theme's assets and the newsroom's assets.
struct StaticFilesController<Store: MediaStore> {
    let media: MediaFiles<Store>
    let assets: StaticFiles
    let adminAssets: StaticFiles

    func addRoutes(to router: Router<KioskRequestContext>) {
        router.get("/media/:file") { request, context in
            try await media.response(for: context.parameters.get("file") ?? "", request: request, context: context)
        }
        for (prefix, files) in [("/assets", assets), ("/admin/assets", adminAssets)] {
            router.get(RouterPath(prefix + "/:file")) { request, context in
                try await files.response(for: context.parameters.get("file") ?? "", request: request, context: context)
            }
        }
    }
}
