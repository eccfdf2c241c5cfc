import CLibXML2

/// A fragment of HTML parsed by libxml2's HTML parser, which recovers from broken markup the way
/// browsers do (unclosed tags, stray end tags, bad nesting) and never fetches anything.
final class HTMLDocument {
    /// libxml2 must set up its global state once before threads use it at the same time.
    static let libraryReady: Void = xmlInitParser()

    /// How deep elements may nest: libxml2 stops reading deeper documents (without its "huge"
    /// option), which also keeps the walk over the tree well inside the stack.
    static let deepestNesting = 256

    private let document: htmlDocPtr?
    /// Whether the parser read the whole text; `false` when it gave up (elements nested too deep).
    let isComplete: Bool

    /// Parses `html` as the inside of a `<body>`, or as a whole page when `whole`.
    init(_ html: String, whole: Bool = false) {
        _ = Self.libraryReady
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let text = whole ? html : "<html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let context = htmlNewParserCtxt()
        document = text.withCString { pointer in
            htmlCtxtReadMemory(context, pointer, Int32(text.utf8.count), nil, "UTF-8", options)
        }
        let failure = context.flatMap { xmlCtxtGetLastError(UnsafeMutableRawPointer($0)) }
        isComplete = document != nil && failure?.pointee.code != Int32(XML_ERR_INTERNAL_ERROR.rawValue)
        if let context { htmlFreeParserCtxt(context) }
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    /// The document's root element.
    var root: HTMLNode? {
        guard let document, let root = xmlDocGetRootElement(document) else { return nil }
        return HTMLNode(root)
    }

    /// The `<body>` element, whose children are the fragment.
    var body: HTMLNode? {
        guard let document, let root = xmlDocGetRootElement(document) else { return nil }
        return HTMLNode(root).children.first { $0.name == "body" }
    }
}

/// One node of a parsed document; valid only while its document lives (keep the document alive
/// with `withExtendedLifetime` while walking its nodes).
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    /// Whether the node is an element (otherwise text, a comment or the like).
    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    /// Whether the node is text (CDATA included).
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The prefix of the element's namespace (`wp`, `content`…), or "".
    var namespacePrefix: String {
        guard let namespace = pointer.pointee.ns, let prefix = namespace.pointee.prefix else { return "" }
        return String(cString: prefix)
    }

    /// The element's name in lower case, or "" for other nodes.
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The text of a text node.
    var text: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The node's children in order.
    var children: [HTMLNode] {
        var nodes: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            nodes.append(HTMLNode(node))
            child = node.pointee.next
        }
        return nodes
    }

    /// The value of attribute `name`, or `nil`.
    func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// All the text inside the node.
    var textContent: String {
        isText ? text : children.map(\.textContent).joined()
    }

    /// The class names of the element.
    var classes: Set<String> {
        Set((attribute("class") ?? "").split(separator: " ").map(String.init))
    }
}
