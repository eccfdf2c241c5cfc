import Foundation
import Hummingbird

/// The fields of a submitted form, in order, with repeated names kept (checkbox lists, ordered bylines).
struct FormFields: Sendable {
    /// The largest form body accepted, in bytes: room for a very long article.
    static let maximumBytes = 2 << 20

    private let pairs: [(name: String, value: String)]

    /// Parses `application/x-www-form-urlencoded` text; malformed escapes are kept as typed.
    init(encoded text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Creates fields from decoded pairs (multipart forms).
    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Reads and parses the body of `request`; too large a body is refused with a message.
    static func read(_ request: Request) async throws -> FormFields {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw NewsroomRefusal.badRequest("This address expects a form submitted from the newsroom.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw NewsroomRefusal.badRequest("The form is larger than \(maximumBytes >> 20) MB; shorten the text and try again.")
        }
        return FormFields(encoded: String(buffer: buffer))
    }

    /// The first value of `name`, or `nil`.
    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The first value of `name`, or empty text.
    func text(_ name: String) -> String {
        self[name] ?? ""
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The values of `name` that are whole numbers, skipping empty choices.
    func ids(_ name: String) -> [Int64] {
        all(name).compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
