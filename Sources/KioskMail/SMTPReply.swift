import NIOCore

/// One reply of an SMTP server: the three-digit code and the text of each line.
struct SMTPReply: Sendable, Equatable {
    /// The reply code, e.g. 250.
    let code: Int
    /// The text after the code on each line, in order.
    let lines: [String]

    /// The text of all lines, joined by spaces.
    var message: String { lines.joined(separator: " ") }
}

/// Splits the bytes a server sends into replies, joining the lines of multi-line replies ("250-…" … "250 …").
struct SMTPReplyParser {
    /// The longest line accepted; RFC 5321 allows 512 bytes, servers are sometimes generous.
    static let lineLimit = 8192

    private var buffer = ByteBuffer()
    private var code: Int?
    private var lines: [String] = []

    /// Whether bytes of a reply that is not complete yet are waiting.
    var hasBufferedBytes: Bool { buffer.readableBytes > 0 || !lines.isEmpty }

    /// Adds bytes read from the server.
    mutating func append(_ bytes: inout ByteBuffer) {
        if buffer.readableBytes == 0 {
            buffer = bytes
        } else {
            buffer.writeBuffer(&bytes)
        }
    }

    /// The next complete reply, or nil when more bytes are needed; throws on a line that is not part of a reply.
    mutating func next() throws(MailError) -> SMTPReply? {
        while let line = try nextLine() {
            let utf8 = Array(line.utf8.prefix(4))
            guard utf8.count >= 3, utf8[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                let lineCode = Int(line.prefix(3)), code == nil || code == lineCode
            else { throw .malformedReply(String(line.prefix(80))) }
            code = lineCode
            lines.append(String(line.dropFirst(4)))
            if utf8.count == 3 || utf8[3] != UInt8(ascii: "-") {
                defer {
                    code = nil
                    lines = []
                }
                return SMTPReply(code: lineCode, lines: lines)
            }
        }
        return nil
    }

    /// The next line without its CRLF (or bare LF), or nil when no full line is buffered.
    private mutating func nextLine() throws(MailError) -> String? {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            guard buffer.readableBytes <= Self.lineLimit else { throw .malformedReply("a line longer than \(Self.lineLimit) bytes") }
            return nil
        }
        let length = newline - buffer.readerIndex
        guard var slice = buffer.readSlice(length: length + 1) else { return nil }
        let line = slice.readString(length: length) ?? ""
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}

/// The service extensions a server listed in its EHLO reply.
struct SMTPExtensions {
    private var parameters: [String: [String]] = [:]

    /// No extensions, as after HELO.
    init() {}

    /// Reads the keywords (uppercased) and their parameters from the lines after the first of an EHLO reply.
    init(ehloReply: SMTPReply) {
        for line in ehloReply.lines.dropFirst() {
            // "AUTH=LOGIN" is an old spelling of "AUTH LOGIN" that some servers still send.
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            if let keyword = words.first { parameters[keyword, default: []] += words.dropFirst() }
        }
    }

    /// Whether the server listed `keyword`, e.g. "PIPELINING".
    func offers(_ keyword: String) -> Bool { parameters[keyword] != nil }

    /// Whether the server listed `mechanism` after AUTH.
    func offersAuthentication(_ mechanism: String) -> Bool { parameters["AUTH"]?.contains(mechanism) ?? false }
}
