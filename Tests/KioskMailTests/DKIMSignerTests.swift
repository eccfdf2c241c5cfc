import Crypto
import Foundation
import KioskCore
import Testing
import _CryptoExtras

@testable import KioskMail

@Suite struct DKIMSignerTests {
    private static let signingTime = Date(timeIntervalSince1970: 1_772_532_000)

    /// A newsletter issue as Kiosk renders one: both bodies, a Reply-To and the list headers.
    private func issue(html: String? = "<p>Hello</p>\n") throws -> MailMessage {
        MailMessage(
            from: MailAddress(try EmailAddress("news@kiosk.example"), name: "Kiosk Weekly"), to: MailAddress(try EmailAddress("reader@example.org")),
            replyTo: MailAddress(try EmailAddress("editor@kiosk.example")), subject: "Weekly digest", date: Self.signingTime,
            messageID: "issue-12.reader@kiosk.example",
            headers: [
                ("List-Id", "<weekly.kiosk.example>"),
                ("List-Unsubscribe", "<https://kiosk.example/newsletter/unsubscribe/1/abc>, <mailto:news@kiosk.example?subject=unsubscribe%20abc>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
            text: "Hello\n", html: html)
    }

    private func signer(_ key: DKIMKey) throws -> DKIMSigner {
        try DKIMSigner(key: key, domain: "kiosk.example", selector: "kiosk2026")
    }

    private func text(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    // MARK: Canonicalization

    @Test(arguments: [
        ("Subject", " Weekly  digest \t\r\n", "subject:Weekly digest"),
        ("SUBJECT", "\tWeekly digest", "subject:Weekly digest"),
        ("To ", "  <reader@example.org>\r\n", "to:<reader@example.org>"),
        ("List-Unsubscribe", " <https://kiosk.example/u/1>,\r\n <mailto:news@kiosk.example>\r\n", "list-unsubscribe:<https://kiosk.example/u/1>, <mailto:news@kiosk.example>"),
        ("Content-Type", " multipart/alternative;\r\n\t boundary=\"=_k\"\r\n", "content-type:multipart/alternative; boundary=\"=_k\""),
        ("X-Empty", "\r\n", "x-empty:"),
        ("X-Spaces", " \t \r\n", "x-spaces:"),
    ])
    func relaxedHeader(name: String, value: String, expected: String) {
        #expect(text(DKIMSigner.relaxedHeader(name: name, value: Array(value.utf8))) == expected)
    }

    @Test(arguments: [
        ("", ""),
        ("\r\n", ""),
        ("\r\n\r\n\r\n", ""),
        (" \t\r\n\r\n", ""),
        ("Hello\r\n", "Hello\r\n"),
        ("Hello", "Hello\r\n"),
        ("Hello  \t world \t\r\n", "Hello world\r\n"),
        ("  indented\r\n", " indented\r\n"),
        ("a\r\n \t \r\nb\r\n", "a\r\n\r\nb\r\n"),
        ("a\r\n\r\n \r\n\t\r\n", "a\r\n"),
        (".dot first\r\n..two\r\n", ".dot first\r\n..two\r\n"),
    ])
    func relaxedBody(body: String, expected: String) {
        #expect(text(DKIMSigner.relaxedBody(Array(body.utf8)[...])) == expected)
    }

    @Test func splitsFoldedFieldsFromTheBody() {
        let (fields, body) = DKIMSigner.split(Array("From: a@b.example\r\nSubject: one\r\n two\r\n\r\nbody\r\n\r\n".utf8))
        #expect(fields.map(\.name) == ["From", "Subject"])
        #expect(fields.map { text($0.value) } == [" a@b.example\r\n", " one\r\n two\r\n"])
        #expect(text(body) == "body\r\n\r\n")
    }

    // MARK: The signature

    @Test func signatureFieldHasTheTagsAndComesFirst() throws {
        let rendered = try issue().rendered()
        let signed = try signer(.ed25519()).sign(rendered, at: Self.signingTime)
        let tags = try Self.tags(of: signed)
        #expect(tags["v"] == "1")
        #expect(tags["a"] == "ed25519-sha256")
        #expect(tags["c"] == "relaxed/relaxed")
        #expect(tags["d"] == "kiosk.example")
        #expect(tags["s"] == "kiosk2026")
        #expect(tags["t"] == "1772532000")
        #expect(
            tags["h"] == "from:reply-to:to:subject:date:message-id:mime-version:content-type:list-id:list-unsubscribe:list-unsubscribe-post")
        #expect(tags["bh"] == Data(SHA256.hash(data: DKIMSigner.relaxedBody(DKIMSigner.split(rendered).body))).base64EncodedString())
        #expect(Data(base64Encoded: tags["b"] ?? "")?.count == 64)
        #expect(text(signed).hasPrefix("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;"))
        #expect(Array(signed.suffix(rendered.count)) == rendered, "the message follows the field unchanged")
        let fieldLines = text(signed).components(separatedBy: "\r\n").prefix { !$0.hasPrefix("Date:") }
        #expect(fieldLines.allSatisfy { $0.utf8.count <= 78 }, "\(fieldLines)")
    }

    @Test func plainTextMessageSignsItsTransferEncoding() throws {
        let signed = try signer(.ed25519()).sign(try issue(html: nil).rendered(), at: Self.signingTime)
        #expect(try Self.tags(of: signed)["h"]?.contains("content-type:content-transfer-encoding:") == true)
    }

    @Test("a signature verifies with the published key, and not once the message is changed", arguments: ["rsa", "ed25519"])
    func roundTrip(algorithm: String) throws {
        let key = algorithm == "rsa" ? try DKIMKey.rsa(bits: 2048) : DKIMKey.ed25519()
        let signed = try signer(key).sign(try issue().rendered(), at: Self.signingTime)
        #expect(try Self.tags(of: signed)["a"] == algorithm + "-sha256")
        #expect(try Self.verifies(signed, record: key.dnsRecord))

        let otherSubject = Array(text(signed).replacingOccurrences(of: "Subject: Weekly digest", with: "Subject: Weekly digest!").utf8)
        #expect(try !Self.verifies(otherSubject, record: key.dnsRecord))
        let otherBody = Array(text(signed).replacingOccurrences(of: "<p>Hello</p>", with: "<p>Hullo</p>").utf8)
        #expect(try !Self.verifies(otherBody, record: key.dnsRecord))
        let refolded = Array(text(signed).replacingOccurrences(of: "Subject: Weekly digest", with: "Subject:   Weekly\r\n\tdigest").utf8)
        #expect(try Self.verifies(refolded, record: key.dnsRecord), "relaxed canonicalization allows refolding")
        #expect(try !Self.verifies(signed, record: DKIMKey.ed25519().dnsRecord), "another key does not verify it")
    }

    @Test func bodyHashCoversTheCanonicalBody() throws {
        let message = Array("From: news@kiosk.example\r\nSubject: x\r\n\r\nfirst  line \r\n.dot\r\n\r\n\r\n".utf8)
        let signed = try signer(.ed25519()).sign(message, at: Self.signingTime)
        let canonical = Array("first line\r\n.dot\r\n".utf8)
        #expect(try Self.tags(of: signed)["bh"] == Data(SHA256.hash(data: canonical)).base64EncodedString())
    }

    @Test func refusesAMessageWithoutFrom() throws {
        #expect(throws: MailError.self) { try signer(.ed25519()).sign(Array("Subject: x\r\n\r\nbody\r\n".utf8), at: Self.signingTime) }
    }

    @Test("the signature covers what the SMTP server receives: dot-stuffing comes after it and is undone before it is checked")
    func signatureSurvivesTheSMTPConnection() async throws {
        // Kiosk's quoted-printable bodies never start a line with a dot, but the signer takes any message.
        let message = Array("From: <news@kiosk.example>\r\nTo: <reader@example.org>\r\nSubject: dots\r\n\r\n.hidden\r\n..two dots\r\nlast line".utf8)
        let key = DKIMKey.ed25519()
        let signed = try signer(key).sign(message, at: Self.signingTime)
        let server = try await FakeSMTPServer.start()
        do {
            let connection = try await SMTPConnection.connect(SMTPConfiguration(host: "127.0.0.1", port: server.port, commandTimeout: .seconds(5)))
            let (from, to) = (try EmailAddress("news@kiosk.example"), try EmailAddress("reader@example.org"))
            #expect(try await connection.send(from: from, to: to, data: signed) == .accepted)
            await connection.close()
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        let received = try #require(server.recorded.messages.first)
        #expect(text(received).hasSuffix("\r\n\r\n.hidden\r\n..two dots\r\nlast line\r\n"))
        #expect(try Self.verifies(received, record: key.dnsRecord))
    }

    // MARK: Keys, domains and selectors

    @Test func readsRSAKeysInPKCS1AndPKCS8() throws {
        let rsa = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        let record = "v=DKIM1; k=rsa; p=" + rsa.publicKey.derRepresentation.base64EncodedString()
        #expect(rsa.pemRepresentation.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        #expect(rsa.pkcs8PEMRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        for pem in [rsa.pemRepresentation, rsa.pkcs8PEMRepresentation] {
            let key = try DKIMKey(pem: pem)
            #expect(key.dnsRecord == record)
            #expect(key.summary == "RSA, 1024 bits")
        }
    }

    @Test func readsAnEd25519KeyWrittenByOpenSSL() throws {
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIH1l41geNB7YYvArJglsxTGQqNMuyyNjIltxZ/pXlQeE\n-----END PRIVATE KEY-----\n"
        // The public key as `openssl pkey -pubout` gives it, less the 12 bytes of its SubjectPublicKeyInfo header.
        #expect(try DKIMKey(pem: pem).dnsRecord == "v=DKIM1; k=ed25519; p=zvpsr/QziPrEV73tn7UOBo3fe8i6A2+FGrgf9lMLs2c=")
    }

    @Test(arguments: ["rsa", "ed25519"])
    func newKeysReadBackFromTheirPEM(algorithm: String) throws {
        let key = algorithm == "rsa" ? try DKIMKey.rsa(bits: 2048) : DKIMKey.ed25519()
        #expect(key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(key.pemRepresentation.hasSuffix("-----END PRIVATE KEY-----\n"))
        #expect(try DKIMKey(pem: key.pemRepresentation).dnsRecord == key.dnsRecord)
    }

    @Test func refusesKeysThatCannotSign() throws {
        // A throwaway 512-bit key, too short for DKIM.
        let short = """
            -----BEGIN PRIVATE KEY-----
            MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEAreoMPuoMUHxW4rZ2
            zTCYvc0uJd097Bot2FZieuhfKIKkw1/CDGFQry8/YLSOPXmzZlB0LA3DLhf2JRNg
            pLHVUwIDAQABAkAsL7n6xiZo0J6WrXtTuNQl7RqbfjG8ag5Z1+Dfj2iV9uf6QuKi
            c3UUMwDJdEKxp89n6OKv9o8utmjj1+emyodZAiEA4vhHS9gkbzuRYvdrVbb2aqe5
            LEPJM2Trz/Vtu8dqfC8CIQDEKI8XtR7UsjRsVwFL/aRG25UqWDSV2sRgsohsyHV8
            HQIhANlMCjY6wOcdiJvPdRujB1glK8uNOlvSC1IWDvDwgqpRAiAW1+JSEHWWr2oL
            c9Zi0xbeaZPlaoA1M1TLLf9VK8MCwQIgY0cmH6nRr3JFbAyDa8xzb3KIyuF4pRIX
            J4+Yq3ISyqA=
            -----END PRIVATE KEY-----
            """
        let tooShort = #expect(throws: MailError.self) { try DKIMKey(pem: short) }
        #expect(tooShort?.description.contains("shorter than 1024 bits") == true)
        for unusable in ["", "not a key", P256.Signing.PrivateKey().pemRepresentation, try _RSA.Signing.PrivateKey(keySize: .bits2048).publicKey.pemRepresentation] {
            let error = #expect(throws: MailError.self) { try DKIMKey(pem: unusable) }
            #expect(error?.description.contains("no unencrypted PEM private key") == true, "\(unusable)")
        }
        #expect(throws: MailError.self) { try DKIMKey.rsa(bits: 1024) }
    }

    @Test func domainAndSelectorMustBeDNSNames() throws {
        let key = DKIMKey.ed25519()
        #expect(throws: Never.self) { try DKIMSigner(key: key, domain: "mail.kiosk-news.example", selector: "kiosk2026.mail") }
        for (domain, selector) in [("kiosk example", "s"), ("kiosk.example", ""), ("kiosk..example", "s"), ("kiosk.example", "-s"), ("kiosk.example", "s_1")] {
            #expect(throws: MailError.self) { try DKIMSigner(key: key, domain: domain, selector: selector) }
        }
    }

    // MARK: A verifier, as a receiving server runs it (RFC 6376 §6.1.3)

    /// The tags of the DKIM-Signature field of `message`, with the whitespace taken out of their values.
    private static func tags(of message: [UInt8]) throws -> [String: String] {
        let field = try #require(DKIMSigner.split(message).fields.first { $0.name.lowercased() == "dkim-signature" })
        return tags(String(decoding: field.value, as: UTF8.self))
    }

    /// The tags of a tag list such as a DKIM-Signature's or a key record's.
    private static func tags(_ list: String) -> [String: String] {
        var tags: [String: String] = [:]
        for item in list.split(separator: ";") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            tags[parts[0].trimmingCharacters(in: .whitespacesAndNewlines)] = parts[1].filter { !$0.isWhitespace }
        }
        return tags
    }

    /// Whether `message` carries a DKIM signature that the key published as `record` verifies.
    private static func verifies(_ message: [UInt8], record: String) throws -> Bool {
        let (fields, body) = DKIMSigner.split(message)
        let signatureField = try #require(fields.first { $0.name.lowercased() == "dkim-signature" })
        let tags = try self.tags(of: message)
        guard tags["bh"] == Data(SHA256.hash(data: DKIMSigner.relaxedBody(body))).base64EncodedString() else { return false }

        var unused = fields
        var signedBytes: [UInt8] = []
        for name in try #require(tags["h"]).split(separator: ":") {
            guard let index = unused.lastIndex(where: { $0.name.lowercased() == name }) else { continue }
            signedBytes += DKIMSigner.relaxedHeader(name: unused[index].name, value: unused[index].value) + Array("\r\n".utf8)
            unused.remove(at: index)
        }
        let withoutSignature = String(decoding: signatureField.value, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { item in item.drop(while: \.isWhitespace).hasPrefix("b=") ? item.prefix { $0 != "=" } + "=" : String(item) }
            .joined(separator: ";")
        signedBytes += DKIMSigner.relaxedHeader(name: signatureField.name, value: Array(withoutSignature.utf8))

        let signature = try #require(Data(base64Encoded: tags["b"] ?? ""))
        let keyRecord = Self.tags(record)
        let publicKey = try #require(Data(base64Encoded: keyRecord["p"] ?? ""))
        switch keyRecord["k"] {
        case "rsa":
            return try _RSA.Signing.PublicKey(derRepresentation: publicKey)
                .isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signedBytes, padding: .insecurePKCS1v1_5)
        case "ed25519":
            return try Curve25519.Signing.PublicKey(rawRepresentation: publicKey).isValidSignature(signature, for: Data(SHA256.hash(data: signedBytes)))
        default:
            Issue.record("unknown key type in \(record)")
            return false
        }
    }
}
