import Foundation
import Hummingbird
import KioskStore
import Logging
import NIOPosix

/// Serves files from one folder by plain file name only, so no request can reach outside it.
struct StaticFiles: Sendable {
    /// File types served, by extension.
    static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif", "avif": "image/avif",
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
    /// The `ETag` is `etag` when given, otherwise made from the file's size and modification time;
    /// `cacheControl` replaces the folder's own.
    func response(
        for name: String, request: Request, context: some RequestContext, etag: String? = nil, cacheControl: String? = nil
    ) async throws -> Response {
        guard let contentType = Self.contentType(forSafeName: name),
            let id = files.getFileIdentifier("/" + name),
            let attributes = try await files.getAttributes(id: id), !attributes.isFolder
        else { throw HTTPError(.notFound) }
        let etag = etag ?? "\"\(String(attributes.size, radix: 16))-\(String(Int(attributes.modificationDate.timeIntervalSince1970 * 1000), radix: 16))\""
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.cacheControl] = cacheControl ?? self.cacheControl
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

/// Routes for the public theme's assets and the newsroom's assets.
struct StaticFilesController {
    let assets: StaticFiles
    let adminAssets: StaticFiles

    func addRoutes(to router: Router<KioskRequestContext>) {
        for (prefix, files) in [("/assets", assets), ("/admin/assets", adminAssets)] {
            router.get(RouterPath(prefix + "/:file")) { request, context in
                try await files.response(for: context.parameters.get("file") ?? "", request: request, context: context)
            }
        }
    }
}
