import Foundation
import KioskCore

/// Where a PostgreSQL database is and how to reach it, read from a `postgres://` URL the way libpq
/// reads it: `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=…&sslrootcert=…`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` says.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain text.
        case disable
        /// TLS when the server offers it, plain text otherwise; the certificate is not checked.
        case prefer
        /// TLS or nothing; the certificate is checked only against `sslrootcert` when one is given.
        case require
        /// TLS, with the server's certificate checked against the trusted authorities.
        case verifyCA = "verify-ca"
        /// TLS, with the certificate checked and its name matched to the host.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public let host: String
    /// The server's port.
    public let port: Int
    /// The role to connect as.
    public let user: String
    /// Its password, if the server asks for one; never printed.
    public let password: String?
    /// The database's name.
    public let database: String
    /// How the connection is encrypted.
    public let tlsMode: TLSMode
    /// A PEM file of the authorities to trust instead of the system's, for `verify-ca` and `verify-full`.
    public let rootCertificatePath: String?

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` or `postgresql://` URL; throws `ValidationError` saying what is wrong,
    /// without repeating the password.
    public init(url text: String) throws(ValidationError) {
        func refuse(_ why: String) -> ValidationError {
            ValidationError(field: "database", message: "the PostgreSQL URL \(Self.redacted(text)) \(why)")
        }
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw refuse("is not a URL like postgres://user:password@host:5432/database.")
        }
        guard let host = components.percentEncodedHost.flatMap({ $0.removingPercentEncoding }), !host.isEmpty else {
            throw refuse("names no host.")
        }
        guard let user = components.user, !user.isEmpty else { throw refuse("names no user (postgres://USER:password@host/database).") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw refuse("names no database (postgres://user@host:5432/DATABASE).") }
        if let port = components.port, !(1...65_535).contains(port) { throw refuse("has a port outside 1 to 65535.") }
        var mode = TLSMode.prefer
        var rootCertificate: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = TLSMode(rawValue: value) ?? (value == "allow" ? .prefer : nil) else {
                    throw refuse("has an sslmode that is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                mode = parsed
            case "sslrootcert":
                guard let value = item.value, !value.isEmpty else { throw refuse("has an empty sslrootcert.") }
                rootCertificate = value
            default:
                throw refuse("has the parameter “\(item.name)”, which Kiosk does not know (it knows sslmode and sslrootcert).")
            }
        }
        if let rootCertificate, !FileManager.default.isReadableFile(atPath: rootCertificate) {
            throw refuse("names an sslrootcert that cannot be read: \(rootCertificate).")
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password.flatMap { $0.isEmpty ? nil : $0 }
        self.database = database
        self.tlsMode = mode
        self.rootCertificatePath = rootCertificate
    }

    /// The URL without its password, safe to print.
    public var description: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)?sslmode=\(tlsMode.rawValue)"
    }

    /// `text` with any password in it replaced by `***`, safe to print even when it does not parse.
    public static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
