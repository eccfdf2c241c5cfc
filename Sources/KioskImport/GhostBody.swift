import Foundation
import KioskCore
import KioskRender

/// Turns the editor documents Ghost stores next to (or instead of) a post's HTML into HTML:
/// Lexical (Ghost 5 and later) and Mobiledoc (Ghost 1 to 4). The HTML then goes through
/// `HTMLToMarkdown` like any other body, so what is allowed in is decided in one place. Text is
/// escaped here; the HTML a card holds (an HTML card, an embed's player) is passed on as it is,
/// for the allow-list to judge. Cards Kiosk has no use for (sign-up forms, buttons, paywall
/// markers) are named so the report can say what was left out.
public struct GhostBody {
    /// HTML for the Markdown of a Markdown card.
    let markdownHTML: (String) -> String

    /// Creates a converter; Markdown cards are rendered with Kiosk's own Markdown renderer.
    public init(markdownHTML: @escaping (String) -> String = { MarkdownRenderer().render($0).html }) {
        self.markdownHTML = markdownHTML
    }

    /// The HTML of a Lexical document (the JSON text Ghost keeps in `posts.lexical`), and the cards left out.
    public func html(lexical json: String) throws(GhostBodyError) -> (html: String, leftOut: [String]) {
        guard let document = Self.object(json), let root = document["root"] as? [String: Any] else { throw .unreadable("Lexical") }
        var writer = Writer(markdownHTML: markdownHTML)
        writer.lexicalChildren(of: root)
        return (writer.html, writer.leftOut.sorted())
    }

    /// The HTML of a Mobiledoc document (the JSON text Ghost keeps in `posts.mobiledoc`), and the cards left out.
    public func html(mobiledoc json: String) throws(GhostBodyError) -> (html: String, leftOut: [String]) {
        guard let document = Self.object(json), let sections = document["sections"] as? [[Any]] else { throw .unreadable("Mobiledoc") }
        var writer = Writer(markdownHTML: markdownHTML)
        let mobiledoc = Mobiledoc(
            markups: document["markups"] as? [[Any]] ?? [], atoms: document["atoms"] as? [[Any]] ?? [], cards: document["cards"] as? [[Any]] ?? [])
        for section in sections { writer.mobiledocSection(section, in: mobiledoc) }
        return (writer.html, writer.leftOut.sorted())
    }

    private static func object(_ json: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
    }

    /// The shared parts of a Mobiledoc document that sections point into by number.
    struct Mobiledoc {
        let markups: [[Any]]
        let atoms: [[Any]]
        let cards: [[Any]]
    }

    /// Builds the HTML of one document.
    struct Writer {
        let markdownHTML: (String) -> String
        var html = ""
        var leftOut: Set<String> = []

        // MARK: Lexical

        mutating func lexicalChildren(of node: [String: Any]) {
            for child in node["children"] as? [[String: Any]] ?? [] { lexical(child) }
        }

        mutating func lexical(_ node: [String: Any]) {
            let type = node["type"] as? String ?? ""
            switch type {
            case "paragraph": wrap("p") { $0.lexicalChildren(of: node) }
            case "heading", "extended-heading":
                let tag = node["tag"] as? String ?? "h2"
                wrap(["h1", "h2", "h3", "h4", "h5", "h6"].contains(tag) ? tag : "h2") { $0.lexicalChildren(of: node) }
            case "quote", "extended-quote": wrap("blockquote") { $0.wrap("p") { $0.lexicalChildren(of: node) } }
            case "aside": wrap("blockquote") { $0.wrap("p") { $0.lexicalChildren(of: node) } }
            case "list": wrap(node["listType"] as? String == "number" ? "ol" : "ul") { $0.lexicalChildren(of: node) }
            case "listitem": wrap("li") { $0.lexicalChildren(of: node) }
            case "text", "extended-text": formatted(node["text"] as? String ?? "", format: node["format"] as? Int ?? 0)
            case "link", "autolink": wrap("a", attributes: ["href": node["url"] as? String ?? ""]) { $0.lexicalChildren(of: node) }
            case "linebreak": html += "<br>"
            case "tab": html += " "
            case "horizontalrule": html += "<hr>"
            case "image": image(node)
            case "gallery": for picture in node["images"] as? [[String: Any]] ?? [] { image(picture) }
            case "embed": embed(url: node["url"] as? String, html: node["html"] as? String, caption: node["caption"] as? String)
            case "bookmark": bookmark(url: node["url"] as? String, metadata: node["metadata"] as? [String: Any], caption: node["caption"] as? String)
            case "html": html += node["html"] as? String ?? ""
            case "markdown": html += markdownHTML(node["markdown"] as? String ?? "")
            case "codeblock": code(node["code"] as? String ?? "")
            case "callout": wrap("blockquote") { $0.html += node["calloutText"] as? String ?? "" }
            case "toggle":
                wrap("p") { $0.wrap("strong") { $0.html += node["heading"] as? String ?? "" } }
                html += node["content"] as? String ?? ""
            case "video", "audio", "file": media(node, kind: type)
            default:
                if node["children"] != nil {
                    lexicalChildren(of: node)
                } else {
                    leftOut.insert(type)
                }
            }
        }

        /// Text with Lexical's format bits: 1 bold, 2 italic, 4 strikethrough, 16 code, 32 subscript, 64 superscript.
        mutating func formatted(_ text: String, format: Int) {
            let tags = [(1, "strong"), (2, "em"), (4, "s"), (16, "code"), (32, "sub"), (64, "sup")].filter { format & $0.0 != 0 }.map(\.1)
            html += tags.map { "<\($0)>" }.joined() + HTMLEscaping.escape(text) + tags.reversed().map { "</\($0)>" }.joined()
        }

        // MARK: Mobiledoc

        mutating func mobiledocSection(_ section: [Any], in document: Mobiledoc) {
            guard let kind = section.first as? Int else { return }
            switch kind {
            case 1:
                let tag = (section.count > 1 ? section[1] as? String : nil)?.lowercased() ?? "p"
                let allowed = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside"]
                let markers = section.count > 2 ? section[2] as? [[Any]] ?? [] : []
                wrap(tag == "aside" ? "blockquote" : allowed.contains(tag) ? tag : "p") { $0.markers(markers, in: document) }
            case 2:
                image(["src": section.count > 1 ? section[1] as? String ?? "" : ""])
            case 3:
                let tag = (section.count > 1 ? section[1] as? String : nil) == "ol" ? "ol" : "ul"
                let items = section.count > 2 ? section[2] as? [[[Any]]] ?? [] : []
                wrap(tag) { list in
                    for item in items { list.wrap("li") { $0.markers(item, in: document) } }
                }
            case 10:
                guard section.count > 1, let index = section[1] as? Int, document.cards.indices.contains(index) else { return }
                let card = document.cards[index]
                mobiledocCard(card.first as? String ?? "", payload: card.count > 1 ? card[1] as? [String: Any] ?? [:] : [:])
            default:
                leftOut.insert("section type \(kind)")
            }
        }

        /// The text markers of a section: each opens markups by number and closes the last N open ones.
        mutating func markers(_ markers: [[Any]], in document: Mobiledoc) {
            var open: [String] = []
            for marker in markers where marker.count >= 4 {
                for index in marker[1] as? [Int] ?? [] where document.markups.indices.contains(index) {
                    let markup = document.markups[index]
                    let tag = (markup.first as? String ?? "span").lowercased()
                    let pairs = markup.count > 1 ? markup[1] as? [String] ?? [] : []
                    var attributes: [String: String] = [:]
                    for pair in stride(from: 0, to: pairs.count - 1, by: 2) { attributes[pairs[pair]] = pairs[pair + 1] }
                    let name = ["a", "b", "strong", "i", "em", "s", "code", "sub", "sup", "u"].contains(tag) ? tag : "span"
                    html += "<\(name)" + Self.attributes(name == "a" ? ["href": attributes["href"] ?? ""] : [:]) + ">"
                    open.append(name)
                }
                if marker[0] as? Int == 1, let atom = marker[3] as? Int, document.atoms.indices.contains(atom), document.atoms[atom].count > 1 {
                    html += HTMLEscaping.escape(document.atoms[atom][1] as? String ?? "")
                } else {
                    html += HTMLEscaping.escape(marker[3] as? String ?? "")
                }
                for _ in 0..<min(marker[2] as? Int ?? 0, open.count) { html += "</\(open.removeLast())>" }
            }
            while let tag = open.popLast() { html += "</\(tag)>" }
        }

        mutating func mobiledocCard(_ name: String, payload: [String: Any]) {
            switch name {
            case "image": image(payload)
            case "gallery": for picture in payload["images"] as? [[String: Any]] ?? [] { image(picture) }
            case "html": html += payload["html"] as? String ?? ""
            case "markdown", "card-markdown": html += markdownHTML(payload["markdown"] as? String ?? "")
            case "embed": embed(url: payload["url"] as? String, html: payload["html"] as? String, caption: payload["caption"] as? String)
            case "bookmark": bookmark(url: payload["url"] as? String, metadata: payload["metadata"] as? [String: Any], caption: payload["caption"] as? String)
            case "code": code(payload["code"] as? String ?? "")
            case "hr": html += "<hr>"
            case "video", "audio", "file": media(payload, kind: name)
            default: leftOut.insert(name)
            }
        }

        // MARK: Cards both editors share

        mutating func image(_ card: [String: Any]) {
            guard let source = card["src"] as? String, !source.isEmpty else { return }
            wrap("figure") { figure in
                figure.html += "<img" + Self.attributes(["src": source, "alt": card["alt"] as? String ?? ""]) + ">"
                if let caption = card["caption"] as? String, !caption.isEmpty { figure.wrap("figcaption") { $0.html += caption } }
            }
        }

        mutating func embed(url: String?, html player: String?, caption: String?) {
            wrap("figure") { figure in
                if let url, !url.isEmpty {
                    figure.wrap("p") { $0.wrap("a", attributes: ["href": url]) { $0.html += HTMLEscaping.escape(url) } }
                } else {
                    figure.html += player ?? ""
                }
                if let caption, !caption.isEmpty { figure.wrap("figcaption") { $0.html += caption } }
            }
        }

        mutating func bookmark(url: String?, metadata: [String: Any]?, caption: String?) {
            guard let url, !url.isEmpty else { return }
            let title = metadata?["title"] as? String ?? url
            wrap("p") { $0.wrap("a", attributes: ["href": url]) { $0.html += HTMLEscaping.escape(title) } }
            if let caption, !caption.isEmpty { wrap("p") { $0.html += caption } }
        }

        mutating func code(_ text: String) {
            wrap("pre") { $0.wrap("code") { $0.html += HTMLEscaping.escape(text) } }
        }

        /// A video, audio or file card: a link to the file, named by its title or file name.
        mutating func media(_ card: [String: Any], kind: String) {
            guard let source = card["src"] as? String, !source.isEmpty else { return }
            let title = (card["title"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? (card["fileName"] as? String) ?? source
            wrap("p") { $0.wrap("a", attributes: ["href": source]) { $0.html += HTMLEscaping.escape("\(kind.capitalized): \(title)") } }
        }

        mutating func wrap(_ tag: String, attributes: [String: String] = [:], _ content: (inout Writer) -> Void) {
            html += "<\(tag)" + Self.attributes(attributes) + ">"
            content(&self)
            html += "</\(tag)>"
        }

        static func attributes(_ attributes: [String: String]) -> String {
            attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(HTMLEscaping.escape($0.value))\"" }.joined()
        }
    }
}

/// A Ghost editor document that is not the JSON it should be.
public enum GhostBodyError: Error, Equatable, CustomStringConvertible {
    /// The named editor's document could not be read.
    case unreadable(String)

    /// What went wrong, for the import report.
    public var description: String {
        switch self {
        case .unreadable(let editor): "its \(editor) document is not valid JSON"
        }
    }
}
