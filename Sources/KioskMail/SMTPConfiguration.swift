import Foundation

/// How the connection to the mail server is protected.
public enum SMTPSecurity: Sendable, Equatable {
    /// Plain text; STARTTLS is never tried (`starttls=never`).
    case none
    /// STARTTLS when the server offers it, plain text otherwise (the `smtp://` default).
    case startTLSIfOffered
    /// STARTTLS, and refuse servers that do not offer it (`starttls=required`).
    case startTLS
    /// TLS from the first byte (`smtps://`).
    case implicitTLS
}

/// Where and how to deliver mail over SMTP.
public struct SMTPConfiguration: Sendable, Equatable {
    /// The server's host name or IP address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// Whether and how TLS is used.
    public var security: SMTPSecurity
    /// The user name to log in with, if the server needs one.
    public var username: String?
    /// The password to log in with.
    public var password: String?
    /// The name we give in EHLO/HELO.
    public var heloName: String
    /// How long to wait for the TCP connection.
    public var connectTimeout: Duration
    /// How long to wait for each reply of the server.
    public var commandTimeout: Duration
    /// A PEM file of CA certificates added to the trust roots (for a private mail server or tests).
    public var trustRootsFile: String?
    /// Whether the server's certificate is checked; turn off only for a server you control.
    public var verifyCertificates: Bool

    /// Creates a configuration.
    public init(
        host: String, port: Int, security: SMTPSecurity = .startTLSIfOffered, username: String? = nil, password: String? = nil,
        heloName: String = "localhost", connectTimeout: Duration = .seconds(10), commandTimeout: Duration = .seconds(60),
        trustRootsFile: String? = nil, verifyCertificates: Bool = true
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.trustRootsFile = trustRootsFile
        self.verifyCertificates = verifyCertificates
    }

    /// Parses `smtp://[user[:password]@]host[:port][?starttls=required|never][&ca=/path.pem][&verify=false]` (default port 25;
    /// STARTTLS is used when the server offers it unless starttls=never, and required with starttls=required) or `smtps://...`
    /// (implicit TLS, default port 465). User and password are percent-decoded. Throws MailError with a clear message for anything else.
    public init(url: String) throws(MailError) {
        // The messages below never quote the URL: it may hold a password.
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw .invalidURL("it is not a URL like smtp://user:password@mail.example.org:587")
        }
        var security: SMTPSecurity
        switch scheme {
        case "smtp": security = .startTLSIfOffered
        case "smtps": security = .implicitTLS
        default: throw .invalidURL("the scheme must be smtp or smtps, not “\(scheme)”")
        }
        guard var host = components.host, !host.isEmpty else { throw .invalidURL("it names no host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (security == .implicitTLS ? 465 : 25)
        guard (1...65535).contains(port) else { throw .invalidURL("the port \(port) is not between 1 and 65535") }
        guard components.path.isEmpty || components.path == "/" else { throw .invalidURL("it must not have a path") }
        guard components.fragment == nil else { throw .invalidURL("it must not have a fragment (#…)") }
        let username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        let password = components.password
        guard (username == nil) == (password == nil) else {
            throw .invalidURL(username == nil ? "it has a password but no user name" : "the user name has no password (user:password@host)")
        }

        var trustRootsFile: String?
        var verifyCertificates = true
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("starttls", "required") where security != .implicitTLS: security = .startTLS
            case ("starttls", "never") where security != .implicitTLS: security = .none
            case ("starttls", _) where security == .implicitTLS:
                throw .invalidURL("starttls does not apply to smtps://, which uses TLS from the start")
            case ("starttls", _): throw .invalidURL("starttls must be “required” or “never”")
            case ("ca", let path?) where !path.isEmpty: trustRootsFile = path
            case ("ca", _): throw .invalidURL("ca needs the path of a PEM file")
            case ("verify", "false"): verifyCertificates = false
            case ("verify", "true"): verifyCertificates = true
            case ("verify", _): throw .invalidURL("verify must be “true” or “false”")
            default: throw .invalidURL("the option “\(item.name)” is unknown (use starttls, ca or verify)")
            }
        }
        self.init(
            host: host, port: port, security: security, username: username, password: password,
            trustRootsFile: trustRootsFile, verifyCertificates: verifyCertificates
        )
    }

    /// The URL without the password, for logs and the newsroom.
    public var redactedDescription: String {
        var url = security == .implicitTLS ? "smtps://" : "smtp://"
        if let username { url += (username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username) + "@" }
        url += host.contains(":") ? "[\(host)]" : host
        url += ":\(port)"
        var options: [String] = []
        switch security {
        case .none: options.append("starttls=never")
        case .startTLS: options.append("starttls=required")
        case .startTLSIfOffered, .implicitTLS: break
        }
        if let trustRootsFile { options.append("ca=" + trustRootsFile) }
        if !verifyCertificates { options.append("verify=false") }
        return options.isEmpty ? url : url + "?" + options.joined(separator: "&")
    }
}
