import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A scripted SMTP server on 127.0.0.1 (a free port) that records what clients send, for tests.
final class FakeSMTPServer: Sendable {
    /// How the server answers a command line, when the script overrides the default.
    enum Answer: Sendable {
        /// Sends these reply lines (joined with CRLF).
        case reply(String)
        /// Sends these reply lines, then closes the connection.
        case replyAndClose(String)
        /// Says nothing, so the client times out.
        case silence
    }

    /// What the server offers and how it deviates from a well-behaved server.
    struct Script: Sendable {
        /// The first reply.
        var greeting = "220 fake.test ESMTP"
        /// The EHLO keywords after the first line, e.g. "PIPELINING", "STARTTLS", "AUTH PLAIN LOGIN".
        var extensions: [String] = []
        /// When set, MAIL FROM needs AUTH with this user name and password first.
        var credentials: (username: String, password: String)?
        /// TLS from the first byte, with the test certificate.
        var implicitTLS = false
        /// Closes the connection after the first line of message data.
        var dropDuringData = false
        /// Replaces the default answer to a command line ("." for the end of the data) when it returns non-nil.
        var answer: @Sendable (String) -> Answer? = { _ in nil }
    }

    /// What clients sent, across all connections.
    struct Log: Sendable {
        /// Every command line, in order (not message data).
        var commands: [String] = []
        /// The command lines of each read, to see what a client sent in one go.
        var batches: [[String]] = []
        /// Each message received, un-dot-stuffed, with CRLF line endings.
        var messages: [[UInt8]] = []
        /// How many connections switched to TLS with STARTTLS.
        var startTLSCount = 0
    }

    /// The port the server listens on.
    let port: Int
    private let channel: any Channel
    private let log: Recorder

    private init(port: Int, channel: any Channel, log: Recorder) {
        self.port = port
        self.channel = channel
        self.log = log
    }

    /// Starts a server that follows `script`.
    static func start(_ script: Script = Script()) async throws -> FakeSMTPServer {
        let tls = try TestCertificate.serverContext()
        let recorder = Recorder()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if script.implicitTLS { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(FakeSMTPSession(script: script, tls: tls, recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw MailTestError("the fake server has no port") }
        return FakeSMTPServer(port: port, channel: channel, log: recorder)
    }

    /// What clients sent so far.
    var recorded: Log { log.snapshot }

    /// Stops listening.
    func stop() async {
        try? await channel.close()
    }
}

/// The log that all sessions of one server write to.
private final class Recorder: Sendable {
    private let log = Mutex(FakeSMTPServer.Log())

    /// What was recorded so far.
    var snapshot: FakeSMTPServer.Log { log.withLock { $0 } }

    /// Changes the log.
    func record(_ change: (inout FakeSMTPServer.Log) -> Void) { log.withLock { change(&$0) } }
}

/// One client connection to the fake server.
private final class FakeSMTPSession: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let script: FakeSMTPServer.Script
    private let tls: NIOSSLContext
    private let recorder: Recorder
    private var buffer = ByteBuffer()
    private var message: [UInt8]?
    private var authenticated = false
    private var loginUsername: String?
    private var awaitingLogin: LoginStep?
    private var hasRecipient = false

    private enum LoginStep { case username, password }

    init(script: FakeSMTPServer.Script, tls: NIOSSLContext, recorder: Recorder) {
        self.script = script
        self.tls = tls
        self.recorder = recorder
    }

    func channelActive(context: ChannelHandlerContext) {
        send(script.greeting, context: context)
        context.flush()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer.writeBuffer(&bytes)
        var batch: [String] = []
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")),
            let line = buffer.readString(length: newline - buffer.readerIndex + 1)
        {
            let text = String(line.dropLast())  // "\r\n" is one Character
            if message != nil {
                if receiveData(text, context: context) { continue }
            } else {
                batch.append(text)
            }
            if !handle(text, context: context) { break }
        }
        if !batch.isEmpty { recorder.record { $0.batches.append(batch) } }
        context.flush()
    }

    /// Collects a line of message data; returns false at the final "." so it is handled as a command.
    private func receiveData(_ line: String, context: ChannelHandlerContext) -> Bool {
        guard line != "." else { return false }
        if script.dropDuringData {
            context.close(promise: nil)
            return true
        }
        message?.append(contentsOf: (line.hasPrefix(".") ? String(line.dropFirst()) : line).utf8)
        message?.append(contentsOf: "\r\n".utf8)
        return true
    }

    /// Answers one command line; returns false when the session is over.
    private func handle(_ line: String, context: ChannelHandlerContext) -> Bool {
        if line != "." { recorder.record { $0.commands.append(line) } }
        let scripted = script.answer(line)
        switch scripted ?? defaultAnswer(line, context: context) {
        case .reply(let text):
            send(text, context: context)
        case .replyAndClose(let text):
            send(text, context: context)
            context.flush()
            context.close(promise: nil)
            return false
        case .silence:
            break
        }
        if line == "." { message = nil }
        if scripted == nil, line.uppercased() == "STARTTLS" {
            context.flush()
            try? context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
            recorder.record { $0.startTLSCount += 1 }
        }
        return true
    }

    /// What a well-behaved server says to `line`.
    private func defaultAnswer(_ line: String, context: ChannelHandlerContext) -> FakeSMTPServer.Answer {
        if let step = awaitingLogin {
            awaitingLogin = nil
            let text = String(decoding: Data(base64Encoded: line) ?? Data(), as: UTF8.self)
            if step == .username {
                loginUsername = text
                awaitingLogin = .password
                return .reply("334 UGFzc3dvcmQ6")
            }
            return logIn(username: loginUsername ?? "", password: text)
        }
        let verb = line.prefix { $0 != " " && $0 != ":" }.uppercased()
        switch verb {
        case "EHLO":
            let lines = ["fake.test greets you"] + script.extensions
            return .reply(lines.enumerated().map { "250\($0.offset == lines.count - 1 ? " " : "-")\($0.element)" }.joined(separator: "\r\n"))
        case "HELO":
            return .reply("250 fake.test")
        case "STARTTLS":
            return .reply("220 2.0.0 Ready to start TLS")
        case "AUTH":
            let words = line.split(separator: " ")
            if words.count == 3, words[1].uppercased() == "PLAIN" {
                let parts = (Data(base64Encoded: String(words[2])) ?? Data()).split(separator: 0, omittingEmptySubsequences: false)
                guard parts.count == 3 else { return .reply("501 5.5.2 Bad PLAIN response") }
                return logIn(username: String(decoding: parts[1], as: UTF8.self), password: String(decoding: parts[2], as: UTF8.self))
            }
            awaitingLogin = .username
            return .reply("334 VXNlcm5hbWU6")
        case "MAIL":
            if script.credentials != nil, !authenticated { return .reply("530 5.7.0 Authentication required") }
            return .reply("250 2.1.0 Ok")
        case "RCPT":
            hasRecipient = true
            return .reply("250 2.1.5 Ok")
        case "DATA":
            guard hasRecipient else { return .reply("554 5.5.1 No valid recipients") }
            message = []
            return .reply("354 End data with <CR><LF>.<CR><LF>")
        case ".":
            if let message { recorder.record { $0.messages.append(message) } }
            message = nil
            hasRecipient = false
            return .reply("250 2.0.0 Ok: queued")
        case "RSET":
            hasRecipient = false
            return .reply("250 2.0.0 Ok")
        case "QUIT":
            return .replyAndClose("221 2.0.0 Bye")
        default:
            return .reply("502 5.5.2 Command not recognized")
        }
    }

    /// Checks credentials against the script.
    private func logIn(username: String, password: String) -> FakeSMTPServer.Answer {
        guard let expected = script.credentials, expected.username == username, expected.password == password else {
            return .reply("535 5.7.8 Authentication credentials invalid")
        }
        authenticated = true
        return .reply("235 2.7.0 Authentication successful")
    }

    /// Writes reply lines with CRLF.
    private func send(_ text: String, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }
}

/// A failure in test setup.
struct MailTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
