import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An IPv4 or IPv6 address as its bytes (4 or 16).
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    /// Reads an address written the usual way ("192.0.2.7", "2001:db8::1", "[2001:db8::1]");
    /// an IPv4 address mapped into IPv6 ("::ffff:192.0.2.7") counts as the IPv4 one.
    init?(_ text: some StringProtocol) {
        var text = String(text).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { text = String(text[text.index(after: text.startIndex)..<close]) }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            let all = withUnsafeBytes(of: &v6) { Array($0) }
            bytes = all.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] ? Array(all.suffix(4)) : all
        } else {
            return nil
        }
    }

    /// The address a connection came from, when it is an IP address.
    init?(_ address: SocketAddress?) {
        guard let text = address?.ipAddress else { return nil }
        self.init(text)
    }

    /// The key that limits count this address under: the address itself for IPv4, its /64 network
    /// for IPv6 (one household or office gets a whole /64, and can change addresses within it at will).
    var limitKey: String {
        bytes.count == 4 ? description : bytes.prefix(8).map { String(format: "%02x", $0) }.joined() + "::/64"
    }

    var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }
}

/// A range of addresses, as `192.0.2.0/24`, `2001:db8::/32` or one address.
public struct AddressRange: Sendable, CustomStringConvertible {
    let network: IPAddress
    let prefixLength: Int

    /// Reads `text`; `nil` when it is not an address or an address with a prefix length.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let address = parts.first.flatMap(IPAddress.init) else { return nil }
        let bits = address.bytes.count * 8
        guard let length = parts.count == 2 ? Int(parts[1]) : bits, (0...bits).contains(length) else { return nil }
        network = address
        prefixLength = length
    }

    /// Whether `address` lies in the range.
    func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var remaining = prefixLength
        for (ours, theirs) in zip(network.bytes, address.bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xff : ~(0xff >> UInt8(remaining))
            guard ours & mask == theirs & mask else { return false }
            remaining -= 8
        }
        return true
    }

    public var description: String { "\(network)/\(prefixLength)" }
}

/// Finds the client of a request that may have come through reverse proxies (nginx, Caddy, a load
/// balancer). Only a proxy listed as trusted is believed: for requests from one, the client is the
/// last address in `Forwarded` (or `X-Forwarded-For`) that is not itself a trusted proxy; anyone
/// else's headers are ignored, so nobody can pose as another client by sending them. The scheme
/// the client used is taken from a trusted proxy the same way.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    let trustedProxies: [AddressRange]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let peer = context.remoteAddress.flatMap(IPAddress.init)
        if let client = client(of: request, connectedFrom: peer) {
            context.client = client
        }
        if let peer, trusted(peer) {
            context.forwardedScheme = Self.forwardedScheme(request.headers)
        }
        return try await next(request, context)
    }

    /// The scheme the first proxy was reached with: `proto=` of the first `Forwarded` element, or the first `X-Forwarded-Proto`.
    static func forwardedScheme(_ headers: HTTPFields) -> String? {
        if let forwarded = headers[values: .forwarded].joined(separator: ",").nonEmpty {
            return forwarded.split(separator: ",").first?.split(separator: ";").lazy
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .first { $0.hasPrefix("proto=") }
                .map { String($0.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return headers[values: .xForwardedProto].first?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    private func trusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// The client: the connection's address, or for a trusted proxy the last untrusted address it forwarded.
    func client(of request: Request, connectedFrom peer: IPAddress?) -> IPAddress? {
        guard let peer, trusted(peer) else { return peer }
        let chain = Self.forwardedChain(request.headers)
        return chain.last { !trusted($0) } ?? chain.first ?? peer
    }

    /// The addresses a request passed through, client first, from `Forwarded` (RFC 7239) or else `X-Forwarded-For`.
    static func forwardedChain(_ headers: HTTPFields) -> [IPAddress] {
        if let forwarded = headers[values: .forwarded].joined(separator: ",").nonEmpty {
            return forwarded.split(separator: ",").compactMap { element in
                element.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix("for=") }
                    .flatMap { value in
                        let address = value.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                        // "[2001:db8::1]:4711" or "192.0.2.7:4711": the port goes.
                        if address.hasPrefix("[") { return IPAddress(address) }
                        return IPAddress(address.split(separator: ":").count == 2 ? String(address.split(separator: ":")[0]) : address)
                    }
            }
        }
        return headers[values: .xForwardedFor].joined(separator: ",").split(separator: ",").compactMap(IPAddress.init)
    }
}

extension HTTPField.Name {
    static let forwarded = HTTPField.Name("Forwarded")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let permissionsPolicy = HTTPField.Name("Permissions-Policy")!
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
