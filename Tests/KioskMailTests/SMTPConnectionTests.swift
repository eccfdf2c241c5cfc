import Foundation
import KioskCore
import Testing

@testable import KioskMail

@Suite struct SMTPConnectionTests {
    private let sender: EmailAddress
    private let reader: EmailAddress
    private let data = Array("Subject: hi\r\n\r\nHello\r\n".utf8)

    init() throws {
        sender = try EmailAddress("news@kiosk.example")
        reader = try EmailAddress("reader@example.org")
    }

    /// Runs `body` against a fake server following `script`, then stops the server.
    private func withServer(_ script: FakeSMTPServer.Script = .init(), _ body: (FakeSMTPServer) async throws -> Void) async throws {
        let server = try await FakeSMTPServer.start(script)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A configuration for `server` that fails fast.
    private func configuration(
        _ server: FakeSMTPServer, host: String = "127.0.0.1", security: SMTPSecurity = .startTLSIfOffered,
        credentials: (String, String)? = nil, trustTestCertificate: Bool = false
    ) throws -> SMTPConfiguration {
        SMTPConfiguration(
            host: host, port: server.port, security: security, username: credentials?.0, password: credentials?.1,
            commandTimeout: .seconds(5), trustRootsFile: trustTestCertificate ? try TestCertificate.writeCertificateFile() : nil
        )
    }

    /// Expects `body` to throw exactly `expected`.
    private func expectFailure(_ expected: MailError, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(expected), nothing was thrown")
        } catch {
            #expect(error as? MailError == expected)
        }
    }

    @Test func deliversTheMessageExactly() async throws {
        try await withServer { server in
            let message = MailMessage(
                from: MailAddress(sender, name: "Kiosk"), to: MailAddress(reader), subject: "Hi", date: Date(),
                messageID: "1@kiosk.example", text: "Hello\n.\n..and bye\n", html: "<p>Hello</p>\n<p>.</p>\n"
            )
            let rendered = try message.rendered()
            let connection = try await SMTPConnection.connect(configuration(server))
            #expect(try await connection.send(from: sender, to: reader, data: rendered) == .accepted)
            #expect(await !connection.pipelining)
            await connection.close()
            let log = server.recorded
            #expect(log.messages == [rendered])
            #expect(log.commands == ["EHLO localhost", "MAIL FROM:<news@kiosk.example>", "RCPT TO:<reader@example.org>", "DATA", "QUIT"])
            #expect(log.batches.allSatisfy { $0.count == 1 })
        }
    }

    @Test func dotStuffsOnTheWireAndEndsTheLastLine() async throws {
        try await withServer { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            let raw = Array("a\r\n.\r\n..b\r\n.c".utf8)
            #expect(try await connection.send(from: sender, to: reader, data: raw) == .accepted)
            await connection.close()
            #expect(server.recorded.messages == [raw + Array("\r\n".utf8)])
        }
    }

    @Test func pipelinesMailRcptAndDataInOneWrite() async throws {
        try await withServer(.init(extensions: ["PIPELINING", "8BITMIME"])) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            #expect(await connection.pipelining)
            for _ in 0..<3 { #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted) }
            await connection.close()
            let log = server.recorded
            let transaction = ["MAIL FROM:<news@kiosk.example>", "RCPT TO:<reader@example.org>", "DATA"]
            #expect(log.batches.filter { $0 == transaction }.count == 3)
            #expect(log.messages.count == 3)
        }
    }

    @Test(arguments: [false, true])
    func refusedRecipientIsResetAndTheConnectionGoesOn(pipelining: Bool) async throws {
        let script = FakeSMTPServer.Script(extensions: pipelining ? ["PIPELINING"] : []) { line in
            line == "RCPT TO:<gone@example.org>" ? .reply("550 5.1.1 No such user") : nil
        }
        try await withServer(script) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            let outcome = try await connection.send(from: sender, to: try EmailAddress("gone@example.org"), data: data)
            #expect(outcome == .permanentFailure(code: 550, message: "5.1.1 No such user"))
            #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted)
            await connection.close()
            let log = server.recorded
            #expect(log.commands.filter { $0 == "RSET" }.count == 1)
            #expect(log.messages.count == 1)
        }
    }

    @Test(arguments: [
        ("MAIL", "451 4.3.0 Try later", DeliveryOutcome.temporaryFailure(code: 451, message: "4.3.0 Try later"), true),
        ("MAIL", "553 5.1.8 Bad sender", DeliveryOutcome.permanentFailure(code: 553, message: "5.1.8 Bad sender"), true),
        ("RCPT", "452-4.2.2 Mailbox full\r\n452 4.2.2 try later", DeliveryOutcome.temporaryFailure(code: 452, message: "4.2.2 Mailbox full 4.2.2 try later"), true),
        ("DATA", "554 5.3.0 No", DeliveryOutcome.permanentFailure(code: 554, message: "5.3.0 No"), true),
        (".", "451 4.7.1 Greylisted", DeliveryOutcome.temporaryFailure(code: 451, message: "4.7.1 Greylisted"), false),
        (".", "552 5.3.4 Too big", DeliveryOutcome.permanentFailure(code: 552, message: "5.3.4 Too big"), false),
    ])
    func refusalsBecomeOutcomes(verb: String, reply: String, outcome: DeliveryOutcome, resets: Bool) async throws {
        let script = FakeSMTPServer.Script { line in line.hasPrefix(verb) ? .reply(reply) : nil }
        try await withServer(script) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            #expect(try await connection.send(from: sender, to: reader, data: data) == outcome)
            await connection.close()
            #expect(server.recorded.commands.contains("RSET") == resets)
        }
    }

    @Test func closingServerGives421AndTheNextSendThrows() async throws {
        let script = FakeSMTPServer.Script { line in
            line.hasPrefix("MAIL") ? .replyAndClose("421 4.3.2 Shutting down") : nil
        }
        try await withServer(script) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            let outcome = try await connection.send(from: sender, to: reader, data: data)
            #expect(outcome == .temporaryFailure(code: 421, message: "4.3.2 Shutting down"))
            await expectFailure(.connectionClosed) { _ = try await connection.send(from: sender, to: reader, data: data) }
            #expect(!server.recorded.commands.contains("RSET"))
        }
    }

    @Test func droppedConnectionDuringDataThrows() async throws {
        try await withServer(.init(dropDuringData: true)) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            await expectFailure(.connectionClosed) { _ = try await connection.send(from: sender, to: reader, data: data) }
            await connection.close()
        }
    }

    @Test func silentServerTimesOut() async throws {
        let script = FakeSMTPServer.Script { line in line == "." ? .silence : nil }
        try await withServer(script) { server in
            var configuration = try configuration(server)
            configuration.commandTimeout = .seconds(1)
            let connection = try await SMTPConnection.connect(configuration)
            await expectFailure(.timedOut(waitingFor: "the reply to the end of the message")) {
                _ = try await connection.send(from: sender, to: reader, data: data)
            }
            await connection.close()
        }
    }

    @Test func refusedGreetingThrows() async throws {
        try await withServer(.init(greeting: "554 5.3.2 Not now")) { server in
            await expectFailure(.serverRefused(step: "connection", code: 554, message: "5.3.2 Not now")) {
                _ = try await SMTPConnection.connect(configuration(server))
            }
        }
    }

    @Test func fallsBackToHELO() async throws {
        let script = FakeSMTPServer.Script { line in line.hasPrefix("EHLO") ? .reply("502 5.5.2 What?") : nil }
        try await withServer(script) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted)
            await connection.close()
            #expect(server.recorded.commands.prefix(2) == ["EHLO localhost", "HELO localhost"])
        }
    }

    @Test func refusedEHLOThrows() async throws {
        let script = FakeSMTPServer.Script { line in line.hasPrefix("EHLO") ? .reply("421 4.7.0 Too busy") : nil }
        try await withServer(script) { server in
            await expectFailure(.serverRefused(step: "EHLO", code: 421, message: "4.7.0 Too busy")) {
                _ = try await SMTPConnection.connect(configuration(server))
            }
        }
    }

    @Test(arguments: ["AUTH PLAIN LOGIN", "AUTH LOGIN", "AUTH=LOGIN"])
    func logsInWithPlainOrLogin(offer: String) async throws {
        let script = FakeSMTPServer.Script(extensions: [offer], credentials: ("news", "s3cret pass"))
        try await withServer(script) { server in
            let connection = try await SMTPConnection.connect(configuration(server, credentials: ("news", "s3cret pass")))
            #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted)
            await connection.close()
            let commands = server.recorded.commands
            #expect(commands.contains(offer.contains("PLAIN") ? "AUTH PLAIN AG5ld3MAczNjcmV0IHBhc3M=" : "AUTH LOGIN"))
        }
    }

    @Test func wrongPasswordIsRefused() async throws {
        let script = FakeSMTPServer.Script(extensions: ["AUTH PLAIN"], credentials: ("news", "right"))
        try await withServer(script) { server in
            await expectFailure(.authenticationRefused(code: 535, message: "5.7.8 Authentication credentials invalid")) {
                _ = try await SMTPConnection.connect(configuration(server, credentials: ("news", "wrong")))
            }
        }
    }

    @Test func withoutCredentialsTheServerRefusesMail() async throws {
        try await withServer(.init(extensions: ["AUTH PLAIN"], credentials: ("news", "right"))) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            let outcome = try await connection.send(from: sender, to: reader, data: data)
            #expect(outcome == .permanentFailure(code: 530, message: "5.7.0 Authentication required"))
            await connection.close()
        }
    }

    @Test func credentialsNeedAnAuthMechanism() async throws {
        try await withServer { server in
            await expectFailure(.authenticationUnavailable("the server offers neither AUTH PLAIN nor AUTH LOGIN")) {
                _ = try await SMTPConnection.connect(configuration(server, credentials: ("news", "pass")))
            }
        }
    }

    @Test(arguments: ["127.0.0.1", "localhost"])
    func startsTLSThenLogsIn(host: String) async throws {
        let script = FakeSMTPServer.Script(extensions: ["STARTTLS", "AUTH PLAIN"], credentials: ("news", "pass"))
        try await withServer(script) { server in
            let configuration = try configuration(
                server, host: host, security: .startTLS, credentials: ("news", "pass"), trustTestCertificate: true
            )
            let connection = try await SMTPConnection.connect(configuration)
            #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted)
            await connection.close()
            let log = server.recorded
            #expect(log.startTLSCount == 1)
            #expect(log.commands.prefix(3) == ["EHLO localhost", "STARTTLS", "EHLO localhost"])
            #expect(log.messages == [data])
        }
    }

    @Test func startsTLSWhenOfferedUnlessTurnedOff() async throws {
        try await withServer(.init(extensions: ["STARTTLS"])) { server in
            let opportunistic = try await SMTPConnection.connect(configuration(server, trustTestCertificate: true))
            await opportunistic.close()
            #expect(server.recorded.startTLSCount == 1)
            let plain = try await SMTPConnection.connect(configuration(server, security: .none))
            #expect(try await plain.send(from: sender, to: reader, data: data) == .accepted)
            await plain.close()
            #expect(server.recorded.startTLSCount == 1)
        }
    }

    @Test func untrustedCertificateFails() async throws {
        try await withServer(.init(extensions: ["STARTTLS"])) { server in
            do {
                _ = try await SMTPConnection.connect(configuration(server))
                Issue.record("connected to a server with an untrusted certificate")
            } catch MailError.tlsFailure {
                // expected
            }
        }
    }

    @Test func unverifiedCertificateIsAcceptedWhenAskedFor() async throws {
        try await withServer(.init(extensions: ["STARTTLS"])) { server in
            var configuration = try configuration(server, security: .startTLS)
            configuration.verifyCertificates = false
            let connection = try await SMTPConnection.connect(configuration)
            #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted)
            await connection.close()
        }
    }

    @Test func requiredSTARTTLSMustBeOffered() async throws {
        try await withServer { server in
            await expectFailure(.tlsFailure("the server does not offer STARTTLS, which the configuration requires")) {
                _ = try await SMTPConnection.connect(configuration(server, security: .startTLS))
            }
        }
    }

    @Test func dataSlippedInBeforeTLSIsRefused() async throws {
        let script = FakeSMTPServer.Script(extensions: ["STARTTLS"]) { line in
            line == "STARTTLS" ? .reply("220 Go ahead\r\n250 injected") : nil
        }
        try await withServer(script) { server in
            await expectFailure(.tlsFailure("the server sent more data right after agreeing to STARTTLS")) {
                _ = try await SMTPConnection.connect(configuration(server, security: .startTLS, trustTestCertificate: true))
            }
        }
    }

    @Test func implicitTLS() async throws {
        try await withServer(.init(extensions: ["AUTH LOGIN"], credentials: ("news", "pass"), implicitTLS: true)) { server in
            let configuration = try configuration(server, security: .implicitTLS, credentials: ("news", "pass"), trustTestCertificate: true)
            let connection = try await SMTPConnection.connect(configuration)
            #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted)
            await connection.close()
            #expect(server.recorded.messages == [data])
        }
    }

    @Test func concurrentSendsTakeTurns() async throws {
        try await withServer(.init(extensions: ["PIPELINING"])) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            let outcomes = try await withThrowingTaskGroup(of: DeliveryOutcome.self) { group in
                for _ in 0..<20 { group.addTask { try await connection.send(from: sender, to: reader, data: data) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            await connection.close()
            #expect(outcomes == Array(repeating: .accepted, count: 20))
            #expect(server.recorded.messages.count == 20)
        }
    }

    @Test func manyMessagesOnOneConnection() async throws {
        try await withServer(.init(extensions: ["PIPELINING"])) { server in
            let connection = try await SMTPConnection.connect(configuration(server))
            for _ in 0..<500 { #expect(try await connection.send(from: sender, to: reader, data: data) == .accepted) }
            await connection.close()
            #expect(server.recorded.messages.count == 500)
        }
    }

    @Test func unreachableServerFailsToConnect() async throws {
        let server = try await FakeSMTPServer.start()
        let configuration = try configuration(server)
        await server.stop()
        do {
            _ = try await SMTPConnection.connect(configuration)
            Issue.record("connected to a stopped server")
        } catch MailError.connectionFailed(let host, let port, _) {
            #expect(host == "127.0.0.1" && port == configuration.port)
        }
    }
}
