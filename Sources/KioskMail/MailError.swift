/// A failure to build or deliver mail, with a message a person can act on.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header we were asked to write is not allowed: its name is not a token or its value breaks the line.
    case invalidHeader(name: String, reason: String)
    /// An `smtp://` or `smtps://` URL that cannot be used; says what is wrong.
    case invalidURL(String)
    /// The TCP connection to the server could not be made.
    case connectionFailed(host: String, port: Int, reason: String)
    /// The server closed the connection while we were talking to it.
    case connectionClosed
    /// The connection broke, e.g. it was reset; says how.
    case connectionLost(String)
    /// The server did not answer in time; says what we were waiting for.
    case timedOut(waitingFor: String)
    /// TLS could not be set up, or the server's certificate was not trusted.
    case tlsFailure(String)
    /// The server turned down our username and password.
    case authenticationRefused(code: Int, message: String)
    /// We did not send the credentials: the connection is not encrypted or no common mechanism exists.
    case authenticationUnavailable(String)
    /// The server answered the greeting, EHLO/HELO, STARTTLS or another session command with a refusal.
    case serverRefused(step: String, code: Int, message: String)
    /// The server sent something that is not an SMTP reply.
    case malformedReply(String)
    /// A DKIM key, domain or selector cannot be used, or signing failed; says why in a sentence.
    case dkim(String)

    /// The message for people and logs.
    public var description: String {
        switch self {
        case .invalidHeader(let name, let reason):
            "The mail header “\(name)” cannot be written: \(reason)."
        case .invalidURL(let problem):
            "The SMTP URL is not usable: \(problem)."
        case .connectionFailed(let host, let port, let reason):
            "Could not connect to the mail server \(host):\(port): \(reason)."
        case .connectionClosed:
            "The mail server closed the connection."
        case .connectionLost(let reason):
            "The connection to the mail server broke: \(reason)."
        case .timedOut(let waitingFor):
            "The mail server did not answer in time (waiting for \(waitingFor))."
        case .tlsFailure(let reason):
            "TLS with the mail server failed: \(reason)."
        case .authenticationRefused(let code, let message):
            "The mail server refused the username and password (\(code) \(message))."
        case .authenticationUnavailable(let reason):
            "Cannot log in to the mail server: \(reason)."
        case .serverRefused(let step, let code, let message):
            "The mail server refused the \(step) (\(code) \(message))."
        case .malformedReply(let line):
            "The mail server sent something that is not an SMTP reply: “\(line)”."
        case .dkim(let reason):
            reason
        }
    }
}
