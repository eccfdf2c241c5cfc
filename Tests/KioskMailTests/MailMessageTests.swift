import Foundation
import KioskCore
import Testing

@testable import KioskMail

@Suite struct MailMessageTests {
    private func address(_ text: String, name: String? = nil) throws -> MailAddress {
        MailAddress(try EmailAddress(text), name: name)
    }

    private func message(
        subject: String = "Weekly digest", fromName: String? = "Kiosk Weekly", toName: String? = nil,
        headers: [(name: String, value: String)] = [], text: String = "Hello\n", html: String? = nil
    ) throws -> MailMessage {
        MailMessage(
            from: try address("news@kiosk.example", name: fromName), to: try address("reader@example.org", name: toName),
            replyTo: try address("editor@kiosk.example", name: "The Editor"), subject: subject,
            date: Date(timeIntervalSince1970: 1_772_532_000), messageID: "issue-12.reader@kiosk.example",
            headers: headers, text: text, html: html
        )
    }

    /// Every header line is at most 78 characters and the text is all ASCII.
    private func expectWellFormedHeader(_ reader: MIMEReader) {
        for line in reader.headerLines {
            #expect(line.utf8.count <= 78, "too long: \(line)")
            #expect(line.utf8.allSatisfy { $0 < 0x80 }, "not ASCII: \(line)")
        }
    }

    @Test func plainTextMessageHasTheStandardHeaders() throws {
        let reader = try MIMEReader(try message().rendered())
        #expect(reader.field("Date") == "Tue, 03 Mar 2026 10:00:00 +0000")
        #expect(reader.field("From") == "\"Kiosk Weekly\" <news@kiosk.example>")
        #expect(reader.field("To") == "<reader@example.org>")
        #expect(reader.field("Reply-To") == "\"The Editor\" <editor@kiosk.example>")
        #expect(reader.field("Subject") == "Weekly digest")
        #expect(reader.field("Message-ID") == "<issue-12.reader@kiosk.example>")
        #expect(reader.field("MIME-Version") == "1.0")
        #expect(reader.field("Content-Type") == "text/plain; charset=utf-8")
        #expect(reader.field("Content-Transfer-Encoding") == "quoted-printable")
        #expect(reader.body == "Hello\r\n")
    }

    @Test func datesUseEnglishNamesInUTC() {
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 1_700_000_000)) == "Tue, 14 Nov 2023 22:13:20 +0000")
    }

    @Test func nonASCIISubjectAndNamesBecomeEncodedWordsThatDecodeBack() throws {
        let subject = "Ünïcödé wëekly — 日本語のニュース and a rather long tail to force several encoded words 🎉🎉🎉"
        let name = "Zoë “Quotes” Ångström-Bjørnsdóttir, Chief Editor of the Whole Kiosk Newsroom 🗞️"
        let reader = try MIMEReader(try message(subject: subject, fromName: name).rendered())
        expectWellFormedHeader(reader)
        let subjectValue = try #require(reader.field("Subject"))
        #expect(try MIMEReader.decodeEncodedWords(subjectValue) == subject)
        let fromValue = try #require(reader.field("From"))
        #expect(fromValue.hasSuffix(" <news@kiosk.example>"))
        #expect(try MIMEReader.decodeEncodedWords(String(fromValue.dropLast(" <news@kiosk.example>".count))) == name)
        for word in (subjectValue + " " + fromValue).split(separator: " ") where word.hasPrefix("=?") {
            #expect(word.count <= 75)
        }
    }

    @Test func specialCharactersInNamesAreEncodedNotQuoted() throws {
        let reader = try MIMEReader(try message(fromName: "Say \"hi\" \\ bye", toName: "=?UTF-8?B?x?= trick").rendered())
        let from = try #require(reader.field("From"))
        #expect(!from.contains("\""))
        #expect(try MIMEReader.decodeEncodedWords(from) == "Say \"hi\" \\ bye <news@kiosk.example>")
        let to = try #require(reader.field("To"))
        #expect(try MIMEReader.decodeEncodedWords(to) == "=?UTF-8?B?x?= trick <reader@example.org>")
    }

    @Test func onlyTheWordsThatNeedItAreEncoded() throws {
        let reader = try MIMEReader(
            try message(subject: "Ünïcödé  weekly: the news", fromName: "Zoë Ångström, Chief Editor of the Whole Kiosk Newsroom").rendered()
        )
        let from = try #require(reader.field("From"))
        #expect(from.components(separatedBy: "=?UTF-8?B?").count == 2)
        #expect(from.hasSuffix("?= Chief Editor of the Whole Kiosk Newsroom <news@kiosk.example>"))
        #expect(try MIMEReader.decodeEncodedWords(from) == "Zoë Ångström, Chief Editor of the Whole Kiosk Newsroom <news@kiosk.example>")
        let subject = try #require(reader.field("Subject"))
        #expect(subject.hasSuffix("?= weekly: the news"))
        #expect(try MIMEReader.decodeEncodedWords(subject) == "Ünïcödé  weekly: the news")
    }

    @Test func longPlainSubjectIsFoldedAtSpacesAndUnfoldsExactly() throws {
        let subject = Array(repeating: "Kiosk weekly news about  publishing,", count: 6).joined(separator: " ")
        let reader = try MIMEReader(try message(subject: subject).rendered())
        expectWellFormedHeader(reader)
        #expect(reader.headerLines.filter { $0.hasPrefix(" ") }.count >= 2)
        #expect(reader.field("Subject") == subject)
    }

    @Test func lineBreaksInSubjectAndNamesCannotStartHeaders() throws {
        let reader = try MIMEReader(
            try message(subject: "Hello\r\nBcc: victim@example.org", fromName: "Eve\nX-Evil: 1", toName: "Mallory\r\n\r\nbody").rendered()
        )
        #expect(reader.field("Bcc") == nil)
        #expect(reader.field("X-Evil") == nil)
        #expect(reader.field("Subject") == "Hello  Bcc: victim@example.org")
        #expect(reader.field("From") == "\"Eve X-Evil: 1\" <news@kiosk.example>")
        #expect(reader.field("To") == "\"Mallory    body\" <reader@example.org>")
        #expect(reader.body == "Hello\r\n")
    }

    @Test func extraHeadersAreWrittenAndLongOnesFolded() throws {
        let unsubscribe = "<https://kiosk.example/newsletter/unsubscribe?token=" + String(repeating: "a1b2c3", count: 10)
            + ">, <mailto:unsubscribe@kiosk.example?subject=unsubscribe>"
        let reader = try MIMEReader(
            try message(headers: [
                ("List-Id", "Kiosk Weekly <weekly.kiosk.example>"),
                ("List-Unsubscribe", unsubscribe),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ]).rendered()
        )
        #expect(reader.field("List-Id") == "Kiosk Weekly <weekly.kiosk.example>")
        #expect(reader.field("List-Unsubscribe") == unsubscribe)
        #expect(reader.field("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(reader.headerLines.contains { $0.hasPrefix(" <mailto:") })
    }

    @Test func longValueWithoutSpacesIsFoldedAfterCommas() throws {
        let value = (1...12).map { "<https://kiosk.example/\($0)>" }.joined(separator: ",")
        let reader = try MIMEReader(try message(headers: [("X-Links", value)]).rendered())
        expectWellFormedHeader(reader)
        #expect(reader.field("X-Links")?.replacingOccurrences(of: ", ", with: ",") == value)
    }

    @Test(arguments: [
        ("List-Id", "a\r\nBcc: victim@example.org", "the value contains a line break"),
        ("List-Id", "a\nb", "the value contains a line break"),
        ("List Id", "a", "a header name must be printable ASCII without spaces or colons"),
        ("List-Id:", "a", "a header name must be printable ASCII without spaces or colons"),
        ("", "a", "a header name must be printable ASCII without spaces or colons"),
        ("X-Name", "Zoë", "the value must be printable ASCII"),
    ])
    func badExtraHeadersAreRefused(name: String, value: String, reason: String) throws {
        #expect(throws: MailError.invalidHeader(name: name, reason: reason)) {
            try message(headers: [(name, value)]).rendered()
        }
    }

    @Test(arguments: ["no-at-sign", "two words@x", "<id@x>", "a@b\r\nBcc: x"])
    func badMessageIDsAreRefused(id: String) throws {
        var message = try message()
        message.messageID = id
        let error = #expect(throws: MailError.self) { try message.rendered() }
        guard case .invalidHeader(name: "Message-ID", _)? = error else {
            Issue.record("expected an invalid Message-ID error, got \(String(describing: error))")
            return
        }
    }

    @Test func htmlMakesAMultipartAlternativeWithTextFirst() throws {
        let text = "Héllo reader,\n.\nFrom here on: a line with trailing space \n= signs = everywhere\n"
        let html = "<p>Héllo <b>reader</b></p>\n<p>" + String(repeating: "long words ", count: 30) + "</p>\n"
        let reader = try MIMEReader(try message(text: text, html: html).rendered())
        let contentType = try #require(reader.field("Content-Type"))
        let boundary = try #require(contentType.firstMatch(of: /^multipart\/alternative; boundary="([^"]+)"$/)?.output.1)
        let parts = try reader.parts(boundary: String(boundary))
        #expect(parts.count == 2)
        #expect(parts[0].field("Content-Type") == "text/plain; charset=utf-8")
        #expect(parts[1].field("Content-Type") == "text/html; charset=utf-8")
        for part in parts { #expect(part.field("Content-Transfer-Encoding") == "quoted-printable") }
        #expect(try MIMEReader.decodeQuotedPrintable(parts[0].body) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try MIMEReader.decodeQuotedPrintable(parts[1].body) == html.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func boundariesDifferBetweenRenderings() throws {
        let message = try message(html: "<p>Hi</p>")
        #expect(try message.rendered() != message.rendered())
    }
}

@Suite struct QuotedPrintableTests {
    private func encode(_ text: String) -> String {
        var output: [UInt8] = []
        QuotedPrintable.encode(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func escapesWhatIsNotPlainASCII() {
        #expect(encode("a=b\tc é\u{7F}") == "a=3Db\tc =C3=A9=7F")
    }

    @Test func encodesTrailingWhiteSpaceOnly() {
        #expect(encode("a \nb\t\r\nc d ") == "a=20\r\nb=09\r\nc d=20")
    }

    @Test func turnsEveryLineBreakIntoCRLF() {
        #expect(encode("a\nb\r\nc\rd\n") == "a\r\nb\r\nc\r\nd\r\n")
    }

    @Test func protectsLeadingDotsAndFromAtTheStartOfEveryLine() {
        #expect(encode(".\n..x\nFrom me\nFromage\n From") == "=2E\r\n=2E.x\r\n=46rom me\r\nFromage\r\n From")
        // The same after a soft line break.
        let encoded = encode(String(repeating: "x", count: 75) + ".dot " + String(repeating: "y", count: 70) + "From here")
        #expect(encoded.contains("=\r\n=2Edot"))
    }

    @Test func softBreaksKeepLinesWithin76AndDecodeBack() throws {
        let texts = [
            String(repeating: "a", count: 300),
            String(repeating: "é", count: 100),
            String(repeating: "word ", count: 40) + "\n" + String(repeating: "=", count: 80) + "\n",
            String(repeating: "x", count: 75) + " ",
            String(repeating: "x", count: 76),
            String(repeating: "x", count: 74) + "é",
        ]
        for text in texts {
            let encoded = encode(text)
            for line in encoded.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 76, "too long: \(line)")
                #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            }
            #expect(try MIMEReader.decodeQuotedPrintable(encoded) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        #expect(encode(String(repeating: "x", count: 76)) == String(repeating: "x", count: 76))
    }
}
