import Foundation
import KioskCore

/// A WordPress post's body made ready for `HTMLToMarkdown`: shortcodes turned into the HTML they
/// stand for, and, for classic (non-block) posts, WordPress's own paragraph rules (wpautop) applied,
/// since those bodies keep paragraphs as blank lines rather than `<p>`.
public struct WordPressBody {
    /// An image of a `[gallery]`: its address, alternative text and caption.
    public struct GalleryImage: Sendable, Equatable {
        /// The image's address.
        public let source: String
        /// Its alternative text.
        public let alt: String
        /// Its caption.
        public let caption: String

        /// Creates a gallery image.
        public init(source: String, alt: String, caption: String) {
            self.source = source
            self.alt = alt
            self.caption = caption
        }
    }

    /// The images of a `[gallery ids="…"]`, given the attachment ids it names.
    public var galleryImages: ([Int]) -> [GalleryImage]

    /// Creates the converter; galleries find no images unless told how.
    public init(galleryImages: @escaping ([Int]) -> [GalleryImage] = { _ in [] }) {
        self.galleryImages = galleryImages
    }

    /// Shortcodes Kiosk turns into HTML; any other is reported.
    static let understood: Set<String> = ["caption", "wp_caption", "gallery", "embed", "video", "audio"]

    /// The HTML of `content` and the names of the shortcodes it held that Kiosk does not understand
    /// (their tags are removed, what they enclose is kept).
    public func html(_ content: String) -> (html: String, unknownShortcodes: [String]) {
        var unknown: [String] = []
        let unified = content.containsBytes("\r") ? content.replacingOccurrences(of: "\r\n", with: "\n") : content
        let expanded = unified.containsBytes("[") ? expandShortcodes(unified, unknown: &unknown) : unified
        let isBlockEditor = content.containsBytes("<!-- wp:")
        return (isBlockEditor ? expanded : Self.autoParagraphs(Self.linkingBareURLs(Array(expanded.utf8))), unknown)
    }

    // MARK: Shortcodes

    private func expandShortcodes(_ text: String, unknown: inout [String]) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "[")) {
            output += rest[..<open]
            rest = rest[open...]
            guard let tag = Shortcode.parse(rest) else {
                output.append("[")
                rest = rest.dropFirst()
                continue
            }
            rest = rest[tag.end...]
            var enclosed = ""
            let closing = "[/\(tag.name)]"
            if !tag.selfClosing, let close = rest.firstByteRange(of: closing) {
                enclosed = String(rest[..<close.lowerBound])
                rest = rest[close.upperBound...]
            }
            output += expand(tag, enclosed: enclosed, unknown: &unknown)
        }
        return output + rest
    }

    private func expand(_ tag: Shortcode, enclosed: String, unknown: inout [String]) -> String {
        switch tag.name {
        case "caption", "wp_caption":
            var inner = enclosed
            var caption = tag.attributes["caption"] ?? ""
            if let imageEnd = Self.endOfFirstImage(in: inner) {
                caption = caption.isEmpty ? String(inner[imageEnd...]).trimmingSpaces() : caption
                inner = String(inner[..<imageEnd])
            }
            return "\n\n<figure>\(inner)<figcaption>\(caption)</figcaption></figure>\n\n"
        case "gallery":
            let ids = (tag.attributes["ids"] ?? tag.attributes["include"] ?? "").split(separator: ",").compactMap { Int($0.trimmingSpaces()) }
            return galleryImages(ids).map { image in
                "\n\n<figure><img src=\"\(Self.attributeEscaped(image.source))\" alt=\"\(Self.attributeEscaped(image.alt))\">"
                    + "<figcaption>\(Self.attributeEscaped(image.caption))</figcaption></figure>\n\n"
            }.joined()
        case "embed":
            let address = (tag.attributes["src"] ?? enclosed).trimmingSpaces()
            return "\n\n<iframe src=\"\(Self.attributeEscaped(address))\"></iframe>\n\n"
        case "video", "audio":
            let keys = ["src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a"]
            guard let address = keys.lazy.compactMap({ tag.attributes[$0] }).first else { return enclosed }
            return "\n\n<\(tag.name) src=\"\(Self.attributeEscaped(address))\"></\(tag.name)>\n\n"
        default:
            if !unknown.contains(tag.name) { unknown.append(tag.name) }
            return enclosed
        }
    }

    /// Where the first `<img …>` (possibly inside a link) of `html` ends, for captions that follow it.
    private static func endOfFirstImage(in html: String) -> String.Index? {
        guard let image = html.range(of: "<img") else { return nil }
        guard let close = html[image.upperBound...].firstIndex(of: ">") else { return nil }
        var end = html.index(after: close)
        let after = html[end...].drop { $0 == " " || $0 == "\n" }
        if after.lowercased().hasPrefix("</a>") { end = html.index(after.startIndex, offsetBy: 4) }
        return end
    }

    private static func attributeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// A line holding nothing but an address becomes an embed of it, as WordPress does. Works on
    /// the UTF-8 bytes, like wpautop.
    private static func linkingBareURLs(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        for (number, line) in text.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if number > 0 { output.append(0x0A) }
            let address = trimmed(line)
            guard address.starts(with: "http://".utf8) || address.starts(with: "https://".utf8),
                !address.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\"") })
            else {
                output += line
                continue
            }
            output += Array("\n<iframe src=\"\(attributeEscaped(String(decoding: address, as: UTF8.self)))\"></iframe>\n".utf8)
        }
        return output
    }

    // MARK: wpautop

    /// Elements WordPress does not wrap in paragraphs.
    static let blockElements: Set<String> = [
        "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map",
        "area", "blockquote", "address", "math", "style", "p", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "fieldset", "legend", "section", "article",
        "aside", "hgroup", "header", "footer", "nav", "figure", "figcaption", "details", "menu", "summary", "iframe", "video", "audio", "script",
    ]

    /// WordPress's paragraph rules: text separated by blank lines becomes paragraphs, a single
    /// line break inside one becomes `<br>`, and block elements are left unwrapped. Works on the
    /// UTF-8 bytes: every character it looks for is ASCII.
    static func autoParagraphs(_ text: [UInt8]) -> String {
        var output: [UInt8] = []
        var current: [ArraySlice<UInt8>] = []
        var preDepth = 0
        func flush() {
            guard !current.isEmpty else { return }
            let chunk = trimmed(Array(current.joined(separator: [0x0A]))[...])
            current = []
            if !output.isEmpty { output.append(0x0A) }
            if startsWithBlock(chunk) {
                output += chunk
            } else {
                output += Array("<p>".utf8) + Array(chunk.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: Array("<br>\n".utf8))) + Array("</p>".utf8)
            }
        }
        for line in spacedAroundBlocks(text).split(separator: 0x0A, omittingEmptySubsequences: false) {
            preDepth += occurrences(of: Array("<pre".utf8), in: line)
            preDepth = max(0, preDepth - occurrences(of: Array("</pre>".utf8), in: line))
            if trimmed(line).isEmpty, preDepth == 0 {
                flush()
            } else {
                current.append(line)
            }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }

    /// `bytes` without spaces, tabs and line breaks at either end.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }

    /// How many times `needle` occurs in `line`.
    static func occurrences(of needle: [UInt8], in line: ArraySlice<UInt8>) -> Int {
        guard let first = needle.first, line.count >= needle.count else { return 0 }
        var count = 0
        var index = line.startIndex
        while index <= line.endIndex - needle.count {
            if line[index] == first, line[index..<(index + needle.count)].elementsEqual(needle) {
                count += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// `text` with blank lines before each block element's start and after its end, so that
    /// splitting at blank lines never puts one inside a paragraph.
    private static func spacedAroundBlocks(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count + text.count / 8)
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "<"), let name = elementName(text[(index + 1)...]), blockElements.contains(name),
                let end = text[index...].firstIndex(of: UInt8(ascii: ">"))
            else {
                output.append(text[index])
                index += 1
                continue
            }
            let closing = index + 1 < text.count && text[index + 1] == UInt8(ascii: "/")
            if !closing { output += [0x0A, 0x0A] }
            output += text[index...end]
            if closing { output += [0x0A, 0x0A] }
            index = end + 1
        }
        return output
    }

    /// The lower-cased element name after a `<` (any `/` first skipped), or `nil` when there is none.
    private static func elementName(_ bytes: ArraySlice<UInt8>) -> String? {
        let name = bytes.drop { $0 == UInt8(ascii: "/") }.prefix { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self).lowercased()
    }

    private static func startsWithBlock(_ chunk: ArraySlice<UInt8>) -> Bool {
        guard chunk.first == UInt8(ascii: "<"), let name = elementName(chunk.dropFirst()) else { return false }
        return blockElements.contains(name)
    }
}

/// One shortcode's opening tag: `[name attr="value" other='value' bare]`.
struct Shortcode {
    let name: String
    let attributes: [String: String]
    let selfClosing: Bool
    /// Where the tag ends in the text it was read from.
    let end: Substring.Index

    /// The shortcode opening `text` (which starts with `[`), or `nil` when it is not one.
    static func parse(_ text: Substring) -> Shortcode? {
        var rest = text.dropFirst()
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        guard !name.isEmpty, name.first?.isLetter == true else { return nil }
        rest = rest.dropFirst(name.count)
        guard let first = rest.first, first == "]" || first == " " || first == "/" else { return nil }
        var attributes: [String: String] = [:]
        var selfClosing = false
        while let character = rest.first {
            if character == "]" {
                return Shortcode(name: name.lowercased(), attributes: attributes, selfClosing: selfClosing, end: rest.index(after: rest.startIndex))
            }
            if character == "/" { selfClosing = true; rest = rest.dropFirst(); continue }
            if character == " " || character == "\n" { rest = rest.dropFirst(); continue }
            if character == "[" || character == "<" { return nil }
            let key = String(rest.prefix { $0 != "=" && $0 != " " && $0 != "]" && $0 != "/" }).lowercased()
            guard !key.isEmpty else { return nil }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else { attributes[key] = ""; continue }
            rest = rest.dropFirst()
            if let quote = rest.first, quote == "\"" || quote == "'" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: quote) else { return nil }
                attributes[key] = String(rest[..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                let value = rest.prefix { $0 != " " && $0 != "]" }
                attributes[key] = String(value)
                rest = rest.dropFirst(value.count)
            }
        }
        return nil
    }
}
