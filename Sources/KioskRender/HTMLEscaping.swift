import Mustache

/// Escapes text for HTML element content and attribute values.
public enum HTMLEscaping {
    /// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// Makes `{{% CONTENT_TYPE: HTML }}` in a template use `escape`, which works on UTF-8 bytes and
    /// returns text without special characters untouched; swift-mustache's built-in escaper looks up
    /// every character in a dictionary. Must run before templates are parsed; `Theme` makes sure.
    static let registration: Void = MustacheContentTypes.register(ContentType(), named: "HTML")

    /// The content type that escapes with `escape`.
    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String {
            HTMLEscaping.escape(text)
        }
    }
}
