import Foundation
import KioskCore
import NIOCore
import NIOPosix

/// What the server said about one message.
public enum DeliveryOutcome: Sendable, Equatable {
    /// The server took the message (250 after the data).
    case accepted
    /// The server refused for now (any 4xx at MAIL, RCPT, DATA or the end of the data); try again later.
    case temporaryFailure(code: Int, message: String)
    /// The server refused for good (any 5xx).
    case permanentFailure(code: Int, message: String)

    /// The outcome of a refusing reply: 4xx is temporary, anything else permanent.
    init(refusal reply: SMTPReply) {
        self = (400..<500).contains(reply.code)
            ? .temporaryFailure(code: reply.code, message: reply.message)
            : .permanentFailure(code: reply.code, message: reply.message)
    }
}

/// One SMTP session with a mail server, over which any number of messages can be sent, one at a time.
public actor SMTPConnection {
    private let configuration: SMTPConfiguration
    private let channel: any Channel
    private var replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator
    private var encrypted: Bool
    private var inUse = false
    private var waitingForTurn: [CheckedContinuation<Void, Never>] = []

    /// Whether the server offered PIPELINING (for tests and logs).
    public private(set) var pipelining = false

    private init(
        configuration: SMTPConfiguration, channel: any Channel, replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator
    ) {
        self.configuration = configuration
        self.channel = channel
        self.replies = replies
        self.encrypted = configuration.security == .implicitTLS
    }

    deinit {
        channel.close(promise: nil)
    }

    /// Connects, reads the greeting, EHLO (falls back to HELO), STARTTLS when configured/offered (then EHLO again), AUTH PLAIN or
    /// LOGIN when credentials are set (refuse to send credentials without TLS unless the host is loopback).
    public static func connect(
        _ configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SMTPConnection {
        let tls = configuration.security == .none ? nil : try TLSSettings(configuration)
        let implicitTLS = configuration.security == .implicitTLS ? tls : nil
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: SMTPReply.self)
        let commandTimeout = TimeAmount(configuration.commandTimeout)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS { try pipeline.addHandler(implicitTLS.makeHandler()) }
                    try pipeline.addHandler(SMTPClientHandler(replies: continuation, commandTimeout: commandTimeout))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError.connectionFailed(host: configuration.host, port: configuration.port, reason: String(describing: error))
        }
        // A cancelled reader ends the stream; the connection is of no use after that.
        continuation.onTermination = { _ in channel.close(promise: nil) }
        let connection = SMTPConnection(configuration: configuration, channel: channel, replies: stream.makeAsyncIterator())
        do {
            try await connection.open(tls: tls)
        } catch {
            try? await channel.close()
            throw error
        }
        return connection
    }

    /// Sends one message to one recipient on this connection (many messages per connection: after a refused MAIL/RCPT it sends
    /// RSET). When the server offers PIPELINING, MAIL FROM, RCPT TO and DATA go in one write and the three replies are read after.
    /// Dot-stuffs `data` and ends it with CRLF.CRLF. Returns the outcome per the server's reply codes; THROWS (MailError) when the
    /// connection breaks or times out — then the outcome is unknown and the caller reconnects.
    public func send(from: EmailAddress, to: EmailAddress, data: [UInt8]) async throws -> DeliveryOutcome {
        await takeTurn()
        defer { endTurn() }
        let mail = "MAIL FROM:<\(from.rawValue)>"
        let recipient = "RCPT TO:<\(to.rawValue)>"
        if pipelining {
            write(mail + "\r\n" + recipient + "\r\nDATA\r\n", replies: ["the reply to MAIL FROM", "the reply to RCPT TO", "the reply to DATA"])
            let mailReply = try await nextReply()
            let recipientReply = try await nextReply()
            let dataReply = try await nextReply()
            if let refusal = [mailReply, recipientReply].first(where: { !(200..<300).contains($0.code) }) {
                if dataReply.code == 354 {
                    // The server took DATA all the same; end the (empty) message so the session stays in step.
                    write(".\r\n", replies: ["the reply to an empty message"])
                    _ = try await nextReply()
                }
                return await abandonTransaction(refusal)
            }
            guard dataReply.code == 354 else { return await abandonTransaction(dataReply) }
        } else {
            for (command, reply) in [(mail, "the reply to MAIL FROM"), (recipient, "the reply to RCPT TO")] {
                write(command + "\r\n", replies: [reply])
                let answer = try await nextReply()
                guard (200..<300).contains(answer.code) else { return await abandonTransaction(answer) }
            }
            write("DATA\r\n", replies: ["the reply to DATA"])
            let dataReply = try await nextReply()
            guard dataReply.code == 354 else { return await abandonTransaction(dataReply) }
        }
        channel.writeAndFlush(
            SMTPCommand(bytes: Self.dotStuffed(data, allocator: channel.allocator), replies: ["the reply to the end of the message"]),
            promise: nil
        )
        let final = try await nextReply()
        return (200..<300).contains(final.code) ? .accepted : DeliveryOutcome(refusal: final)
    }

    /// QUIT and close (never throws).
    public func close() async {
        await takeTurn()
        defer { endTurn() }
        write("QUIT\r\n", replies: ["the reply to QUIT"])
        _ = try? await nextReply()
        try? await channel.close()
    }

    /// Greeting, EHLO, STARTTLS and AUTH.
    private func open(tls: TLSSettings?) async throws {
        let greeting = try await nextReply()
        guard greeting.code == 220 else { throw MailError.serverRefused(step: "connection", code: greeting.code, message: greeting.message) }
        var extensions = try await hello()
        if let tls, configuration.security == .startTLS || configuration.security == .startTLSIfOffered && extensions.offers("STARTTLS") {
            guard extensions.offers("STARTTLS") else {
                throw MailError.tlsFailure("the server does not offer STARTTLS, which the configuration requires")
            }
            channel.writeAndFlush(SMTPCommand(bytes: ByteBuffer(string: "STARTTLS\r\n"), replies: ["the reply to STARTTLS"], startTLS: tls), promise: nil)
            let reply = try await nextReply()
            guard reply.code == 220 else { throw MailError.serverRefused(step: "STARTTLS", code: reply.code, message: reply.message) }
            encrypted = true
            extensions = try await hello()
        }
        if let username = configuration.username, let password = configuration.password {
            try await authenticate(username: username, password: password, extensions: extensions)
        }
        pipelining = extensions.offers("PIPELINING")
    }

    /// EHLO, or HELO when the server does not know EHLO; returns the extensions offered.
    private func hello() async throws -> SMTPExtensions {
        write("EHLO \(configuration.heloName)\r\n", replies: ["the reply to EHLO"])
        let reply = try await nextReply()
        if reply.code == 250 { return SMTPExtensions(ehloReply: reply) }
        guard (500...504).contains(reply.code) else { throw MailError.serverRefused(step: "EHLO", code: reply.code, message: reply.message) }
        write("HELO \(configuration.heloName)\r\n", replies: ["the reply to HELO"])
        let heloReply = try await nextReply()
        guard heloReply.code == 250 else { throw MailError.serverRefused(step: "HELO", code: heloReply.code, message: heloReply.message) }
        return SMTPExtensions()
    }

    /// Logs in with AUTH PLAIN, or LOGIN when that is all the server offers, only over TLS or to this machine.
    private func authenticate(username: String, password: String, extensions: SMTPExtensions) async throws {
        guard encrypted || isLoopback else {
            throw MailError.authenticationUnavailable("the connection to \(configuration.host) is not encrypted, so the password is not sent")
        }
        let reply: SMTPReply
        if extensions.offersAuthentication("PLAIN") {
            write("AUTH PLAIN \(Self.base64("\0\(username)\0\(password)"))\r\n", replies: ["the reply to AUTH PLAIN"])
            reply = try await nextReply()
        } else if extensions.offersAuthentication("LOGIN") {
            var next = SMTPReply(code: 334, lines: [])
            for line in ["AUTH LOGIN", Self.base64(username), Self.base64(password)] where next.code == 334 {
                write(line + "\r\n", replies: ["the reply to AUTH LOGIN"])
                next = try await nextReply()
            }
            reply = next
        } else {
            throw MailError.authenticationUnavailable("the server offers neither AUTH PLAIN nor AUTH LOGIN")
        }
        guard reply.code == 235 else { throw MailError.authenticationRefused(code: reply.code, message: reply.message) }
    }

    /// Ends a refused transaction with RSET, unless the server said 421 (it is closing), and returns the outcome.
    private func abandonTransaction(_ refusal: SMTPReply) async -> DeliveryOutcome {
        if refusal.code != 421 {
            write("RSET\r\n", replies: ["the reply to RSET"])
            do {
                _ = try await nextReply()
            } catch {
                // The outcome is known all the same; the broken connection shows on the next send.
            }
        }
        return DeliveryOutcome(refusal: refusal)
    }

    /// Whether the server is on this machine, where a password may go unencrypted.
    private var isLoopback: Bool {
        guard let address = channel.remoteAddress?.ipAddress else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Sends command text that asks for `replies`.
    private func write(_ text: String, replies: [String]) {
        channel.writeAndFlush(SMTPCommand(bytes: ByteBuffer(string: text), replies: replies), promise: nil)
    }

    /// The server's next reply; throws `MailError` when the connection broke or timed out.
    private func nextReply() async throws -> SMTPReply {
        var iterator = replies
        defer { replies = iterator }
        guard let reply = try await iterator.next(isolation: self) else {
            try Task.checkCancellation()
            throw MailError.connectionClosed
        }
        return reply
    }

    /// Waits until no other `send` or `close` is talking to the server: an SMTP session is one conversation.
    private func takeTurn() async {
        if inUse {
            await withCheckedContinuation { waitingForTurn.append($0) }
        } else {
            inUse = true
        }
    }

    /// Lets the next waiting `send` or `close` talk.
    private func endTurn() {
        if waitingForTurn.isEmpty {
            inUse = false
        } else {
            waitingForTurn.removeFirst().resume()
        }
    }

    /// `text` in UTF-8, base64-encoded, for AUTH.
    private static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    /// `data` with a "." doubled at the start of every line, ended with CRLF.CRLF, in one pass.
    static func dotStuffed(_ data: [UInt8], allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: data.count + data.count / 64 + 5)
        data.withUnsafeBufferPointer { bytes in
            var copiedUpTo = 0
            var lineStart = 0
            while lineStart < bytes.count {
                if bytes[lineStart] == UInt8(ascii: ".") {
                    buffer.writeBytes(bytes[copiedUpTo..<lineStart])
                    buffer.writeInteger(UInt8(ascii: "."))
                    copiedUpTo = lineStart
                }
                guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
                lineStart = newline + 1
            }
            buffer.writeBytes(bytes[copiedUpTo...])
        }
        if !data.isEmpty, !data.suffix(2).elementsEqual("\r\n".utf8) { buffer.writeString("\r\n") }
        buffer.writeString(".\r\n")
        return buffer
    }
}
