import Hummingbird

/// Builds HTML responses.
enum HTMLPage {
    /// A rendered page with its content type and caching policy.
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = status == .ok ? "public, max-age=60" : "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
