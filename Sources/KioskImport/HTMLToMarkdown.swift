import Foundation

/// What a conversion could not carry over, for the import report.
public struct ConversionNotes: Sendable {
    /// Elements dropped with their content (scripts, styles, forms…), by name, with how many.
    public var dropped: [String: Int] = [:]
    /// Embedded players (iframes, video, audio) kept as a link to what they showed.
    public var embedsAsLinks = 0
    /// Every image, its address as the HTML gave it and its alternative text, in order.
    public var images: [(address: String, alt: String)] = []

    /// Creates empty notes.
    public init() {}
}

/// Turns the HTML of a story from another platform into Kiosk's body format (Markdown with figure
/// blocks), through an allow-list: paragraphs, headings, links, emphasis, lists, block quotes,
/// code, tables, images and figures with captions are kept; embeds become links to what they
/// embedded; scripts, styles, forms and event handlers never survive; any other element is
/// unwrapped to its text. The HTML is parsed by libxml2's HTML parser, never by patterns.
public struct HTMLToMarkdown {
    /// The address an image gets in Kiosk, given its address in the export (for media brought in).
    public var imageAddress: (String) -> String
    /// The address a link gets in Kiosk, given its address in the export (for links between imported stories).
    public var linkAddress: (String) -> String
    /// Classes of elements left out with their content (a platform's subscribe widgets and buttons).
    public var droppedClasses: Set<String> = []
    /// Classes of elements that embed something (a platform's tweet or video blocks), kept as a link to it.
    public var embedClasses: Set<String> = []

    /// Elements dropped with everything inside them.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "form", "input", "button", "select", "textarea", "svg", "math", "canvas", "head", "title",
        "meta", "link", "object", "param",
    ]
    /// Creates a converter; by default addresses stay as they are.
    public init(imageAddress: @escaping (String) -> String = { $0 }, linkAddress: @escaping (String) -> String = { $0 }) {
        self.imageAddress = imageAddress
        self.linkAddress = linkAddress
    }

    /// The Markdown of `html`, and what could not be carried over; throws when the HTML cannot be
    /// read whole, rather than bring in part of it.
    public func convert(_ html: String) throws(HTMLConversionError) -> (markdown: String, notes: ConversionNotes) {
        let document = HTMLDocument(html)
        guard document.isComplete else { throw HTMLConversionError.tooDeep }
        // The nodes belong to the document: it must live until the walk is over.
        return withExtendedLifetime(document) {
            var writer = MarkdownWriter(converter: self)
            let blocks = document.body.map { writer.blocks($0.children) } ?? []
            return (blocks.joined(separator: "\n\n") + (blocks.isEmpty ? "" : "\n"), writer.notes)
        }
    }
}

/// HTML that cannot be converted whole.
public enum HTMLConversionError: Error, Equatable, CustomStringConvertible {
    /// Elements nest deeper than `HTMLDocument.deepestNesting`.
    case tooDeep

    /// The reason, for an import's report.
    public var description: String {
        switch self {
        case .tooDeep: "its HTML nests elements more than \(HTMLDocument.deepestNesting) deep, so it cannot be read whole"
        }
    }
}

/// Plain text from text that may hold HTML entities or tags (WordPress escapes term names).
public enum PlainText {
    /// `html`'s text, entities decoded and tags left out.
    public static func of(_ html: String) -> String {
        guard html.contains("&") || html.contains("<") else { return html }
        let document = HTMLDocument(html)
        return withExtendedLifetime(document) { document.body?.textContent.trimmingSpaces() ?? html }
    }
}

/// Walks parsed HTML and writes Markdown, one block at a time.
private struct MarkdownWriter {
    let converter: HTMLToMarkdown
    var notes = ConversionNotes()

    /// The Markdown blocks of a run of sibling nodes: inline content between block elements becomes paragraphs.
    mutating func blocks(_ nodes: [HTMLNode]) -> [String] {
        var blocks: [String] = []
        var pending: [HTMLNode] = []
        func flushInline(_ writer: inout MarkdownWriter) {
            let text = writer.inline(pending).trimmingBlock()
            if !text.isEmpty { blocks.append(Self.protectingLineStarts(text)) }
            pending = []
        }
        for node in nodes {
            if node.isElement, isBlock(node) {
                flushInline(&self)
                blocks += block(node)
            } else {
                pending.append(node)
            }
        }
        flushInline(&self)
        return blocks
    }

    private func isBlock(_ node: HTMLNode) -> Bool {
        let classes = node.classes
        if !classes.isDisjoint(with: converter.droppedClasses) || !classes.isDisjoint(with: converter.embedClasses) { return true }
        let blockNames: Set<String> = [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table", "figure", "img", "iframe", "video", "audio",
            "embed", "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "details", "summary", "dl", "dd", "dt",
            "li", "picture",
        ]
        return blockNames.contains(node.name) || HTMLToMarkdown.droppedElements.contains(node.name)
    }

    private mutating func block(_ node: HTMLNode) -> [String] {
        let name = node.name
        if HTMLToMarkdown.droppedElements.contains(name) {
            notes.dropped[name, default: 0] += 1
            return []
        }
        let classes = node.classes
        if let widget = classes.first(where: converter.droppedClasses.contains) {
            notes.dropped[widget, default: 0] += 1
            return []
        }
        if !classes.isDisjoint(with: converter.embedClasses) {
            return embedLink(node).map { [$0] } ?? []
        }
        switch name {
        case "p", "dt", "summary":
            let text = inline(node.children).trimmingBlock()
            return text.isEmpty ? [] : [Self.protectingLineStarts(text)]
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = max(2, Int(String(name.dropFirst())) ?? 2)
            let text = inline(node.children).trimmingSpaces().replacingOccurrences(of: "\n", with: " ")
            return text.isEmpty ? [] : [String(repeating: "#", count: level) + " " + text]
        case "ul", "ol":
            return [list(node, ordered: name == "ol")].filter { !$0.isEmpty }
        case "li":
            return blocks(node.children)
        case "blockquote":
            let inner = blocks(node.children).joined(separator: "\n\n")
            return inner.isEmpty ? [] : [inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")]
        case "pre":
            let code = node.textContent.trimmingTrailingNewlines()
            var fence = "```"
            while code.contains(fence) { fence += "`" }
            return [fence + "\n" + code + "\n" + fence]
        case "hr":
            return ["***"]
        case "table":
            return [table(node)].filter { !$0.isEmpty }
        case "figure":
            if let link = embedLink(node) { return [link] }
            return figure(node)
        case "img", "picture":
            return figure(node)
        case "iframe", "video", "audio", "embed":
            return embedLink(node).map { [$0] } ?? []
        default:
            return blocks(node.children)
        }
    }

    /// Inline Markdown for a run of nodes.
    mutating func inline(_ nodes: [HTMLNode]) -> String {
        var text = ""
        for node in nodes {
            if node.isText {
                text += Self.escaped(Self.collapsingSpaces(node.text))
                continue
            }
            guard node.isElement else { continue }
            let name = node.name
            if HTMLToMarkdown.droppedElements.contains(name) {
                notes.dropped[name, default: 0] += 1
                continue
            }
            switch name {
            case "br":
                text += "\\\n"
            case "strong", "b":
                text += wrapped(inline(node.children), "**")
            case "em", "i", "cite":
                text += wrapped(inline(node.children), "*")
            case "del", "s", "strike":
                text += wrapped(inline(node.children), "~~")
            case "code", "kbd", "samp", "tt":
                text += code(node.textContent)
            case "a":
                let label = inline(node.children).trimmingSpaces()
                if let href = node.attribute("href").flatMap(Self.safeAddress), !label.isEmpty {
                    text += "[\(label)](\(Self.destination(converter.linkAddress(href))))"
                } else {
                    text += label
                }
            case "img":
                if let image = image(node) { text += image }
            case "q":
                text += "“" + inline(node.children) + "”"
            case "iframe", "video", "audio", "embed":
                if let link = embedLink(node) { text += link }
            default:
                text += inline(node.children)
            }
        }
        return text
    }

    private func wrapped(_ text: String, _ mark: String) -> String {
        let inner = text.trimmingSpaces()
        guard !inner.isEmpty else { return text }
        let leading = text.hasPrefix(" ") ? " " : ""
        let trailing = text.hasSuffix(" ") ? " " : ""
        return leading + mark + inner + mark + trailing
    }

    private func code(_ text: String) -> String {
        let text = Self.collapsingSpaces(text)
        guard !text.isEmpty else { return "" }
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }

    private mutating func list(_ node: HTMLNode, ordered: Bool) -> String {
        var items: [String] = []
        // Anything directly inside the list that is not an item (text, a nested list) is taken as an item, so nothing is lost.
        for child in node.children where child.isElement || (child.isText && !child.text.trimmingSpaces().isEmpty) {
            let marker = ordered ? "\(items.count + 1). " : "- "
            let content =
                child.isText
                ? Self.protectingLineStarts(Self.escaped(Self.collapsingSpaces(child.text)).trimmingSpaces())
                : blocks(child.name == "li" ? child.children : [child]).joined(separator: "\n\n")
            guard !content.isEmpty else { continue }
            let indent = String(repeating: " ", count: marker.count)
            let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
            items.append(marker + lines[0] + lines.dropFirst().map { "\n" + ($0.isEmpty ? "" : indent + $0) }.joined())
        }
        return items.joined(separator: "\n")
    }

    private mutating func table(_ node: HTMLNode) -> String {
        var rows: [(cells: [String], header: Bool)] = []
        func collect(_ parent: HTMLNode, inHead: Bool) {
            for child in parent.children {
                switch child.name {
                case "thead": collect(child, inHead: true)
                case "tbody", "tfoot": collect(child, inHead: false)
                case "tr":
                    let cells = child.children.filter { $0.name == "td" || $0.name == "th" }
                    let texts = cells.map { cell in
                        inline(cell.children).trimmingSpaces().replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                            .replacingOccurrences(of: "|", with: "\\|")
                    }
                    rows.append((texts, inHead || cells.allSatisfy { $0.name == "th" }))
                default: continue
                }
            }
        }
        collect(node, inHead: false)
        let width = min(rows.map(\.cells.count).max() ?? 0, 200)
        guard width > 0 else { return "" }
        let headerRow = rows.first?.header == true ? rows.removeFirst().cells : Array(repeating: "", count: width)
        func line(_ cells: [String]) -> String {
            "| " + (0..<width).map { $0 < cells.count ? cells[$0] : "" }.joined(separator: " | ") + " |"
        }
        return ([line(headerRow), "|" + String(repeating: " --- |", count: width)] + rows.map { line($0.cells) }).joined(separator: "\n")
    }

    /// A figure block for an image with its caption (a `figure`, or an image standing alone).
    private mutating func figure(_ node: HTMLNode) -> [String] {
        // A gallery holds a figure per image: each becomes a figure block, the gallery's own caption follows them.
        if node.name == "figure", Self.first(in: node, { $0.name == "figure" }) != nil {
            return blocks(node.children.filter { $0.name != "figcaption" }) + node.children.filter { $0.name == "figcaption" }.flatMap { blocks($0.children) }
        }
        let imageNode = node.name == "img" ? node : Self.first(in: node) { $0.name == "img" }
        guard let imageNode, let image = image(imageNode) else {
            return blocks(node.children.filter { $0.name != "figcaption" }) + captionBlocks(node)
        }
        let caption = Self.first(in: node) { $0.name == "figcaption" }.map { inline($0.children).trimmingSpaces().replacingOccurrences(of: "\\\n", with: " ") } ?? ""
        return [":::figure\n" + image + (caption.isEmpty ? "" : "\n" + caption.replacingOccurrences(of: "\n", with: " ")) + "\n:::"]
    }

    private mutating func captionBlocks(_ node: HTMLNode) -> [String] {
        Self.first(in: node) { $0.name == "figcaption" }.map { blocks($0.children) } ?? []
    }

    private mutating func image(_ node: HTMLNode) -> String? {
        guard let source = node.attribute("src").flatMap(Self.safeAddress) else { return nil }
        let plainAlt = Self.collapsingSpaces(node.attribute("alt") ?? "").trimmingSpaces()
        notes.images.append((source, plainAlt))
        let alt = Self.escaped(plainAlt)
        return "![\(alt)](\(Self.destination(converter.imageAddress(source))))"
    }

    /// A paragraph linking to what an iframe, video, audio or embed figure showed, or `nil` when it names nothing.
    private mutating func embedLink(_ node: HTMLNode) -> String? {
        let sources = [node] + Self.all(in: node) { ["iframe", "video", "audio", "source", "embed", "a"].contains($0.name) }
        let address = sources.lazy.compactMap { $0.attribute("src") ?? ($0.name == "a" ? $0.attribute("href") : nil) }.compactMap(Self.safeAddress).first
            ?? (node.classes.contains("wp-block-embed") ? Self.safeAddress(node.textContent.trimmingSpaces()) : nil)
        let isEmbedBlock = !node.classes.isDisjoint(with: converter.embedClasses) || node.classes.contains(where: { $0.hasPrefix("wp-block-embed") })
        guard node.name != "figure" || isEmbedBlock || Self.first(in: node, { $0.name == "iframe" }) != nil,
            let address
        else { return nil }
        notes.embedsAsLinks += 1
        let title = node.attribute("title") ?? Self.first(in: node) { $0.name == "iframe" }?.attribute("title")
        let label = title.map { Self.escaped(Self.collapsingSpaces($0)).trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? Self.escaped(address)
        return "[\(label)](\(Self.destination(converter.linkAddress(address))))"
    }

    // MARK: Text

    /// `address` when it is one Kiosk may link to (http, https, mailto, or relative), otherwise `nil`.
    static func safeAddress(_ address: String) -> String? {
        let trimmed = address.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isNewline }) else { return nil }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("//") { return trimmed }
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/"), !lower[..<colon].contains("?"), !lower[..<colon].contains("#") {
            return nil
        }
        return trimmed
    }

    /// An address as a Markdown link destination: in angle brackets when it has spaces or brackets.
    static func destination(_ address: String) -> String {
        guard address.contains(where: { " ()<>".contains($0) }) else { return address }
        return "<" + address.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
    }

    /// Text with every character Markdown would read as syntax escaped.
    static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if markdownSpecial[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ASCII characters that mean something in Markdown's inline text.
    private static let markdownSpecial: [Bool] = (0..<256).map { "\\`*_[]<>|~&".utf8.contains(UInt8($0)) }

    /// Runs of HTML whitespace as one space.
    static func collapsingSpaces(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                space = true
            } else {
                if space { bytes.append(0x20) }
                space = false
                bytes.append(byte)
            }
        }
        if space { bytes.append(0x20) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` with a backslash before anything at the start of a line that Markdown would read as
    /// a heading, list, quote, rule or figure block.
    static func protectingLineStarts(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var first = lineStart
            while first < lineEnd, bytes[first] == 0x20 { first += 1 }
            if first == lineEnd {
                output += bytes[lineStart..<lineEnd]
            } else {
                var digits = first
                while digits < lineEnd, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
                if lineStarters[Int(bytes[first])] {
                    output.append(UInt8(ascii: "\\"))
                    output += bytes[first..<lineEnd]
                } else if digits > first, digits < lineEnd, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")") {
                    output += bytes[first..<digits]
                    output.append(UInt8(ascii: "\\"))
                    output += bytes[digits..<lineEnd]
                } else {
                    output += bytes[first..<lineEnd]
                }
            }
            if lineEnd < bytes.count { output.append(0x0A) }
            lineStart = lineEnd + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// What makes a line a heading, list item, quote, rule or block when it starts one.
    private static let lineStarters: [Bool] = (0..<256).map { "#+-=>:".utf8.contains(UInt8($0)) }

    static func first(in node: HTMLNode, _ matches: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in node.children {
            if matches(child) { return child }
            if let found = first(in: child, matches) { return found }
        }
        return nil
    }

    static func all(in node: HTMLNode, _ matches: (HTMLNode) -> Bool) -> [HTMLNode] {
        node.children.flatMap { (matches($0) ? [$0] : []) + all(in: $0, matches) }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and newlines.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Inline Markdown without surrounding spaces and without line breaks at its start or end.
    func trimmingBlock() -> String {
        var text = trimmingSpaces()
        while true {
            if text.hasPrefix("\\\n") {
                text = String(text.dropFirst(2)).trimmingSpaces()
            } else if text.hasSuffix("\\"), text.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 {
                text = String(text.dropLast()).trimmingSpaces()
            } else {
                return text
            }
        }
    }

    /// Without trailing newlines.
    func trimmingTrailingNewlines() -> String {
        var text = String(self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
