import Crypto
import Foundation
import HummingbirdBcrypt
import KioskCore
import NIOPosix

/// Hashes and checks passwords with bcrypt, on NIO's thread pool so the event loops never wait for it.
public struct PasswordHasher: Sendable {
    /// The cost chosen for this machine class: about a quarter of a second per sign-in (see `bench/README.md`).
    public static let productionCost: UInt8 = 12
    /// bcrypt's cost factor: each step doubles the work.
    public let cost: UInt8

    /// Creates a hasher; tests use the minimum cost, 4.
    public init(cost: UInt8 = PasswordHasher.productionCost) {
        self.cost = cost
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

/// Session tokens: the cookie carries a random token, the store keeps only its SHA-256.
enum SessionToken {
    /// The digest stored for `token`.
    static func digest(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.utf8)))
    }
}

/// Links that carry their own proof: `purpose.id.expiry` signed with HMAC-SHA256 under the site secret.
struct LinkSigner: Sendable {
    let secret: SymmetricKey

    init(secret: [UInt8]) {
        self.secret = SymmetricKey(data: secret)
    }

    /// A token naming record `id` for `purpose`, valid until `expiresAt`.
    func token(purpose: String, id: Int64, expiresAt: Date) -> String {
        let payload = "\(id).\(Int64(expiresAt.timeIntervalSince1970))"
        return payload + "." + Base64URL.encode(signature(purpose: purpose, payload: payload))
    }

    /// The record id a token claims to name, before its signature is checked: for links whose
    /// purpose names something of the record, which must be read before the link can be verified.
    static func claimedID(_ token: String) -> Int64? {
        token.split(separator: ".", maxSplits: 1).first.flatMap { Int64($0) }
    }

    /// The record id a token names, if its signature is right and it has not expired.
    func verify(_ token: String, purpose: String, now: Date) -> SignedLink? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let id = Int64(parts[0]), let expiry = Int64(parts[1]), let mac = Base64URL.decode(parts[2]) else { return nil }
        let payload = "\(parts[0]).\(parts[1])"
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data((purpose + ":" + payload).utf8), using: secret) else { return nil }
        let expiresAt = Date(timeIntervalSince1970: TimeInterval(expiry))
        return SignedLink(id: id, expired: expiresAt <= now)
    }

    private func signature(purpose: String, payload: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data((purpose + ":" + payload).utf8), using: secret))
    }
}

/// What a verified signed link names.
struct SignedLink: Equatable {
    /// The record id.
    let id: Int64
    /// Whether its time has run out (the signature itself was right).
    let expired: Bool
}

/// Compares two strings in time that does not depend on where they differ.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8)
    let right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}
