/// The addresses an HTML page refers to, read with libxml2's HTML parser.
public enum HTMLLinks {
    /// Every `href` and `src` of the page's links, stylesheets, scripts, images and sources, in order.
    public static func addresses(in html: String) -> [String] {
        let document = HTMLDocument(html, whole: true)
        // The nodes belong to the document: it must live until the walk is over.
        return withExtendedLifetime(document) {
            guard let root = document.root else { return [] }
            var found: [String] = []
            var stack = [root]
            while let node = stack.popLast() {
                if node.isElement {
                    for name in ["href", "src"] { if let value = node.attribute(name) { found.append(value) } }
                }
                stack.append(contentsOf: node.children.reversed())
            }
            return found
        }
    }
}
