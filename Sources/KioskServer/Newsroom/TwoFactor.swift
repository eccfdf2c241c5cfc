import Crypto
import Foundation
import HummingbirdOTP
import KioskCore

/// Two-step sign-in with an authenticator app (TOTP, RFC 6238: six digits, 30 seconds, SHA-1, as
/// every app expects), and one-use recovery codes for a lost phone.
enum TwoFactor {
    /// Seconds each code stands for.
    static let timeStep: TimeInterval = 30
    /// Codes of this many steps before or after now are accepted, for clocks a little apart.
    static let drift: Int64 = 1
    /// How many recovery codes an account gets.
    static let recoveryCodeCount = 10
    /// The alphabet of secrets and recovery codes: base32's, which has no look-alike characters.
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// A new secret: 20 random characters, whose bytes are the key the app is given.
    static func newSecret() -> String {
        String((0..<20).map { _ in alphabet.randomElement()!.uppercased() }.joined())
    }

    /// The key to type into an app: the secret's bytes in base32 (as the app's address carries
    /// them), in groups of four.
    static func displayedKey(_ secret: String) -> String {
        let address = TOTP(secret: secret).createAuthenticatorURL(label: "key")
        let encoded = URLComponents(string: address)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return stride(from: 0, to: encoded.count, by: 4).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 4, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }.joined(separator: " ")
    }

    /// The `otpauth://` address an app can open or show as a QR code.
    static func authenticatorURL(_ secret: String, account: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
    }

    /// The time step of `date`.
    static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / timeStep).rounded(.down))
    }

    /// The time step whose code `code` is, within the drift of `now`, or `nil`.
    static func matchingStep(_ code: String, secret: String, now: Date) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy { $0.isASCII && $0.isNumber }, let number = Int(digits) else { return nil }
        let totp = TOTP(secret: secret)
        let current = step(at: now)
        return (current - drift...current + drift).first { candidate in
            totp.compute(date: Date(timeIntervalSince1970: TimeInterval(candidate) * timeStep)) == number
        }
    }

    /// New recovery codes, as the person sees them (`abcde-fghij`).
    static func newRecoveryCodes() -> [String] {
        (0..<recoveryCodeCount).map { _ in
            let characters = (0..<10).map { _ in String(alphabet.randomElement()!) }.joined()
            return characters.prefix(5) + "-" + characters.suffix(5)
        }
    }

    /// The stored hash of a recovery code, however it was typed (case, spaces and dashes aside).
    static func recoveryHash(_ code: String) -> [UInt8] {
        let normalized = code.lowercased().filter { $0 != "-" && !$0.isWhitespace }
        return Array(SHA256.hash(data: Data(normalized.utf8)))
    }

    /// Whether `text` looks like a recovery code rather than an app's code.
    static func isRecoveryCode(_ text: String) -> Bool {
        text.lowercased().filter { $0 != "-" && !$0.isWhitespace }.count == 10
    }
}
