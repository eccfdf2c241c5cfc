import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import Logging

/// The answer of a JSON API to a request that cannot be served, as an RFC 9457 problem document.
struct Problem: Error {
    let status: HTTPResponse.Status
    let detail: String

    init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    /// The one place that decides how the JSON APIs answer an error: mistakes the caller can fix get
    /// their status and a detail a person can act on; failures of ours get a 500 (or a 503 while the
    /// database is unreachable) without details, which go to the log.
    static func from(_ error: any Error, notFound: String, logger: Logger, path: String) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HTTPError where error.status.code < 500:
            return Problem(error.status, error.status == .notFound ? notFound : error.status.reasonPhrase)
        case let error as ValidationError:
            return Problem(.unprocessableContent, error.message)
        case let error as WorkflowError:
            return Problem(.conflict, error.message)
        case let conflict as EditConflict:
            return Problem(
                .conflict,
                "The article changed since the version you sent; it is now at version \(conflict.currentVersion). Your content was kept as revision \(conflict.keptRevision); read the article again and resend.")
        case StoreError.slugTaken(let slug):
            return Problem(.unprocessableContent, "The slug “\(slug)” is already in use.")
        case StoreError.missingReference:
            return Problem(.unprocessableContent, "A referenced section, series, topic, author or media item does not exist.")
        case StoreError.duplicate(let what), StoreError.inUse(let what):
            return Problem(.conflict, what)
        case StoreError.notFound:
            return Problem(.notFound, notFound)
        case StoreError.unavailable(let detail):
            logger.error("Database unavailable", metadata: ["path": "\(path)", "error": "\(detail)"])
            return Problem(.serviceUnavailable, "The database cannot be reached just now; nothing was changed. Try again in a moment.")
        default:
            logger.error("API request failed", metadata: ["path": "\(path)", "error": "\(String(reflecting: error))"])
            return Problem(.internalServerError, "Something went wrong on our side; nothing was changed. Try again in a moment.")
        }
    }

    /// The problem document as a response.
    var response: Response {
        let object: [String: Any] = ["type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        if status == .serviceUnavailable { headers[.retryAfter] = "5" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
