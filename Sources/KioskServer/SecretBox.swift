import Crypto
import Foundation

/// Seals the secrets Kiosk keeps in its database (authenticator secrets, the mail server's
/// password) with a key the operator supplies, so a copy of the database alone does not give them
/// away. Without a key, secrets are kept as they are, and Kiosk says so.
public struct SecretBox: Sendable {
    /// What sealed values begin with; anything else was kept without a key.
    static let prefix = "sealed:v1:"
    private let key: SymmetricKey?

    /// A box for `key` (32 bytes), or one that keeps secrets as they are when `key` is `nil`.
    public init(key: [UInt8]?) {
        self.key = key.map { SymmetricKey(data: $0) }
    }

    /// The key written in `text`: 32 bytes in base64 (as `openssl rand -base64 32` prints them).
    public static func key(from text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw SecretBoxError("the secret key must be 32 bytes in base64, as `openssl rand -base64 32` prints them.")
        }
        return [UInt8](data)
    }

    /// Whether secrets are sealed.
    public var hasKey: Bool { key != nil }

    /// `secret` as it is stored: sealed with AES-GCM when there is a key.
    public func seal(_ secret: String) throws -> String {
        guard let key else { return secret }
        guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key).combined else {
            throw SecretBoxError("the secret could not be sealed.")
        }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The secret `stored` holds; throws when it was sealed and there is no key or another key.
    public func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let key else {
            throw SecretBoxError("the database holds secrets sealed with a key, and none is set: set KIOSK_SECRET_KEY_FILE to the file holding it.")
        }
        guard let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))), let box = try? AES.GCM.SealedBox(combined: data),
            let opened = try? AES.GCM.open(box, using: key)
        else {
            throw SecretBoxError("a secret in the database was sealed with another key than the one set in KIOSK_SECRET_KEY_FILE.")
        }
        return String(decoding: opened, as: UTF8.self)
    }
}

/// A secret cannot be sealed or opened; says why, for the operator.
public struct SecretBoxError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
