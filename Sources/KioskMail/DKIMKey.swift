import Crypto
import Foundation
import _CryptoExtras

/// A private key that signs mail with DKIM: RSA (`rsa-sha256`) or Ed25519 (`ed25519-sha256`, RFC 8463).
public struct DKIMKey: Sendable {
    /// The kinds of key.
    private enum Storage: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    private let storage: Storage

    /// The RSA key sizes `rsa(bits:)` makes; 2048 is what DKIM verifiers expect (RFC 8301 allows 1024 to read).
    public static let rsaKeySizes = [2048, 3072, 4096]

    /// The DER in front of the 32-byte seed of every Ed25519 private key in PKCS#8 (RFC 8410):
    /// version 0, the algorithm 1.3.101.112, and an octet string holding an octet string of 32 bytes.
    private static let ed25519PKCS8Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    private init(_ storage: Storage) {
        self.storage = storage
    }

    /// Reads an unencrypted PEM private key: RSA of at least 1024 bits, in PKCS#1 ("RSA PRIVATE KEY")
    /// or PKCS#8 ("PRIVATE KEY"), or Ed25519 in PKCS#8 (what `openssl genpkey -algorithm ed25519` writes).
    public init(pem: String) throws(MailError) {
        if let der = Self.pemContents(pem, label: "PRIVATE KEY"), der.count == 48, der.starts(with: Self.ed25519PKCS8Prefix) {
            do {
                storage = .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32)))
            } catch {
                throw .dkim("The Ed25519 key cannot be read.")
            }
            return
        }
        do {
            storage = .rsa(try _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem))
        } catch CryptoKitError.incorrectParameterSize {
            throw .dkim("The RSA key is shorter than 1024 bits, which DKIM verifiers reject; make a 2048-bit key with kiosk dkim keygen.")
        } catch {
            throw .dkim("The file holds no unencrypted PEM private key of RSA or Ed25519 (“BEGIN PRIVATE KEY” or “BEGIN RSA PRIVATE KEY”).")
        }
    }

    /// A new RSA key of `bits` bits, one of `rsaKeySizes`.
    public static func rsa(bits: Int) throws(MailError) -> DKIMKey {
        guard rsaKeySizes.contains(bits) else {
            throw .dkim("An RSA key for DKIM has 2048, 3072 or 4096 bits, not \(bits); 2048 is the usual size.")
        }
        do {
            return DKIMKey(.rsa(try _RSA.Signing.PrivateKey(keySize: .init(bitCount: bits))))
        } catch {
            throw .dkim("No RSA key could be made: \(error).")
        }
    }

    /// A new Ed25519 key.
    public static func ed25519() -> DKIMKey {
        DKIMKey(.ed25519(Curve25519.Signing.PrivateKey()))
    }

    /// The key in words: "RSA, 2048 bits" or "Ed25519".
    public var summary: String {
        switch storage {
        case .rsa(let key): "RSA, \(key.keySizeInBits) bits"
        case .ed25519: "Ed25519"
        }
    }

    /// The private key in PEM, PKCS#8 ("BEGIN PRIVATE KEY").
    public var pemRepresentation: String {
        switch storage {
        case .rsa(let key): key.pkcs8PEMRepresentation.hasSuffix("\n") ? key.pkcs8PEMRepresentation : key.pkcs8PEMRepresentation + "\n"
        case .ed25519(let key): Self.pem(Self.ed25519PKCS8Prefix + key.rawRepresentation, label: "PRIVATE KEY")
        }
    }

    /// The text of the DNS TXT record that publishes the public key at SELECTOR._domainkey.DOMAIN:
    /// `p=` is the SubjectPublicKeyInfo DER of an RSA key, or the 32 raw bytes of an Ed25519 key.
    public var dnsRecord: String {
        switch storage {
        case .rsa(let key): "v=DKIM1; k=rsa; p=" + key.publicKey.derRepresentation.base64EncodedString()
        case .ed25519(let key): "v=DKIM1; k=ed25519; p=" + key.publicKey.rawRepresentation.base64EncodedString()
        }
    }

    /// The `a=` tag of a signature made with this key.
    var algorithm: String {
        switch storage {
        case .rsa: "rsa-sha256"
        case .ed25519: "ed25519-sha256"
        }
    }

    /// Signs `data`: RSASSA-PKCS1-v1_5 over its SHA-256, or Ed25519 over its SHA-256 (RFC 8463 §3).
    func signature(for data: [UInt8]) throws(MailError) -> Data {
        do {
            switch storage {
            case .rsa(let key): return try key.signature(for: data, padding: .insecurePKCS1v1_5).rawRepresentation
            case .ed25519(let key): return try key.signature(for: Data(SHA256.hash(data: data)))
            }
        } catch {
            throw .dkim("The DKIM signature could not be made: \(error).")
        }
    }

    /// `der` as a PEM document with 64 characters a line.
    private static func pem(_ der: some Sequence<UInt8>, label: String) -> String {
        let base64 = Data(der).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var start = base64.startIndex
        while start < base64.endIndex {
            let end = base64.index(start, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[start..<end]))
            start = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bytes of the first PEM document labelled `label` in `text`, if there is one.
    private static func pemContents(_ text: String, label: String) -> [UInt8]? {
        guard let begin = text.range(of: "-----BEGIN \(label)-----"),
            let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex),
            let der = Data(base64Encoded: String(text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }))
        else { return nil }
        return Array(der)
    }
}
