import CCmarkGFM
import Foundation
import KioskCore

/// Turns an article's Markdown into safe HTML, once, when the article is saved.
///
/// Raw HTML is never let through: cmark-gfm's safe mode replaces it with a comment and drops
/// `javascript:`, `vbscript:`, `file:` and non-image `data:` links. GitHub's table, strikethrough,
/// autolink and tagfilter extensions are attached.
///
/// One convention goes beyond CommonMark, the **round-up block**:
///
///     :::roundup In other diplomatic news
///     - [Headline of the item](https://example.org/story): one sentence of summary.
///     :::
///
/// renders as `<section class="roundup">` with the title as a heading and the list inside.
///
/// The other, the **figure block**, is a picture inside a story with its caption and credit:
///
///     :::figure
///     ![What the picture shows, for those who cannot see it](/media/harbour.jpg)
///     The caption, which may hold *emphasis* and [links](https://example.org).
///     Credit: The photographer or agency
///     :::
///
/// renders as `<figure class="body-figure">` with the image and a `<figcaption>` holding the
/// caption and the credit; a block without an image renders its text as ordinary paragraphs.
public struct MarkdownRenderer: Sendable {
    /// How many opening paragraphs a teaser card reveals when expanded.
    public static let openingParagraphs = 3
    /// The longest plain-text excerpt, in characters.
    public static let excerptLength = 280

    /// The most `|` one line may hold for its table to be drawn as a table: cmark-gfm's table
    /// extension takes time growing with the square of a row's cells (a body of 400,000 characters
    /// holding one table 10,000 columns wide took 26 seconds), so a body with a wider line is
    /// rendered without tables, its pipes shown as they are.
    public static let maximumTablePipes = 201

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    private static let options = CMARK_OPT_SMART
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Creates a renderer; registering cmark-gfm's extensions happens once per process.
    public init() {
        _ = Self.registration
    }

    /// The most `|` characters on any one line of `markdown`.
    public static func widestLine(in markdown: String) -> Int {
        var widest = 0
        var count = 0
        for byte in markdown.utf8 {
            if byte == UInt8(ascii: "|") {
                count += 1
                widest = max(widest, count)
            } else if byte == UInt8(ascii: "\n") {
                count = 0
            }
        }
        return widest
    }

    /// Renders a whole body: the full HTML, the opening paragraphs and a plain-text excerpt.
    public func render(_ markdown: String) -> RenderedBody {
        var html = ""
        var opening: [String] = []
        var excerpt = ""
        let extensionNames = Self.widestLine(in: markdown) > Self.maximumTablePipes ? Self.extensionNames.filter { $0 != "table" } : Self.extensionNames
        for block in BlockSplitter.blocks(of: markdown) {
            switch block {
            case .markdown(let text):
                let document = CmarkDocument(text, extensionNames: extensionNames, options: Self.options)
                html += Self.scrollableTables(document.html())
                for paragraph in document.topLevelParagraphs(upTo: Self.openingParagraphs - opening.count) {
                    opening.append(paragraph.html)
                    if excerpt.isEmpty { excerpt = Self.shorten(paragraph.text) }
                }
            case .roundup(let title, let items):
                let list = CmarkDocument(items, extensionNames: extensionNames, options: Self.options).html()
                html += "<section class=\"roundup\"><h2 class=\"roundup-title\">\(HTMLEscaping.escape(title))</h2>\n\(list)</section>\n"
            case .figure(let lines):
                html += figure(lines, extensionNames: extensionNames)
            }
        }
        return RenderedBody(markdown: markdown, html: html, openingHTML: opening.joined(), excerpt: excerpt)
    }

    /// A figure block's HTML: its first line that is an image, then the rest as the caption and
    /// a last line beginning `Credit:` as the credit, each rendered inline with the same safety as the body.
    private func figure(_ lines: [Substring], extensionNames: [String]) -> String {
        func inline(_ text: String) -> String {
            let html = CmarkDocument(text, extensionNames: extensionNames, options: Self.options).html()
            guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n"), html.components(separatedBy: "<p>").count == 2 else { return html }
            return String(html.dropFirst(3).dropLast(5))
        }
        var text = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard let imageIndex = text.firstIndex(where: { $0.hasPrefix("![") && $0.hasSuffix(")") }) else {
            return CmarkDocument(text.joined(separator: "\n\n"), extensionNames: extensionNames, options: Self.options).html()
        }
        let image = inline(text.remove(at: imageIndex)).replacingOccurrences(of: "<img ", with: "<img loading=\"lazy\" ")
        guard image.hasPrefix("<img ") else { return "<p>\(image)</p>\n" }
        var credit = ""
        if let last = text.last, last.lowercased().hasPrefix("credit:") {
            credit = inline(String(text.removeLast().dropFirst("credit:".count)).trimmingCharacters(in: .whitespaces))
        }
        let caption = text.isEmpty ? "" : inline(text.joined(separator: " "))
        var parts: [String] = []
        if !caption.isEmpty { parts.append("<span class=\"caption\">\(caption)</span>") }
        if !credit.isEmpty { parts.append("<span class=\"credit\">\(credit)</span>") }
        let figcaption = parts.isEmpty ? "" : "<figcaption>\(parts.joined(separator: " "))</figcaption>"
        return "<figure class=\"body-figure\">\(image)\(figcaption)</figure>\n"
    }

    /// `html` with each table inside a region that scrolls sideways and can be reached with the
    /// keyboard, so a table wider than a phone can be read without a pointer. Only cmark's table
    /// extension writes `<table>` here: raw HTML in a body never comes through.
    static func scrollableTables(_ html: String) -> String {
        guard html.containsBytes("<table>") else { return html }
        return html.replacingOccurrences(of: "<table>", with: "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n<table>")
            .replacingOccurrences(of: "</table>", with: "</table>\n</div>")
    }

    /// Cuts plain text at a word boundary near `excerptLength`, adding an ellipsis when cut.
    static func shorten(_ text: String) -> String {
        // Runs of white space become one space, ends trimmed, reading no further than needed.
        var collapsed = ""
        var count = 0
        var spaceWaiting = false
        for character in text {
            if character.isWhitespace {
                spaceWaiting = !collapsed.isEmpty
                continue
            }
            if spaceWaiting {
                collapsed.append(" ")
                count += 1
                spaceWaiting = false
            }
            collapsed.append(character)
            count += 1
            // `count` can run ahead of the characters when a mark joins the one before; recount then.
            if count > excerptLength {
                count = collapsed.count
                if count > excerptLength { break }
            }
        }
        guard count > excerptLength else { return collapsed }
        let cut = collapsed.prefix(excerptLength)
        let wordEnd = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<wordEnd]).trimmingCharacters(in: .punctuationCharacters) + "…"
    }
}

/// A parsed cmark-gfm document; frees its C memory when released.
private final class CmarkDocument {
    private let root: OpaquePointer
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    private let parser: OpaquePointer
    private let options: Int32

    init(_ markdown: String, extensionNames: [String], options: Int32) {
        let parser: OpaquePointer = cmark_parser_new(options)
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.options = options
        self.parser = parser
        self.root = cmark_parser_finish(parser)
        self.extensions = cmark_parser_get_syntax_extensions(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The whole document as HTML.
    func html() -> String {
        Self.take(cmark_render_html(root, options, extensions))
    }

    /// The document's first `limit` top-level paragraphs, as HTML and as plain text.
    func topLevelParagraphs(upTo limit: Int) -> [(html: String, text: String)] {
        var paragraphs: [(html: String, text: String)] = []
        var node = cmark_node_first_child(root)
        while let current = node, paragraphs.count < limit {
            if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
                paragraphs.append((
                    Self.take(cmark_render_html(current, options, extensions)),
                    Self.take(cmark_render_plaintext(current, options, 0))
                ))
            }
            node = cmark_node_next(current)
        }
        return paragraphs
    }

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// Splits Markdown into plain stretches and `:::roundup` and `:::figure` blocks.
enum BlockSplitter {
    /// A stretch of the body.
    enum Block: Equatable {
        case markdown(String)
        case roundup(title: String, items: String)
        case figure(lines: [Substring])
    }

    static let opening = ":::roundup"
    static let figureOpening = ":::figure"
    static let closing = ":::"

    /// The blocks of `markdown` in order; an unclosed block runs to the end of the text.
    static func blocks(of markdown: String) -> [Block] {
        guard markdown.containsBytes(closing) else { return [.markdown(markdown)] }
        var blocks: [Block] = []
        var plain: [Substring] = []
        var open: (title: String?, lines: [Substring])?
        func close(_ block: (title: String?, lines: [Substring])) {
            if let title = block.title {
                blocks.append(.roundup(title: title, items: block.lines.joined(separator: "\n")))
            } else {
                blocks.append(.figure(lines: block.lines))
            }
        }
        for bytes in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            let trimmed = trimmingSpaces(line)
            if var block = open {
                if trimmed == closing {
                    close(block)
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if trimmed.hasPrefix(opening) || trimmed == figureOpening {
                if !plain.isEmpty { blocks.append(.markdown(plain.joined(separator: "\n"))) }
                plain = []
                if trimmed == figureOpening {
                    open = (nil, [])
                } else {
                    let title = String(trimmingSpaces(trimmed.dropFirst(opening.count)))
                    open = (title.isEmpty ? "In brief" : title, [])
                }
            } else {
                plain.append(line)
            }
        }
        if let block = open { close(block) }
        if !plain.isEmpty { blocks.append(.markdown(plain.joined(separator: "\n"))) }
        return blocks
    }

    /// `line` without leading and trailing spaces, tabs and carriage returns (cheaper than Foundation's trimming).
    private static func trimmingSpaces(_ line: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return "" }
        return line[first...last]
    }
}
