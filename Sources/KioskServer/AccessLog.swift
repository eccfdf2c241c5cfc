import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The id of the request being served, for every log line it causes.
public enum RequestID {
    /// The id of the request the current task serves, if any.
    @TaskLocal public static var current: String?

    /// Adds `request` to the metadata of every log line written while a request is served, by any
    /// logger: install it with `LoggingSystem.bootstrap(_:metadataProvider:)`.
    public static let metadataProvider = Logger.MetadataProvider {
        current.map { ["request": .string($0)] } ?? [:]
    }

    /// A new id: 16 hexadecimal digits.
    static func make() -> String {
        String(format: "%016llx", UInt64.random(in: 0...UInt64.max))
    }
}

/// One log line per request (route, status, time, size, client), counted for `/metrics` too, under a new request id, which the
/// response carries as `X-Request-Id` and every log line of the request names. Paths are logged as
/// their route with its parameters, except those that carry a secret (one-time links' tokens), and
/// without the query, which may hold an access key; a path no route knows is logged by its first
/// segment only.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = RequestID.make()
        let started = ContinuousClock.now
        var response = try await RequestID.$current.withValue(id) {
            try await next(request, context)
        }
        response.headers[.requestID] = id
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let route = Self.loggedPath(request: request, context: context)
        ServerMetrics.request(route: Self.routePattern(context), method: request.method.rawValue, status: response.status.code, duration: elapsed)
        var metadata: Logger.Metadata = [
            "request": .string(id), "method": .string(request.method.rawValue), "route": .string(route),
            "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.1f", milliseconds)),
            "client": .string(context.client?.description ?? "unknown"),
        ]
        if let bytes = response.body.contentLength { metadata["bytes"] = .stringConvertible(bytes) }
        logger.info("\(request.method.rawValue) \(route) \(response.status.code)", metadata: metadata)
        return response
    }

    /// The route's pattern, as `/metrics` labels requests: "/articles/{slug}", or "NotFound".
    static func routePattern(_ context: Context) -> String {
        guard let pattern = context.endpointPath, pattern != "NotFound" else { return "NotFound" }
        return pattern.hasPrefix("/") ? pattern : "/" + pattern
    }

    /// The path as logged: the route's pattern with its parameters filled in, secrets left out.
    static func loggedPath(request: Request, context: Context) -> String {
        guard let pattern = context.endpointPath, pattern != "NotFound" else {
            let first = request.uri.path.split(separator: "/").first.map { String($0.prefix(64)) } ?? ""
            return "/" + first + (request.uri.path.split(separator: "/").count > 1 ? "/… (no route)" : " (no route)")
        }
        return "/" + pattern.split(separator: "/").map { segment -> String in
            // Parameters appear as {name}; a token's stays a placeholder.
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return String(segment) }
            let name = String(segment.dropFirst().dropLast())
            guard !name.lowercased().contains("token"), let value = context.parameters.get(name) else { return String(segment) }
            return String(value.prefix(120))
        }.joined(separator: "/")
    }
}

extension HTTPField.Name {
    /// The id of the request, for finding its log lines.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
