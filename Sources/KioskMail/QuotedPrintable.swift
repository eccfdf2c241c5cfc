/// Quoted-printable body encoding (RFC 2045) that also survives SMTP dot-stuffing and mbox "From " munging.
enum QuotedPrintable {
    /// The longest encoded line, soft line break `=` included.
    static let lineLimit = 76

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Appends `text` to `output` encoded, with CRLF for every line break in it (CRLF, LF or CR).
    static func encode(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + bytes.count / 8 + 16)
            var column = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == cr || byte == lf {
                    output.append(cr)
                    output.append(lf)
                    column = 0
                    index += byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
                    continue
                }
                let endsLine = index + 1 == bytes.count || bytes[index + 1] == cr || bytes[index + 1] == lf
                // Only the last character of a line may reach the limit; any other leaves room for "=".
                let limit = endsLine ? lineLimit : lineLimit - 1
                var escaped = mustEscape(bytes, at: index, endsLine: endsLine, startsLine: column == 0)
                if column + (escaped ? 3 : 1) > limit {
                    output.append(UInt8(ascii: "="))
                    output.append(cr)
                    output.append(lf)
                    column = 0
                    escaped = mustEscape(bytes, at: index, endsLine: endsLine, startsLine: true)
                }
                if escaped {
                    output.append(UInt8(ascii: "="))
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0x0F))
                    column += 3
                } else {
                    output.append(byte)
                    column += 1
                }
                index += 1
            }
        }
    }

    /// The uppercase hexadecimal digit for `nibble` (0–15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    /// Whether the byte at `index` must be written as `=XX`: anything but printable ASCII and `=`, a space
    /// or tab ending a line, and at the start of a line a "." or the "F" of "From ".
    private static func mustEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, endsLine: Bool, startsLine: Bool) -> Bool {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            return endsLine
        case UInt8(ascii: "="), ..<0x21, 0x7F...:
            return true
        case UInt8(ascii: "."):
            return startsLine
        case UInt8(ascii: "F"):
            return startsLine && bytes[index...].starts(with: "From ".utf8)
        default:
            return false
        }
    }
}
