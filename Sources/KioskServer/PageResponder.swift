import Foundation
import Hummingbird
import KioskStore

/// What a reader route produced: an HTML page or another document to send (and cache), or a permanent redirect.
enum PageOutcome {
    case page(String)
    case document(String, contentType: String)
    case redirect(to: String)
}

/// How pages tell caches in front of Kiosk (CDNs, proxies, browsers) how long they may keep them.
public struct CachePolicy: Sendable {
    /// Seconds a shared cache may serve a page without asking again (`s-maxage`).
    public var sharedMaxAge: Int
    /// Seconds a shared cache may serve a stale page while it fetches a fresh one (`stale-while-revalidate`).
    public var staleWhileRevalidate: Int

    /// Creates a policy.
    public init(sharedMaxAge: Int = 60, staleWhileRevalidate: Int = 30) {
        self.sharedMaxAge = sharedMaxAge
        self.staleWhileRevalidate = staleWhileRevalidate
    }

    /// The `Cache-Control` value of a page. Browsers revalidate every time (cheap with the ETag), so a
    /// reader never sees a page older than the last change.
    var headerValue: String {
        "public, max-age=0, s-maxage=\(sharedMaxAge), stale-while-revalidate=\(staleWhileRevalidate)"
    }
}

/// Answers reader routes from the page cache, rendering and caching on a miss, with ETag, 304 and gzip.
struct PageResponder: Sendable {
    let cache: PageCache
    /// The store's change feed, whose generation tells current pages from stale ones.
    let changes: ChangeFeed
    let policy: CachePolicy

    /// The response for `request`: the cached page if it is current, otherwise what `render` makes of it.
    /// `key` names the page in the cache; by default the path and page number.
    func respond(to request: Request, key: String? = nil, render: () async throws -> PageOutcome) async throws -> Response {
        let key = key ?? Self.key(for: request)
        let current = changes.generation
        if let page = cache.page(for: key, generation: current) {
            return response(page, for: request)
        }
        switch try await render() {
        case .redirect(let path):
            return .redirect(to: path, type: .permanent)
        case .page(let html):
            return store(html, contentType: "text/html; charset=utf-8", key: key, generation: current, request: request)
        case .document(let text, let contentType):
            return store(text, contentType: contentType, key: key, generation: current, request: request)
        }
    }

    private func store(_ text: String, contentType: String, key: String, generation: UInt64, request: Request) -> Response {
        let page = CachedPage(
            text: text, contentType: contentType, generation: generation, renderedAt: Date(),
            compress: cache.isEnabled || Self.acceptsGzip(request), cacheControl: policy.headerValue)
        cache.insert(page, for: key)
        return response(page, for: request)
    }

    /// The cache key: the path, plus the page number, the only query parameter a page depends on.
    static func key(for request: Request) -> String {
        guard let page = request.uri.queryParameters.get("page") else { return request.uri.path }
        return request.uri.path + "?page=" + page
    }

    /// Whether the client accepts gzip: `gzip` or `*` listed with no quality, or a quality above 0.
    static func acceptsGzip(_ request: Request) -> Bool {
        guard let header = request.headers[.acceptEncoding] else { return false }
        return header.split(separator: ",").contains { coding in
            let parts = coding.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" || parts.first == "*" else { return false }
            guard let quality = parts.dropFirst().first(where: { $0.hasPrefix("q=") }) else { return true }
            return (Double(quality.dropFirst(2)) ?? 0) > 0
        }
    }

    private func response(_ page: CachedPage, for request: Request) -> Response {
        if let match = request.headers[.ifNoneMatch], Self.matches(match, etag: page.etag) {
            return Response(status: .notModified, headers: page.notModifiedHeaders)
        }
        if let gzipped = page.gzipped, Self.acceptsGzip(request) {
            return Response(status: .ok, headers: page.gzipHeaders, body: .init(byteBuffer: gzipped))
        }
        return Response(status: .ok, headers: page.identityHeaders, body: .init(byteBuffer: page.body))
    }

    /// Whether an `If-None-Match` value names `etag` (or is `*`); weak forms compare equal, as RFC 9110 says for GET.
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
