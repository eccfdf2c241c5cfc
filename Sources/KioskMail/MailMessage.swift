import Foundation
import KioskCore

/// One email ready to render: addresses, subject, extra headers and a text body with an optional HTML twin.
public struct MailMessage: Sendable {
    /// Who the message is from.
    public var from: MailAddress
    /// The one recipient.
    public var to: MailAddress
    /// Where replies go, when not to `from`.
    public var replyTo: MailAddress?
    /// The subject line, any Unicode.
    public var subject: String
    /// When the message was written.
    public var date: Date
    /// The unique id, "local@domain" without angle brackets.
    public var messageID: String
    /// Extra headers such as List-Id, List-Unsubscribe and List-Unsubscribe-Post, in order.
    public var headers: [(name: String, value: String)]
    /// The plain-text body.
    public var text: String
    /// The HTML body; when set the message is multipart/alternative.
    public var html: String?

    /// Creates a message.
    public init(
        from: MailAddress, to: MailAddress, replyTo: MailAddress? = nil, subject: String, date: Date, messageID: String,
        headers: [(name: String, value: String)] = [], text: String, html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.headers = headers
        self.text = text
        self.html = html
    }

    /// The message as sent: RFC 5322 with CRLF line endings, not dot-stuffed.
    public func rendered() throws(MailError) -> [UInt8] {
        var head = ""
        head += "Date: " + Self.rfc5322Date(date) + "\r\n"
        head += Self.addressField("From", from)
        head += Self.addressField("To", to)
        if let replyTo { head += Self.addressField("Reply-To", replyTo) }
        var subjectField = HeaderField(name: "Subject")
        subjectField.appendPhrase(subject, kind: .unstructured)
        head += subjectField.text + "\r\n"
        head += try Self.messageIDField(messageID)
        for header in headers { head += try Self.extraField(name: header.name, value: header.value) }
        head += "MIME-Version: 1.0\r\n"

        var output = Array(head.utf8)
        if let html {
            let boundary = Self.makeBoundary()
            output.append(contentsOf: "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n".utf8)
            Self.appendPart(text, subtype: "plain", to: &output)
            output.append(contentsOf: "\r\n--\(boundary)\r\n".utf8)
            Self.appendPart(html, subtype: "html", to: &output)
            output.append(contentsOf: "\r\n--\(boundary)--\r\n".utf8)
        } else {
            Self.appendPart(text, subtype: "plain", to: &output)
        }
        return output
    }

    /// Appends the headers, blank line and quoted-printable body of a `text/<subtype>` part.
    private static func appendPart(_ body: String, subtype: String, to output: inout [UInt8]) {
        output.append(contentsOf: "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
        QuotedPrintable.encode(body, into: &output)
    }

    /// A From, To or Reply-To field: `"Display Name" <address>`, or the bare `<address>` without a name.
    private static func addressField(_ name: String, _ address: MailAddress) -> String {
        var field = HeaderField(name: name)
        if let displayName = address.name, !displayName.isEmpty { field.appendPhrase(displayName, kind: .displayName) }
        field.append("<" + address.email.rawValue + ">")
        return field.text + "\r\n"
    }

    /// The Message-ID field; throws when `id` is not printable ASCII of the shape local@domain.
    private static func messageIDField(_ id: String) throws(MailError) -> String {
        let printable = id.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        guard printable, id.contains("@") else {
            throw .invalidHeader(name: "Message-ID", reason: "“\(id)” is not of the form local@domain in printable ASCII without spaces or angle brackets")
        }
        return "Message-ID: <\(id)>\r\n"
    }

    /// An extra header field, folded at spaces and commas; throws unless the name is a field name
    /// (printable ASCII without ":") and the value is printable ASCII on one line.
    private static func extraField(name: String, value: String) throws(MailError) -> String {
        guard !name.isEmpty, name.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ":") }) else {
            throw .invalidHeader(name: name, reason: "a header name must be printable ASCII without spaces or colons")
        }
        guard !value.utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) else {
            throw .invalidHeader(name: name, reason: "the value contains a line break")
        }
        guard value.utf8.allSatisfy({ (0x20...0x7E).contains($0) || $0 == UInt8(ascii: "\t") }) else {
            throw .invalidHeader(name: name, reason: "the value must be printable ASCII")
        }
        var field = HeaderField(name: name)
        field.appendFolding(value[...], breakingAfterCommas: true)
        return field.text + "\r\n"
    }

    /// A MIME boundary that cannot occur in quoted-printable text, which never has "=_".
    private static func makeBoundary() -> String {
        let random = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))
        return "=_kiosk_" + String(random.0, radix: 16) + String(random.1, radix: 16)
    }

    /// Gregorian calendar in UTC, for the Date header.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// `date` in RFC 5322 form with English names, in UTC: "Tue, 03 Mar 2026 10:00:00 +0000".
    static func rfc5322Date(_ date: Date) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = utcCalendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func twoDigits(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(days[(parts.weekday ?? 1) - 1]), \(twoDigits(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(twoDigits(parts.hour)):\(twoDigits(parts.minute)):\(twoDigits(parts.second)) +0000"
    }
}
