import NIOCore
import NIOSSL

/// Bytes to send to the server and what the replies they ask for answer.
struct SMTPCommand: Sendable {
    /// One or more CRLF-terminated command lines, or the dot-stuffed message.
    var bytes: ByteBuffer
    /// What each expected reply answers, in order, for timeout messages ("the reply to MAIL FROM").
    var replies: [String]
    /// On STARTTLS: the TLS to start as soon as the server agrees with 220.
    var startTLS: TLSSettings?
}

/// The TLS side of a connection: the context and the name to check the server's certificate against.
struct TLSSettings: Sendable {
    let context: NIOSSLContext
    /// The host name for SNI and certificate checks; nil for an IP address, which NIOSSL checks itself.
    let serverHostname: String?

    /// Loads the trust roots for `configuration`.
    init(_ configuration: SMTPConfiguration) throws(MailError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustRootsFile { tls.additionalTrustRoots = [.file(file)] }
        if !configuration.verifyCertificates { tls.certificateVerification = .none }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsFailure("the TLS settings cannot be used (\(configuration.trustRootsFile.map { "CA file \($0): " } ?? "")\(error))")
        }
        let isIPAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        serverHostname = isIPAddress ? nil : configuration.host
    }

    /// A new TLS client handler for one connection.
    func makeHandler() throws(MailError) -> NIOSSLClientHandler {
        do {
            return try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
        } catch {
            throw .tlsFailure("“\(serverHostname ?? "")” cannot be used as a TLS server name (\(error))")
        }
    }
}

/// Turns the server's bytes into replies for `SMTPConnection`, bounds every wait for a reply by the
/// command timeout, and starts TLS right after the server's 220 to STARTTLS.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPCommand
    typealias OutboundOut = ByteBuffer

    private let replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private let commandTimeout: TimeAmount
    private var parser = SMTPReplyParser()
    /// What each reply still to come answers; the greeting comes first.
    private var awaited: CircularBuffer<String> = ["the greeting"]
    private var pendingTLS: TLSSettings?
    private var timer: Scheduled<Void>?

    /// Creates a handler that hands replies and failures (as `MailError`) to `replies`.
    init(replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation, commandTimeout: TimeAmount) {
        self.replies = replies
        self.commandTimeout = commandTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        restartTimer(context: context)
        context.fireChannelActive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let command = unwrapOutboundIn(data)
        let wasIdle = awaited.isEmpty
        awaited.append(contentsOf: command.replies)
        if wasIdle { restartTimer(context: context) }
        if let startTLS = command.startTLS { pendingTLS = startTLS }
        context.write(wrapOutboundOut(command.bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        parser.append(&bytes)
        var answered = false
        do {
            while let reply = try parser.next() {
                answered = true
                _ = awaited.popFirst()
                if let tls = pendingTLS {
                    pendingTLS = nil
                    if reply.code == 220 { try startTLS(tls, context: context) }
                }
                replies.yield(reply)
            }
        } catch {
            fail(error, context: context)
            return
        }
        if answered { restartTimer(context: context) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        replies.finish(throwing: MailError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(Self.mailError(error), context: context)
    }

    /// Puts TLS in front of everything; refuses when the server already sent more, which would be
    /// plain text slipped in before the encryption (STARTTLS response injection).
    private func startTLS(_ tls: TLSSettings, context: ChannelHandlerContext) throws(MailError) {
        guard !parser.hasBufferedBytes else { throw .tlsFailure("the server sent more data right after agreeing to STARTTLS") }
        do {
            try context.pipeline.syncOperations.addHandler(tls.makeHandler(), position: .first)
        } catch {
            throw Self.mailError(error)
        }
    }

    /// Ends the reply stream with `error` and closes the connection.
    private func fail(_ error: MailError, context: ChannelHandlerContext) {
        timer?.cancel()
        replies.finish(throwing: error)
        context.close(promise: nil)
    }

    /// Gives the server a fresh `commandTimeout` for the next awaited reply, if any.
    private func restartTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        guard let waitingFor = awaited.first else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: commandTimeout) { [self] in
            fail(.timedOut(waitingFor: waitingFor), context: context)
        }
    }

    /// The `MailError` for an error from the channel pipeline.
    private static func mailError(_ error: any Error) -> MailError {
        switch error {
        case let error as MailError: error
        case NIOSSLError.uncleanShutdown: .connectionClosed
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: .tlsFailure(String(describing: error))
        default: .connectionLost(String(describing: error))
        }
    }
}
