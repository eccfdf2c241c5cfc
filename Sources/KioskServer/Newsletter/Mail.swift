import Foundation
import KioskStore
import Synchronization
import KioskCore
import KioskMail

/// Where Kiosk's mail goes: an SMTP server, or a folder when none is configured.
public protocol MailTransport: Sendable {
    /// Where mail goes, in words for the newsroom (never a password).
    var description: String { get }
    /// Whether mail only lands in a folder and reaches nobody.
    var isFolder: Bool { get }
    /// How many messages may be in flight at once (connections).
    var parallelism: Int { get }
    /// Opens a session that sends many messages one after another.
    func openSession() async throws -> any MailSession
    /// Catches up with configuration that may have changed (the newsroom's settings).
    func refresh() async
}

extension MailTransport {
    /// Nothing to catch up with by default.
    public func refresh() async {}
}

/// The mail server set in the newsroom's settings, read again before each session, or the outbox
/// folder while none is set. Used when no SMTP URL is given on the command line or in the environment.
public final class SettingsTransport<Store: SiteStore>: MailTransport {
    let store: Store
    let folder: FolderTransport
    /// Opens the server's address, which is sealed when the operator gave a key.
    let secrets: SecretBox
    public let parallelism: Int
    private let current: Mutex<(url: String, transport: any MailTransport)>

    /// Creates the transport; it starts as the folder until `refresh` reads the settings.
    public init(store: Store, folder: FolderTransport, secrets: SecretBox, parallelism: Int) {
        self.store = store
        self.folder = folder
        self.secrets = secrets
        self.parallelism = max(1, parallelism)
        current = Mutex(("", folder))
    }

    public var description: String { current.withLock { $0.transport.description } }
    public var isFolder: Bool { current.withLock { $0.transport.isFolder } }

    public func refresh() async {
        guard let stored = try? await store.siteContext().settings.smtpURL else { return }
        current.withLock { current in
            guard current.url != stored else { return }
            current = (stored, transport(for: stored))
        }
    }

    /// The transport the stored setting names: the folder while none is set, and the folder with
    /// the reason when the address cannot be opened with this node's key.
    private func transport(for stored: String) -> any MailTransport {
        let url: String
        do {
            url = try secrets.open(stored)
        } catch {
            return UnusableServerTransport(folder: folder, reason: "\(error)")
        }
        guard !url.isEmpty, let configuration = try? SMTPConfiguration(url: url) else { return folder }
        return SMTPTransport(configuration: configuration, parallelism: parallelism)
    }

    public func openSession() async throws -> any MailSession {
        await refresh()
        return try await current.withLock { $0.transport }.openSession()
    }
}

/// The outbox folder standing in for a mail server set in the newsroom that this node cannot use,
/// saying why wherever the transport is described (the newsletter page shows it).
struct UnusableServerTransport: MailTransport {
    let folder: FolderTransport
    let reason: String

    var description: String { "\(folder.description). A mail server is saved in Settings, but it cannot be used: \(reason)" }
    var isFolder: Bool { true }
    var parallelism: Int { 1 }

    func openSession() async throws -> any MailSession {
        try await folder.openSession()
    }
}

/// One connection's worth of sending.
public protocol MailSession: Sendable {
    /// Sends one message; throws when the outcome is unknown (the connection broke).
    func send(from: EmailAddress, to: EmailAddress, data: [UInt8]) async throws -> DeliveryOutcome
    /// Ends the session.
    func close() async
}

/// Mail through an SMTP server, over `parallelism` connections.
public struct SMTPTransport: MailTransport {
    /// The server and how to reach it.
    public let configuration: SMTPConfiguration
    /// Connections opened at once for newsletters.
    public let parallelism: Int

    /// Creates the transport.
    public init(configuration: SMTPConfiguration, parallelism: Int) {
        self.configuration = configuration
        self.parallelism = max(1, parallelism)
    }

    public var description: String { configuration.redactedDescription }
    public var isFolder: Bool { false }

    public func openSession() async throws -> any MailSession {
        try await SMTPConnection.connect(configuration)
    }
}

extension SMTPConnection: MailSession {}

/// Mail written as `.eml` files into a folder, for a publication without an SMTP server yet.
public struct FolderTransport: MailTransport {
    /// The folder.
    public let folder: String

    /// Creates the transport.
    public init(folder: String) {
        self.folder = folder
    }

    public var description: String { "the folder \(folder) (no SMTP server is configured, so nothing is sent to anyone)" }
    public var isFolder: Bool { true }
    public var parallelism: Int { 1 }

    public func openSession() async throws -> any MailSession {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return FolderSession(folder: folder)
    }
}

/// Writes each message to its own file, named by time and recipient.
struct FolderSession: MailSession {
    let folder: String

    func send(from: EmailAddress, to: EmailAddress, data: [UInt8]) async throws -> DeliveryOutcome {
        let stamp = Int(Date().timeIntervalSince1970 * 1_000_000)
        let safe = to.rawValue.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        let url = URL(fileURLWithPath: folder).appendingPathComponent("\(stamp)-\(String(safe)).eml")
        try Data(data).write(to: url, options: .atomic)
        return .accepted
    }

    func close() async {}
}

/// Who mail comes from.
public struct MailIdentity: Sendable {
    /// The From address.
    public let from: MailAddress
    /// Where replies go, if not the From address.
    public let replyTo: MailAddress?
    /// The domain of `Message-ID`s.
    public let domain: String
    /// Signs every message with DKIM when set.
    public var dkim: DKIMSigner?

    /// Creates the identity, without DKIM; the Message-ID domain is the From address's.
    public init(from: MailAddress, replyTo: MailAddress? = nil) {
        self.from = from
        self.replyTo = replyTo
        domain = String(from.email.rawValue.split(separator: "@").last ?? "localhost")
    }

    /// A new unique Message-ID.
    func messageID() -> String {
        "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// `message` as every transport gets it: rendered, and signed when a DKIM key is set.
    func data(of message: MailMessage) throws -> [UInt8] {
        let rendered = try message.rendered()
        guard let dkim else { return rendered }
        return try dkim.sign(rendered, at: message.date)
    }
}

/// Sends single messages (confirmations, preferences links, tests) through the transport.
struct TransactionalMailer: Sendable {
    let transport: any MailTransport
    let identity: MailIdentity

    /// Builds and sends one message; returns the server's outcome.
    func send(to: EmailAddress, subject: String, text: String, html: String, headers: [(name: String, value: String)] = []) async throws -> DeliveryOutcome {
        let message = MailMessage(
            from: identity.from, to: MailAddress(to), replyTo: identity.replyTo, subject: subject, date: Date(), messageID: identity.messageID(),
            headers: headers, text: text, html: html)
        let session = try await transport.openSession()
        let outcome: DeliveryOutcome
        do {
            outcome = try await session.send(from: identity.from.email, to: to, data: try identity.data(of: message))
        } catch {
            await session.close()
            throw error
        }
        await session.close()
        return outcome
    }
}
