import Foundation

/// A small reader of the messages `MailMessage` renders, to check them by decoding them back.
struct MIMEReader {
    /// The header lines as written (folded), without CRLF.
    let headerLines: [String]
    /// The fields, unfolded, in order.
    let fields: [(name: String, value: String)]
    /// Everything after the blank line.
    let body: String

    /// Splits `bytes` into header and body.
    init(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { throw MailTestError("no blank line after the header") }
        headerLines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        body = String(text[end.upperBound...])
        var fields: [(name: String, value: String)] = []
        for line in headerLines {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = fields.popLast() {
                fields.append((last.name, last.value + line))
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            } else {
                throw MailTestError("a header line without a colon: \(line)")
            }
        }
        self.fields = fields
    }

    /// The unfolded value of the field `name`.
    func field(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The parts of a multipart body with `boundary`, each split into header and body.
    func parts(boundary: String) throws -> [MIMEReader] {
        let pieces = body.components(separatedBy: "--" + boundary)
        guard pieces.count >= 3, pieces.last == "--\r\n" else { throw MailTestError("the multipart body is not closed") }
        return try pieces.dropFirst().dropLast().map { piece in
            guard piece.hasPrefix("\r\n"), piece.hasSuffix("\r\n") else { throw MailTestError("a part is not framed by CRLF") }
            return try MIMEReader(Array(piece.utf8.dropFirst(2).dropLast(2)))
        }
    }

    /// Decodes a quoted-printable body.
    static func decodeQuotedPrintable(_ text: String) throws -> String {
        var bytes: [UInt8] = []
        let input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "=") {
                guard index + 2 < input.count, let value = UInt8(String(decoding: input[index + 1...index + 2], as: UTF8.self), radix: 16)
                else { throw MailTestError("a bad escape in quoted-printable text") }
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes the RFC 2047 encoded-words in an unfolded header value; white space between two of them is dropped.
    static func decodeEncodedWords(_ value: String) throws -> String {
        let pattern = /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/
        var result = ""
        var rest = value[...]
        var afterWord = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(afterWord && between.allSatisfy(\.isWhitespace)) { result += between }
            guard let data = Data(base64Encoded: String(match.output.1)) else { throw MailTestError("bad base64 in \(match.output.0)") }
            result += String(decoding: data, as: UTF8.self)
            rest = rest[match.range.upperBound...]
            afterWord = true
        }
        return result + rest
    }
}
