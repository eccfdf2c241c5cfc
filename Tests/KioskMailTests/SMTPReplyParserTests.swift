import NIOCore
import Testing

@testable import KioskMail

@Suite struct SMTPReplyParserTests {
    private func replies(_ chunks: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        var replies: [SMTPReply] = []
        for chunk in chunks {
            var bytes = ByteBuffer(string: chunk)
            parser.append(&bytes)
            while let reply = try parser.next() { replies.append(reply) }
        }
        return replies
    }

    @Test func joinsMultiLineRepliesAcrossReads() throws {
        let parsed = try replies(["220 hi\r\n250-mail.exa", "mple.org\r\n250-PIPELINING\r\n250 AUTH PLAIN", " LOGIN\r\n354\r\n"])
        #expect(parsed == [
            SMTPReply(code: 220, lines: ["hi"]),
            SMTPReply(code: 250, lines: ["mail.example.org", "PIPELINING", "AUTH PLAIN LOGIN"]),
            SMTPReply(code: 354, lines: [""]),
        ])
    }

    @Test func acceptsBareLineFeeds() throws {
        #expect(try replies(["250 ok\n"]) == [SMTPReply(code: 250, lines: ["ok"])])
    }

    @Test(arguments: [("hello\r\n", "hello"), ("25 short\r\n", "25 short"), ("250-a\r\n251 b\r\n", "251 b"), ("2x0 ok\r\n", "2x0 ok")])
    func refusesWhatIsNotAReply(input: String, line: String) {
        #expect(throws: MailError.malformedReply(line)) { _ = try replies([input]) }
    }

    @Test func refusesEndlessLines() {
        #expect(throws: MailError.malformedReply("a line longer than 8192 bytes")) {
            _ = try replies([String(repeating: "2", count: 9000)])
        }
    }

    @Test func readsExtensionsFromEHLO() {
        let extensions = SMTPExtensions(
            ehloReply: SMTPReply(code: 250, lines: ["mail.example.org hello", "pipelining", "AUTH=LOGIN", "AUTH PLAIN CRAM-MD5", "SIZE 1000"])
        )
        #expect(extensions.offers("PIPELINING"))
        #expect(extensions.offers("SIZE"))
        #expect(!extensions.offers("STARTTLS"))
        #expect(extensions.offersAuthentication("PLAIN"))
        #expect(extensions.offersAuthentication("LOGIN"))
        #expect(!extensions.offersAuthentication("XOAUTH2"))
    }

    @Test(arguments: [
        ("Hello\r\n", "Hello\r\n.\r\n"),
        ("Hello", "Hello\r\n.\r\n"),
        ("", ".\r\n"),
        (".\r\n", "..\r\n.\r\n"),
        ("a\r\n.b\r\n..c\r\nd.\r\n.", "a\r\n..b\r\n...c\r\nd.\r\n..\r\n.\r\n"),
    ])
    func dotStuffsEveryLineStart(data: String, expected: String) {
        let stuffed = SMTPConnection.dotStuffed(Array(data.utf8), allocator: ByteBufferAllocator())
        #expect(String(buffer: stuffed) == expected)
    }
}
