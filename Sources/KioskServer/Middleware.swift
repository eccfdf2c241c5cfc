import HTTPTypes
import Hummingbird
import KioskCore
import KioskRender
import KioskStore
import Logging

/// Turns every error into the theme's friendly error page; details go to the log, never to the reader.
struct ErrorPageMiddleware<Store: PublicationStore>: RouterMiddleware {
    typealias Context = KioskRequestContext

    let site: SiteContextCache<Store>
    let renderer: PageRenderer
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            // HTTPError and NIO's too-many-bytes error alike: the reader's mistake, shown as such.
            return try await page(status: error.status, for: request)
        } catch StoreError.unavailable(let detail) {
            logger.error("Database unavailable", metadata: ["route": "\(AccessLogMiddleware.loggedPath(request: request, context: context))", "error": "\(detail)"])
            var response = try await page(status: .serviceUnavailable, for: request)
            response.headers[.retryAfter] = "5"
            return response
        } catch {
            logger.error("Request failed", metadata: ["route": "\(AccessLogMiddleware.loggedPath(request: request, context: context))", "error": "\(String(reflecting: error))"])
            return try await page(status: .internalServerError, for: request)
        }
    }

    private func page(status: HTTPResponse.Status, for request: Request) async throws -> Response {
        let html: String
        do {
            html = renderer.errorPage(status: status.code, site: try await site.current())
        } catch {
            logger.error("Error page could not be rendered", metadata: ["error": "\(String(reflecting: error))"])
            html = "<!doctype html><html lang=\"en\"><title>Error</title><h1>Something went wrong</h1></html>"
        }
        let response = HTMLPage.response(html, status: status)
        return request.method == .head ? response.createHeadResponse() : response
    }
}

/// Refuses requests whose address is longer than any page of ours could need.
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    /// The longest path and query accepted, in bytes: room for a long search, far below what could hurt.
    static let maximumURILength = 16_384

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.description.utf8.count <= Self.maximumURILength else { throw HTTPError(.uriTooLong) }
        return try await next(request, context)
    }
}

/// Headers that keep browsers from sniffing types, framing pages or loading anything from elsewhere.
enum SecurityHeaders {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// The content security policy of pages: everything from this site only, nothing inline.
    static let pagePolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    /// Browser features no page of ours uses, turned off for every page and anything it embeds.
    static let permissions = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"

    /// Adds the headers to `headers`, with `policy` as the content security policy unless one is set.
    static func apply(to headers: inout HTTPFields, policy: String = pagePolicy) {
        headers[.xContentTypeOptions] = "nosniff"
        headers[referrerPolicy] = "strict-origin-when-cross-origin"
        headers[.permissionsPolicy] = permissions
        if headers[.contentSecurityPolicy] == nil {
            headers[.contentSecurityPolicy] = policy
        }
    }
}

/// Makes sure every response carries the security headers (cached pages come with them already)
/// and names the node that answered in `X-Kiosk-Node`.
struct ResponseHeadersMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    /// The header naming the node that answered.
    static let node = HTTPField.Name("X-Kiosk-Node")!

    /// This node's id.
    let nodeID: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.xContentTypeOptions] == nil {
            SecurityHeaders.apply(to: &response.headers)
        }
        response.headers[Self.node] = nodeID
        return response
    }
}

/// For a site whose public address is HTTPS: a request a trusted proxy received over plain HTTP is
/// sent to the same address over HTTPS, and every response tells browsers to use HTTPS only
/// (`Strict-Transport-Security`). What the proxy says decides only the redirect: cookies are
/// `Secure` whatever it says.
struct HTTPSOnlyMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    /// `https://host[:port]` of the public address.
    let publicOrigin: String
    /// How long browsers must keep to HTTPS, in seconds; 0 sends no header.
    let maxAge: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.forwardedScheme == "http" {
            let target = publicOrigin + request.uri.description
            // 308 keeps the method and body of a form; GET and HEAD get the permanent redirect browsers cache.
            return Response(
                status: request.method == .get || request.method == .head ? .movedPermanently : .permanentRedirect, headers: [.location: target])
        }
        var response = try await next(request, context)
        if maxAge > 0 { response.headers[.strictTransportSecurity] = "max-age=\(maxAge)" }
        return response
    }
}

/// Old addresses of imported stories and pages (WordPress's `/2025/06/slug/` and `?p=ID`, Ghost's
/// `/slug/`, Substack's `/p/slug`) answer `301` with where they live now. Only requests no route
/// answers are looked up, so an old address never hides a page of the site.
struct OldAddressMiddleware<Store: PublicationStore>: RouterMiddleware {
    typealias Context = KioskRequestContext

    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        if request.uri.path == SitePaths.home, let old = OldAddress.normalized(path: SitePaths.home, query: request.uri.query),
            let current = try await store.currentPath(forOldPath: old)
        {
            return .redirect(to: current, type: .permanent)
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let old = OldAddress.normalized(path: request.uri.path), let current = try await store.currentPath(forOldPath: old) else { throw error }
            return .redirect(to: current, type: .permanent)
        }
    }
}
