import Crypto
import Foundation

/// Signs rendered messages with DKIM (RFC 6376): relaxed/relaxed canonicalization, SHA-256, and an
/// RSA or Ed25519 key whose public half is published at SELECTOR._domainkey.DOMAIN.
public struct DKIMSigner: Sendable {
    /// The signing domain, `d=`.
    public let domain: String
    /// The selector, `s=`.
    public let selector: String
    private let key: DKIMKey

    /// The header fields signed when the message has them, in this order.
    static let signedFields = [
        "from", "reply-to", "to", "subject", "date", "message-id", "mime-version", "content-type", "content-transfer-encoding",
        "list-id", "list-unsubscribe", "list-unsubscribe-post",
    ]

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Creates a signer; throws unless `domain` and `selector` are DNS names of letters, digits and hyphens.
    public init(key: DKIMKey, domain: String, selector: String) throws(MailError) {
        for (what, name) in [("domain", domain), ("selector", selector)] where !Self.isDNSName(name) {
            throw .dkim("The DKIM \(what) “\(name)” is not a DNS name: labels of letters, digits and inner hyphens, separated by dots.")
        }
        self.key = key
        self.domain = domain
        self.selector = selector
    }

    /// `message` (rendered with CRLF line endings, not yet dot-stuffed: the bytes the SMTP server
    /// gets back after undoing the dots) with a DKIM-Signature field in front, signed at `time`.
    public func sign(_ message: [UInt8], at time: Date) throws(MailError) -> [UInt8] {
        let (fields, body) = Self.split(message)
        let covered = Self.signedFields.compactMap { name in fields.last { $0.name.lowercased() == name } }
        guard covered.first?.name.lowercased() == "from" else { throw .dkim("A message without a From field cannot be DKIM-signed.") }
        let bodyHash = Data(SHA256.hash(data: Self.relaxedBody(body))).base64EncodedString()

        var header = HeaderField(name: "DKIM-Signature")
        for tag in ["v=1;", "a=\(key.algorithm);", "c=relaxed/relaxed;", "d=\(domain);", "s=\(selector);", "t=\(Int(time.timeIntervalSince1970));"] {
            header.append(tag)
        }
        // h= may fold after each colon, so that no line has to be long.
        for (index, field) in covered.enumerated() {
            let name = field.name.lowercased() + (index == covered.count - 1 ? ";" : ":")
            header.append(index == 0 ? "h=" + name : name, spaced: index == 0)
        }
        header.append("bh=\(bodyHash);")
        header.append("b=")

        // What is signed: the covered fields, then this one with b= empty and no final CRLF (RFC 6376 §3.7).
        var signedBytes = covered.flatMap { Self.relaxedHeader(name: $0.name, value: $0.value) + [Self.cr, Self.lf] }
        let headerBytes = Array(header.text.utf8)
        signedBytes += Self.relaxedHeader(name: "DKIM-Signature", value: headerBytes.drop { $0 != UInt8(ascii: ":") }.dropFirst())
        let signature = try key.signature(for: signedBytes).base64EncodedString()
        var start = signature.startIndex
        while start < signature.endIndex {
            let end = signature.index(start, offsetBy: 60, limitedBy: signature.endIndex) ?? signature.endIndex
            header.append(signature[start..<end], spaced: false)
            start = end
        }
        return Array((header.text + "\r\n").utf8) + message
    }

    /// One header field as written: its name, and the bytes after its colon up to and with its final CRLF.
    struct Field {
        let name: String
        let value: ArraySlice<UInt8>
    }

    /// The header fields of `message`, and its body: what follows the first empty line.
    static func split(_ message: [UInt8]) -> (fields: [Field], body: ArraySlice<UInt8>) {
        var fields: [Field] = []
        var lineStart = message.startIndex
        while lineStart < message.endIndex {
            let lineEnd = message[lineStart...].firstIndex(of: lf).map { $0 + 1 } ?? message.endIndex
            let line = message[lineStart..<lineEnd]
            if line.elementsEqual([cr, lf]) { return (fields, message[lineEnd...]) }
            if line.first == space || line.first == tab, let folded = fields.popLast() {
                fields.append(Field(name: folded.name, value: message[folded.value.startIndex..<lineEnd]))
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                fields.append(Field(name: String(decoding: line[..<colon], as: UTF8.self), value: message[(colon + 1)..<lineEnd]))
            }
            lineStart = lineEnd
        }
        return (fields, [])
    }

    /// RFC 6376 §3.4.2, relaxed header canonicalization: the name in lower case, a colon, and the
    /// value unfolded with each run of spaces and tabs made one space and none at either end. No CRLF.
    static func relaxedHeader(name: String, value: some Collection<UInt8>) -> [UInt8] {
        let collapsed = collapsingWhitespace(value.filter { $0 != cr && $0 != lf })
        return Array(name.lowercased().trimmingCharacters(in: .whitespaces).utf8) + [UInt8(ascii: ":")]
            + (collapsed.first == space ? collapsed.dropFirst() : collapsed[...])
    }

    /// RFC 6376 §3.4.4, relaxed body canonicalization: in each line, each run of spaces and tabs made
    /// one space and none at the end; empty lines at the end dropped; every line ended with CRLF.
    /// An empty body stays empty.
    static func relaxedBody(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var pendingEmptyLines = 0
        for var line in body.split(separator: lf, omittingEmptySubsequences: false) {
            if line.last == cr { line = line.dropLast() }
            let canonical = collapsingWhitespace(line)
            if canonical.isEmpty {
                pendingEmptyLines += 1
                continue
            }
            for _ in 0..<pendingEmptyLines { output += [cr, lf] }
            pendingEmptyLines = 0
            output += canonical + [cr, lf]
        }
        return output
    }

    /// `bytes` with each run of spaces and tabs made one space, and none at the end.
    private static func collapsingWhitespace(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var pendingSpace = false
        for byte in bytes {
            if byte == space || byte == tab {
                pendingSpace = true
                continue
            }
            if pendingSpace { output.append(space) }
            pendingSpace = false
            output.append(byte)
        }
        return output
    }

    /// Whether `name` is a DNS name: dot-separated labels of 1 to 63 letters, digits and hyphens, no hyphen at either end.
    private static func isDNSName(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return name.utf8.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }
}
