import KioskCore

/// What `<picture>` needs to show a library image at any width: the fallback type's widest copy in
/// `src`, every type's copies by width, and the size that keeps the layout still while it loads.
struct ResponsiveImage {
    /// The address for `<img src>`: the widest fallback copy, or the original's address while none is made.
    let src: String
    /// The width of what `src` shows.
    let width: Int
    /// The height of what `src` shows.
    let height: Int
    /// The modern types' copies for `<source>`, AVIF first; empty while none are made.
    let sources: [PictureSourceView]
    /// The fallback type's copies as an `srcset`; `nil` while none are made.
    let srcset: String?

    /// The responsive form of `media`, from its made renditions.
    init(_ media: Media) {
        guard let plan = media.madeRenditions else {
            self.init(src: SitePaths.media(media.fileName), width: media.width, height: media.height, sources: [], srcset: nil)
            return
        }
        func srcset(_ encoding: RenditionEncoding) -> String? {
            plan.sizes[encoding].map { $0.map { "\($0.path) \($0.width)w" }.joined(separator: ", ") }
        }
        let modern: [RenditionEncoding] = [.avif, .webp]
        self.init(
            src: plan.largest.path, width: plan.largest.width, height: plan.largest.height,
            sources: modern.compactMap { encoding in srcset(encoding).map { PictureSourceView(type: encoding.contentType, srcset: $0) } },
            srcset: srcset(plan.fallback))
    }

    private init(src: String, width: Int, height: Int, sources: [PictureSourceView], srcset: String?) {
        self.src = src
        self.width = width
        self.height = height
        self.sources = sources
        self.srcset = srcset
    }
}

/// Library images inside an article's or a page's body, drawn with their renditions when the page is.
///
/// A body's HTML is made once, when it is saved, and names a library image by its original's
/// address (`/media/NAME`, which leads to a rendition). Renditions are made later and change with
/// the focal point, so the page renderer swaps each such `<img>` for a `<picture>` of the current
/// renditions, with the width and height that keep the text from jumping while it loads.
public enum BodyImages {
    /// The most library images one body has drawn with renditions; any further ones keep the original's address.
    public static let limit = 24

    /// The file names of the library images `html` shows, in order, each once, at most `limit`.
    public static func fileNames(in html: String) -> [String] {
        var names: [String] = []
        for tag in imageTags(in: html) {
            guard let name = libraryFileName(in: tag), !names.contains(name) else { continue }
            names.append(name)
            if names.count == limit { break }
        }
        return names
    }

    /// `html` with every `<img>` of a library image in `images` given its renditions, `sizes`, its
    /// width and height, and lazy loading; other images are left as they are.
    static func responsive(_ html: String, images: [String: Media], sizes: String) -> String {
        guard !images.isEmpty else { return html }
        var result = ""
        var copiedUpTo = html.startIndex
        for tag in imageTags(in: html) {
            guard let name = libraryFileName(in: tag), let media = images[name] else { continue }
            result += html[copiedUpTo..<tag.startIndex]
            result += picture(ResponsiveImage(media), keeping: otherAttributes(of: tag), sizes: sizes)
            copiedUpTo = tag.endIndex
        }
        result += html[copiedUpTo...]
        return result
    }

    private static func picture(_ image: ResponsiveImage, keeping attributes: [Substring], sizes: String) -> String {
        let sizes = HTMLEscaping.escape(sizes)
        var html = image.sources.isEmpty ? "" : "<picture>"
        for source in image.sources {
            html += "<source type=\"\(source.type)\" srcset=\"\(HTMLEscaping.escape(source.srcset))\" sizes=\"\(sizes)\">"
        }
        html += "<img src=\"\(HTMLEscaping.escape(image.src))\""
        if let srcset = image.srcset { html += " srcset=\"\(HTMLEscaping.escape(srcset))\" sizes=\"\(sizes)\"" }
        html += " width=\"\(image.width)\" height=\"\(image.height)\""
        if !attributes.contains(where: { $0.hasPrefix("loading=") }) { html += " loading=\"lazy\"" }
        for attribute in attributes { html += " " + attribute }
        html += image.sources.isEmpty ? ">" : "></picture>"
        return html
    }

    /// Every `<img …>` tag in `html`. Bodies come from cmark-gfm, which writes each attribute value
    /// quoted with `"` and escaped, so a tag ends at the first `>` after it.
    private static func imageTags(in html: String) -> [Substring] {
        var tags: [Substring] = []
        var searchFrom = html.startIndex
        while let start = html[searchFrom...].firstRange(of: "<img ")?.lowerBound, let end = html[start...].firstIndex(of: ">") {
            tags.append(html[start...end])
            searchFrom = html.index(after: end)
        }
        return tags
    }

    /// The library file name an `<img>` tag's `src` names (`/media/NAME`), or `nil` for any other address.
    private static func libraryFileName(in tag: Substring) -> String? {
        guard let value = attributes(of: tag).first(where: { $0.hasPrefix("src=\"") }) else { return nil }
        let address = value.dropFirst("src=\"".count).dropLast()
        let prefix = SitePaths.media("")
        guard address.hasPrefix(prefix) else { return nil }
        let name = address.dropFirst(prefix.count)
        guard !name.isEmpty, !name.contains("/"), !name.contains("?"), !name.contains("&") else { return nil }
        return String(name)
    }

    /// The tag's attributes other than those the renditions replace.
    private static func otherAttributes(of tag: Substring) -> [Substring] {
        let replaced = ["src=", "srcset=", "sizes=", "width=", "height="]
        return attributes(of: tag).filter { attribute in !replaced.contains { attribute.hasPrefix($0) } }
    }

    /// The `name="value"` attributes of a tag as cmark-gfm writes them.
    private static func attributes(of tag: Substring) -> [Substring] {
        var attributes: [Substring] = []
        var rest = tag.dropFirst("<img".count)
        while let equals = rest.firstRange(of: "=\""), let close = rest[equals.upperBound...].firstIndex(of: "\"") {
            let name = rest[..<equals.lowerBound].drop { $0 == " " }
            attributes.append(rest[name.startIndex...close])
            rest = rest[rest.index(after: close)...]
        }
        return attributes
    }
}
