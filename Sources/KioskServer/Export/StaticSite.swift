import Foundation
import HTTPTypes
import Hummingbird
import KioskImport
import Logging
import NIOCore

/// The public site written out as plain files that any web server or CDN can serve: every page
/// reachable from the front page, the sitemaps and the feeds (articles, pages, every listing page,
/// feeds, sitemaps, robots.txt), every image and the theme's assets. Pages are rendered by the same
/// router that serves them, in-process, and each is written as `PATH/index.html`; links between
/// pages are rewritten to those folders (`/articles/slug/`, `/latest/page/2/`), so they resolve on
/// a server that serves a folder's `index.html`. The search form and newsletter sign-up need the
/// running program and are left as they are.
public struct StaticSite {
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

    /// Writes the site into `folder`, which must not exist or be empty.
    public func write(to folder: URL, progress: (String) -> Void) async throws -> Summary {
        let files = FileManager.default
        if files.fileExists(atPath: folder.path), !(try files.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw ExportError("\(folder.path) is not empty; write the static site into a new folder.")
        }
        var queue = ["/", "/robots.txt", "/sitemap.xml", "/sitemap-news.xml", "/feed.xml", "/feed.atom", "/feed.json", "/newsletter"]
        var seen = Set(queue)
        var summary = Summary()
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard let (status, contentType, body) = try await fetch(path), status == .ok else { continue }
            var bytes = body
            var found: [String] = []
            if contentType.hasPrefix("text/html") {
                let html = String(decoding: body, as: UTF8.self)
                let links = HTMLLinks.addresses(in: html).compactMap(localPath)
                found = links
                bytes = Array(Self.rewritingLinks(in: html, links).utf8)
                summary.pages += 1
            } else {
                if contentType.contains("xml") { found = Self.locations(in: String(decoding: body, as: UTF8.self)).compactMap(localPath) }
                summary.files += 1
            }
            let file = folder.appendingPathComponent(Self.file(for: path))
            try files.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            summary.bytes += bytes.count
            for next in found where !seen.contains(next) {
                seen.insert(next)
                queue.append(next)
            }
            if (summary.pages + summary.files) % 500 == 0 { progress("\(summary.pages) pages and \(summary.files) files written") }
        }
        return summary
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

    /// `html` with each of `links` (as its attribute value) pointing at its folder in the static site.
    static func rewritingLinks(in html: String, _ links: [String]) -> String {
        var html = html
        for link in Set(links) {
            let target = staticLink(for: link)
            guard target != link else { continue }
            for quote in ["\"", "'"] {
                html = html.replacingOccurrences(of: "=\(quote)\(link)\(quote)", with: "=\(quote)\(target)\(quote)")
                html = html.replacingOccurrences(of: "=\(quote)\(link)#", with: "=\(quote)\(target)#")
            }
        }
        return html
    }

    /// The `<loc>` addresses of a sitemap.
    static func locations(in xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
    }

    private func fetch(_ path: String) async throws -> (HTTPResponse.Status, String, [UInt8])? {
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path), body: RequestBody(buffer: ByteBuffer()))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: KioskRequestContext(exporting: logger))
        } catch {
            return nil
        }
        let collected = CollectedBytes()
        try await response.body.write(BodyCollector(into: collected))
        return (response.status, response.headers[.contentType] ?? "", collected.bytes)
    }
}

/// The bytes of one response body, as they are written.
private final class CollectedBytes: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// Gathers a response body's bytes (the writer is handed over by value, so they go to a shared box).
private struct BodyCollector: ResponseBodyWriter {
    let into: CollectedBytes

    mutating func write(_ buffer: ByteBuffer) async throws {
        into.bytes += buffer.readableBytesView
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
