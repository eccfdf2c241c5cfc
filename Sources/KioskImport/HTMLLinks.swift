/// The addresses an HTML page refers to, read with libxml2's HTML parser.
public enum HTMLLinks {
    /// Every `href` and `src` of the page's links, stylesheets, scripts, images and sources, in order.
    public static func addresses(in html: String) -> [String] {
        let document = HTMLDocument(html, whole: true)
        guard let body = document.root else { return [] }
        var found: [String] = []
        var stack = [body]
        while let node = stack.popLast() {
            if node.isElement {
                for name in ["href", "src"] { if let value = node.attribute(name) { found.append(value) } }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }
}
