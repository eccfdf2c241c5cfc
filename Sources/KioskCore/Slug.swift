import Foundation

/// A URL path segment naming a piece of content: lowercase ASCII letters, digits and single hyphens.
public struct Slug: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The longest slug accepted, in characters.
    public static let maximumLength = 120

    /// The slug text, always valid.
    public let rawValue: String

    /// Validates `text` as a slug, or throws `ValidationError` explaining what is wrong.
    public init(_ text: String) throws(ValidationError) {
        guard !text.isEmpty else { throw ValidationError(field: "slug", message: "A slug cannot be empty.") }
        guard text.utf8.count <= Self.maximumLength else {
            throw ValidationError(field: "slug", message: "A slug can be at most \(Self.maximumLength) characters long.")
        }
        guard text.utf8.allSatisfy(Self.isAllowed) else {
            throw ValidationError(field: "slug", message: "A slug may only contain lowercase letters a–z, digits and hyphens.")
        }
        guard text.first != "-", text.last != "-", !text.containsBytes("--") else {
            throw ValidationError(field: "slug", message: "A slug cannot start or end with a hyphen or contain two in a row.")
        }
        self.rawValue = text
    }

    /// Returns the slug for `text` if it is valid, `nil` otherwise (for URL lookups, where bad input is a 404).
    public static func parse(_ text: some StringProtocol) -> Slug? {
        try? Slug(String(text))
    }

    /// Makes a slug from a title: letters folded to ASCII, everything else turned into single hyphens.
    public static func derived(from title: String) -> Slug? {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var result = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value), Self.isAlphanumeric(byte) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return parse(String(result.prefix(maximumLength)).trimmingHyphens())
    }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-")
    }
}

extension String {
    fileprivate func trimmingHyphens() -> String {
        var text = Substring(self)
        while text.last == "-" { text = text.dropLast() }
        while text.first == "-" { text = text.dropFirst() }
        return String(text)
    }
}
