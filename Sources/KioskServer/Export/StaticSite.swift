import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The public site written out as plain files that any web server or CDN can serve: every page
/// reachable from the front page, the sitemaps and the feeds (articles, pages, every listing page,
/// feeds, sitemaps, robots.txt), every image and the theme's assets. Pages are rendered by the same
/// router that serves them, in-process, and each is written as `PATH/index.html`; links between
/// pages are rewritten to those folders (`/articles/slug/`, `/latest/page/2/`), so they resolve on
/// a server that serves a folder's `index.html`. The search form and newsletter sign-up need the
/// running program and are left as they are.
public struct StaticSite: Sendable {
    let responder: any HTTPResponder<KioskRequestContext>
    let publicURL: String
    let logger: Logger

    /// Addresses never crawled: the newsroom, the APIs and the pages that need the running program.
    static let excluded = ["/admin", "/api", "/newsletter/subscribe", "/healthz", "/readyz"]

    /// Creates an exporter rendering with `router`, whose pages name `publicURL` as their address.
    public init(router: Router<KioskRequestContext>, publicURL: String, logger: Logger) {
        responder = router.buildResponder()
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.logger = logger
    }

    /// What an export wrote.
    public struct Summary: Sendable {
        /// HTML pages.
        public var pages = 0
        /// Other files: feeds, sitemaps, images, assets.
        public var files = 0
        /// Bytes written.
        public var bytes = 0
    }

    /// How many pages are rendered and written at once.
    static let concurrentPages = 8

    /// What writing one address gave: whether it was a page, its size, and the addresses it links to.
    struct Written: Sendable {
        let isPage: Bool
        let bytes: Int
        let links: [String]
    }

    /// Writes the site into `folder`, which must not exist or be empty. The site is walked breadth
    /// first from the front page, the sitemaps and the feeds, several pages at a time.
    public func write(to folder: URL, progress: (String) -> Void) async throws -> Summary {
        let files = FileManager.default
        if files.fileExists(atPath: folder.path), !(try files.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw ExportError("\(folder.path) is not empty; write the static site into a new folder.")
        }
        var frontier = ["/", "/robots.txt", "/sitemap.xml", "/sitemap-news.xml", "/feed.xml", "/feed.atom", "/feed.json", "/newsletter"]
        var seen = Set(frontier)
        var summary = Summary()
        var reported = 0
        while !frontier.isEmpty {
            let level = frontier
            frontier = []
            try await withThrowingTaskGroup(of: Written?.self) { group in
                var next = level.makeIterator()
                for _ in 0..<Self.concurrentPages {
                    guard let path = next.next() else { break }
                    group.addTask { try await write(path, into: folder) }
                }
                while let result = try await group.next() {
                    if let path = next.next() { group.addTask { try await write(path, into: folder) } }
                    guard let written = result else { continue }
                    if written.isPage { summary.pages += 1 } else { summary.files += 1 }
                    summary.bytes += written.bytes
                    for link in written.links where seen.insert(link).inserted { frontier.append(link) }
                }
            }
            if summary.pages + summary.files >= reported + 500 {
                reported = summary.pages + summary.files
                progress("\(summary.pages) pages and \(summary.files) files written")
            }
        }
        return summary
    }

    /// Renders `path` and writes it into `folder`, its links pointing at their folders; `nil` when it does not answer 200.
    /// An original image's address (which bodies may link) gets its largest rendition's bytes,
    /// where the server would send readers to them.
    private func write(_ path: String, into folder: URL) async throws -> Written? {
        guard var answer = try await fetch(path) else { return nil }
        var links: [String] = []
        if answer.status == .movedPermanently, path.hasPrefix("/media/"), let target = answer.location.flatMap(localPath), target.hasPrefix("/media/r/"),
            let rendition = try await fetch(target)
        {
            answer = rendition
            links.append(target)
        }
        let (status, contentType, body, _) = answer
        guard status == .ok else { return nil }
        let written: Written
        var bytes = body
        if contentType.hasPrefix("text/html") {
            let rewritten = rewritingLinks(in: body)
            bytes = rewritten.html
            written = Written(isPage: true, bytes: bytes.count, links: rewritten.links)
        } else {
            if contentType.contains("xml") { links += Self.locations(in: String(decoding: body, as: UTF8.self)).compactMap(localPath) }
            written = Written(isPage: false, bytes: bytes.count, links: links)
        }
        let file = folder.appendingPathComponent(Self.file(for: path))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return written
    }

    /// The path of a link that stays on this site and is worth writing, without fragment and
    /// without any query but a page number; `nil` for the rest.
    func localPath(_ address: String) -> String? {
        var address = address
        if address.hasPrefix(publicURL + "/") { address = String(address.dropFirst(publicURL.count)) }
        guard address.hasPrefix("/"), !address.hasPrefix("//") else { return nil }
        if let hash = address.firstIndex(of: "#") { address = String(address[..<hash]) }
        let parts = address.split(separator: "?", maxSplits: 1).map(String.init)
        let path = parts.first ?? "/"
        guard !Self.excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return nil }
        if parts.count == 2, let page = Self.pageNumber(parts[1]), page > 1 { return "\(path)?page=\(page)" }
        return path
    }

    private static func pageNumber(_ query: String) -> Int? {
        query.split(separator: "&").first { $0.hasPrefix("page=") }.flatMap { Int($0.dropFirst(5)) }
    }

    /// Where the response for `path` is written: `PATH/index.html` for pages (`PATH/page/N/index.html`
    /// for a listing's page N), the path itself for files.
    static func file(for path: String) -> String {
        let parts = path.split(separator: "?", maxSplits: 1).map(String.init)
        let base = parts[0] == "/" ? "" : String(parts[0].dropFirst())
        if base.split(separator: "/").last?.contains(".") == true { return base }
        let page = parts.count == 2 ? pageNumber(parts[1]).map { "page/\($0)/" } ?? "" : ""
        let folder = base.isEmpty ? "" : base + "/"
        return folder + page + "index.html"
    }

    /// The address a page's link gets in the static site.
    static func staticLink(for path: String) -> String {
        let file = file(for: path)
        return file.hasSuffix("index.html") ? "/" + file.dropLast("index.html".count) : path
    }

    /// The site's own links among the attribute values of `html` (Kiosk's own pages, where every
    /// attribute value is quoted and every quote in text escaped), and `html` with each link that is
    /// a bare path (with or without a fragment) pointing at its folder in the static site. One pass
    /// over the bytes.
    func rewritingLinks(in html: [UInt8]) -> (html: [UInt8], links: [String]) {
        var output: [UInt8] = []
        output.reserveCapacity(html.count + html.count / 16)
        var links: [String] = []
        var copied = 0
        var index = 0
        while index + 2 < html.count {
            guard html[index] == UInt8(ascii: "="), html[index + 1] == UInt8(ascii: "\"") || html[index + 1] == UInt8(ascii: "'") else {
                index += 1
                continue
            }
            let quote = html[index + 1]
            let start = index + 2
            guard let end = html[start...].firstIndex(of: quote) else { break }
            index = end + 1
            guard start < end, html[start] == UInt8(ascii: "/") || html[start] == UInt8(ascii: "h") else { continue }
            let value = String(decoding: html[start..<end], as: UTF8.self)
            if value.contains(" ") {
                // An `srcset`: addresses (files, never rewritten) each followed by a width.
                links += value.split(separator: ",").compactMap { $0.split(separator: " ").first.flatMap { localPath(String($0)) } }
                continue
            }
            guard let link = localPath(value) else { continue }
            links.append(link)
            let base = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let target = Self.staticLink(for: link)
            guard String(base[0]) == link, target != link else { continue }
            output += html[copied..<start]
            output += Array(target.utf8)
            if base.count == 2 { output += Array(("#" + base[1]).utf8) }
            copied = end
        }
        output += html[copied...]
        return (output, links)
    }

    /// The `<loc>` addresses of a sitemap.
    static func locations(in xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
    }

    /// The status, content type, body and `Location` of the router's answer to `path`.
    private func fetch(_ path: String) async throws -> (status: HTTPResponse.Status, contentType: String, body: [UInt8], location: String?)? {
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path), body: RequestBody(buffer: ByteBuffer()))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: KioskRequestContext(exporting: logger))
        } catch {
            return nil
        }
        let collected = CollectedBytes()
        try await response.body.write(BodyCollector(into: collected))
        return (response.status, response.headers[.contentType] ?? "", collected.bytes.withLock { $0 }, response.headers[.location])
    }
}

/// The bytes of one response body, as they are written.
private final class CollectedBytes: Sendable {
    let bytes = Mutex<[UInt8]>([])
}

/// Gathers a response body's bytes (the writer is handed over by value, so they go to a shared box).
private struct BodyCollector: ResponseBodyWriter {
    let into: CollectedBytes

    mutating func write(_ buffer: ByteBuffer) async throws {
        into.bytes.withLock { $0 += buffer.readableBytesView }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// The source of contexts for requests made inside the process, which have no connection.
private struct InProcessSource: RequestContextSource {
    let logger: Logger
}

extension KioskRequestContext {
    /// The context of a request made inside the process (a static export), from no client.
    init(exporting logger: Logger) {
        coreContext = .init(source: InProcessSource(logger: logger))
        remoteAddress = nil
        client = nil
    }
}
