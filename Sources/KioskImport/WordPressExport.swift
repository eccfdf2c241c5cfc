import CLibXML2
import Foundation
import Synchronization

/// A WordPress export (WXR, "WordPress eXtended RSS") read one record at a time, so that memory
/// stays bounded whatever the file's size: the site's description first, then its authors and
/// terms, then each post, page and attachment. External entities and DTDs are never loaded. One
/// task at a time reads it (a lock guards the reader), so the next records can be read on another
/// core while the last ones are stored.
public final class WordPressExport: Sendable {
    /// The WXR versions this reader understands.
    public static let versions: ClosedRange<Double> = 1.0...1.2

    /// libxml2's reader and what has been read of the site so far.
    private struct State {
        let reader: xmlTextReaderPtr
        var site = WordPressSite()
    }

    private let state: Mutex<State>
    private let name: String
    /// Whether posts and pages come with their bodies (attachments always do).
    private let bodies: Bool

    /// What the export says about its site (whole once the first item has been read).
    public var site: WordPressSite { state.withLock { $0.site } }

    /// Opens the export at `path`, reading the bodies of posts and pages only if `bodies` (a first
    /// reading that only learns the items' addresses is faster without); throws `WordPressExportError` when it cannot be read.
    public init(path: String, bodies: Bool = true) throws(WordPressExportError) {
        _ = HTMLDocument.libraryReady
        guard FileManager.default.isReadableFile(atPath: path) else { throw WordPressExportError("\(path) cannot be read.") }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        guard let reader = xmlReaderForFile(path, nil, Int32(options)) else {
            throw WordPressExportError("\(path) cannot be opened as XML.")
        }
        // Errors come back as exceptions with their line; libxml2 must not print them as well.
        xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
        state = Mutex(State(reader: reader))
        name = URL(fileURLWithPath: path).lastPathComponent
        self.bodies = bodies
    }

    deinit {
        state.withLock { xmlFreeTextReader($0.reader) }
    }

    /// The next author, term or item, or `nil` at the end of the export.
    public func next() throws(WordPressExportError) -> WordPressRecord? {
        let (name, bodies) = (name, bodies)
        return try state.withLock { state throws(WordPressExportError) -> WordPressRecord? in try Self.next(&state, name: name, bodies: bodies) }
    }

    private static func next(_ state: inout State, name: String, bodies: Bool) throws(WordPressExportError) -> WordPressRecord? {
        let reader = state.reader
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                guard state.site.wxrVersion != nil else { throw WordPressExportError("\(name) is not a WordPress export: it has no wp:wxr_version.") }
                return nil
            }
            guard status == 1 else { throw failure(reader, name: name) }
            guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
            let depth = xmlTextReaderDepth(reader)
            let qualified = xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
            if depth == 0, qualified != "rss" { throw WordPressExportError("\(name) is not a WordPress export: its root element is <\(qualified)>, not <rss>.") }
            guard depth == 2 else { continue }
            guard let expanded = xmlTextReaderExpand(reader) else { throw failure(reader, name: name) }
            let element = HTMLNode(expanded)
            switch qualified {
            case "title": state.site.title = element.textContent.trimmingSpaces()
            case "link": state.site.link = element.textContent.trimmingSpaces()
            case "wp:base_site_url": state.site.baseSiteURL = element.textContent.trimmingSpaces()
            case "wp:base_blog_url": state.site.baseBlogURL = element.textContent.trimmingSpaces()
            case "wp:wxr_version":
                let text = element.textContent.trimmingSpaces()
                guard let version = Double(text), Self.versions.contains(version) else {
                    throw WordPressExportError("\(name) is a WordPress export of version \(text); Kiosk reads versions 1.0 to 1.2.")
                }
                state.site.wxrVersion = text
            case "wp:author": return .author(WordPressAuthor(element))
            case "wp:category": return .term(WordPressTerm(element, kind: .category))
            case "wp:tag": return .term(WordPressTerm(element, kind: .tag))
            case "item":
                guard state.site.wxrVersion != nil else { throw WordPressExportError("\(name) is not a WordPress export: an item comes before wp:wxr_version.") }
                return .item(WordPressItem(element, bodies: bodies))
            default: continue
            }
        }
    }

    private static func failure(_ reader: xmlTextReaderPtr, name: String) -> WordPressExportError {
        let line = xmlTextReaderGetParserLineNumber(reader)
        let detail = xmlGetLastError().flatMap { $0.pointee.message.map { String(cString: $0).trimmingSpaces() } } ?? "not well-formed XML"
        if detail.hasSuffix("huge text node") {
            return WordPressExportError("\(name) line \(line): one text there is longer than 10 MB, more than Kiosk reads in a single field.")
        }
        return WordPressExportError("\(name) line \(line): \(detail). The export is truncated or damaged.")
    }
}

/// A WordPress export that cannot be read, with a message naming the file and where.
public struct WordPressExportError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The site a WordPress export describes.
public struct WordPressSite: Sendable, Equatable {
    /// Its title.
    public var title = ""
    /// Its address.
    public var link = ""
    /// Its WordPress address.
    public var baseSiteURL = ""
    /// Its blog address, on which permalinks are built.
    public var baseBlogURL = ""
    /// The WXR version, once read.
    public var wxrVersion: String?

    /// Creates an empty description, filled in as the export is read.
    public init() {}
}

/// One record of a WordPress export.
public enum WordPressRecord: Sendable {
    case author(WordPressAuthor)
    case term(WordPressTerm)
    case item(WordPressItem)
}

/// An author of a WordPress export.
public struct WordPressAuthor: Sendable, Equatable {
    /// The author's login, by which items name them.
    public let login: String
    /// The author's address.
    public let email: String
    /// The name shown on bylines.
    public let displayName: String

    /// Creates an author.
    public init(login: String, email: String, displayName: String) {
        self.login = login
        self.email = email
        self.displayName = displayName
    }

    init(_ element: HTMLNode) {
        let fields = WordPressItem.fields(of: element)
        login = fields["author_login"] ?? ""
        email = fields["author_email"] ?? ""
        let first = fields["author_first_name"] ?? "", last = fields["author_last_name"] ?? ""
        let display = fields["author_display_name"] ?? ""
        displayName = display.isEmpty ? [first, last].filter { !$0.isEmpty }.joined(separator: " ") : display
    }
}

/// A category or tag of a WordPress export.
public struct WordPressTerm: Sendable, Equatable {
    /// Which taxonomy.
    public enum Kind: String, Sendable { case category, tag }
    /// Category or tag.
    public let kind: Kind
    /// Its id on the old site.
    public let id: String
    /// Its slug.
    public let slug: String
    /// Its name.
    public let name: String
    /// Its description.
    public let description: String
    /// The slug of its parent category, if any.
    public let parent: String

    init(_ element: HTMLNode, kind: Kind) {
        let fields = WordPressItem.fields(of: element)
        self.kind = kind
        id = fields["term_id"] ?? ""
        slug = fields[kind == .category ? "category_nicename" : "tag_slug"] ?? ""
        name = fields[kind == .category ? "cat_name" : "tag_name"] ?? ""
        description = fields[kind == .category ? "category_description" : "tag_description"] ?? ""
        parent = fields["category_parent"] ?? ""
    }
}

/// A post, page or attachment of a WordPress export.
public struct WordPressItem: Sendable, Equatable {
    /// Its id on the old site.
    public let id: String
    /// `post`, `page`, `attachment` or another type.
    public let type: String
    /// `publish`, `draft`, `future`, `private`, `pending`, `inherit`, `trash`…
    public let status: String
    /// Its title.
    public let title: String
    /// Its slug (`post_name`).
    public let slug: String
    /// Its permalink on the old site.
    public let link: String
    /// The login of its author.
    public let creator: String
    /// Its body as stored by WordPress (classic text or block markup).
    public let content: String
    /// Its excerpt.
    public let excerpt: String
    /// When it was (or will be) published, in UTC, if WordPress recorded it.
    public let publishedGMT: Date?
    /// When it was published, in the site's own time.
    public let publishedLocal: Date?
    /// When it was last changed, in UTC.
    public let modifiedGMT: Date?
    /// The id of its parent (a page's parent page, an attachment's post).
    public let parentID: String
    /// An attachment's file address.
    public let attachmentURL: String
    /// Its categories and tags, as (domain, slug, name).
    public let terms: [(domain: String, slug: String, name: String)]
    /// Its custom fields, the first value of each key.
    public let meta: [String: String]

    init(_ element: HTMLNode, bodies: Bool) {
        let fields = Self.fields(of: element)
        id = fields["post_id"] ?? ""
        type = fields["post_type"] ?? ""
        let withBody = bodies || type == "attachment"
        status = fields["status"] ?? ""
        title = fields["title"] ?? ""
        slug = fields["post_name"] ?? ""
        link = fields["link"] ?? ""
        creator = fields["creator"] ?? ""
        content = withBody ? element.children.first { $0.name == "encoded" && $0.namespacePrefix == "content" }?.textContent ?? "" : ""
        excerpt = (element.children.first { $0.name == "encoded" && $0.namespacePrefix == "excerpt" }?.textContent ?? "").trimmingSpaces()
        publishedGMT = Self.date(fields["post_date_gmt"])
        publishedLocal = Self.date(fields["post_date"])
        modifiedGMT = Self.date(fields["post_modified_gmt"])
        parentID = fields["post_parent"] ?? "0"
        attachmentURL = fields["attachment_url"] ?? ""
        terms = element.children.filter { $0.name == "category" }.map { ($0.attribute("domain") ?? "", $0.attribute("nicename") ?? "", $0.textContent.trimmingSpaces()) }
        var meta: [String: String] = [:]
        for entry in element.children where entry.name == "postmeta" {
            let pair = Self.fields(of: entry)
            if let key = pair["meta_key"], meta[key] == nil { meta[key] = pair["meta_value"] ?? "" }
        }
        self.meta = meta
    }

    /// Two items are the same when they are the same item of the export.
    public static func == (left: WordPressItem, right: WordPressItem) -> Bool { left.id == right.id && left.type == right.type }

    /// The text of each child element by local name (the first of each name), trimmed; bodies and
    /// excerpts (`content:encoded`, `excerpt:encoded`) are left to the caller.
    static func fields(of element: HTMLNode) -> [String: String] {
        var fields: [String: String] = [:]
        for child in element.children where child.isElement && child.name != "encoded" && fields[child.name] == nil {
            fields[child.name] = child.textContent.trimmingSpaces()
        }
        return fields
    }

    /// WordPress's "2025-06-01 10:00:00" as a date in UTC; `nil` for WordPress's zero date or nothing.
    static func date(_ text: String?) -> Date? {
        guard let text, !text.isEmpty, !text.hasPrefix("0000") else { return nil }
        return try? Date(text.replacingOccurrences(of: " ", with: "T") + "Z", strategy: .iso8601)
    }
}
