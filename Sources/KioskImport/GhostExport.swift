import Foundation

/// A Ghost content export (Settings → Advanced → Import/Export → Export content): one JSON
/// document holding the site's tables, `{"db": [{"meta": …, "data": {"posts": […], …}}]}` (the
/// `db` wrapper is optional, as in Ghost's own importer). Only the columns Kiosk maps are read;
/// every other table and column is ignored. The file is read whole, so it is refused above
/// `maximumBytes` before anything is read.
public struct GhostExport: Sendable {
    /// The Ghost major versions whose exports this reader understands.
    public static let versions: ClosedRange<Int> = 4...6
    /// The largest export read (Ghost's exports hold text only: a site of 50,000 posts is far below it).
    public static let maximumBytes = 1 << 30

    /// The Ghost version that wrote the file.
    public let version: String
    /// The site's title, from its settings.
    public let title: String
    /// Posts and pages, in the file's order.
    public let posts: [GhostPost]
    /// Staff users (the authors).
    public let users: [GhostUser]
    /// Tags, internal ones included.
    public let tags: [GhostTag]
    /// The feature image alt text and caption of each post, by post id.
    public let meta: [String: GhostPostMeta]
    /// Author ids of each post, primary first.
    public let authorsOfPost: [String: [String]]
    /// Tag ids of each post, primary first.
    public let tagsOfPost: [String: [String]]

    /// Reads the export at `path`; throws `GhostExportError` naming the file when it is not one Kiosk can read.
    public init(path: String) throws(GhostExportError) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int,
            let data = FileManager.default.contents(atPath: path)
        else { throw GhostExportError("\(path) cannot be read.") }
        guard size <= Self.maximumBytes else {
            throw GhostExportError("\(name) is \(size >> 20) MB; a Ghost content export holds text only and Kiosk reads up to \(Self.maximumBytes >> 20) MB of it.")
        }
        let file: File
        do {
            if let wrapped = try? JSONDecoder().decode(Wrapped.self, from: data), let first = wrapped.db.first {
                file = first
            } else {
                file = try JSONDecoder().decode(File.self, from: data)
            }
        } catch let error as DecodingError {
            throw GhostExportError("\(name) is not a Ghost content export: \(Self.explain(error))")
        } catch {
            throw GhostExportError("\(name) is not a Ghost content export: \(error.localizedDescription)")
        }
        let major = Int(file.meta.version.split(separator: ".").first ?? "") ?? 0
        guard Self.versions.contains(major) else {
            throw GhostExportError(
                "\(name) was written by Ghost \(file.meta.version); Kiosk reads exports of Ghost \(Self.versions.lowerBound) to \(Self.versions.upperBound) (update Ghost and export again).")
        }
        let tables = file.data
        version = file.meta.version
        title = tables.settings?.first { $0.key == "title" }?.value ?? ""
        posts = tables.posts
        users = tables.users ?? []
        tags = tables.tags ?? []
        meta = Dictionary((tables.posts_meta ?? []).map { ($0.post_id, GhostPostMeta(alt: $0.feature_image_alt ?? "", caption: $0.feature_image_caption ?? "")) }) { first, _ in first }
        authorsOfPost = Self.ordered((tables.posts_authors ?? []).map { ($0.post_id, $0.author_id, $0.sort_order ?? 0) })
        tagsOfPost = Self.ordered((tables.posts_tags ?? []).map { ($0.post_id, $0.tag_id, $0.sort_order ?? 0) })
    }

    private static func ordered(_ links: [(post: String, other: String, order: Int)]) -> [String: [String]] {
        Dictionary(grouping: links, by: \.post).mapValues { $0.sorted { $0.order < $1.order }.map(\.other) }
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): context.underlyingError.map { "the JSON is damaged (\($0.localizedDescription))" } ?? "the JSON is damaged"
        case .keyNotFound(let key, let context): "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "\(path(context.codingPath)) is not what Ghost writes there"
        @unknown default: "it cannot be read"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    private struct Wrapped: Decodable {
        let db: [File]
    }

    private struct File: Decodable {
        let meta: Meta
        let data: Tables
    }

    private struct Meta: Decodable {
        let version: String
    }

    // The names are Ghost's column names, so that decoding needs no key mapping.
    private struct Tables: Decodable {
        let posts: [GhostPost]
        let posts_meta: [MetaRow]?
        let users: [GhostUser]?
        let tags: [GhostTag]?
        let posts_tags: [TagLink]?
        let posts_authors: [AuthorLink]?
        let settings: [Setting]?
    }

    private struct MetaRow: Decodable {
        let post_id: String
        let feature_image_alt: String?
        let feature_image_caption: String?
    }

    private struct TagLink: Decodable {
        let post_id: String
        let tag_id: String
        let sort_order: Int?
    }

    private struct AuthorLink: Decodable {
        let post_id: String
        let author_id: String
        let sort_order: Int?
    }

    private struct Setting: Decodable {
        let key: String
        let value: String?
    }
}

/// A post or page of a Ghost export.
public struct GhostPost: Decodable, Sendable {
    /// Ghost's id of the post.
    public let id: String
    /// The title.
    public let title: String?
    /// The address segment (`/slug/` on the Ghost site).
    public let slug: String
    /// `post` or `page`.
    public let type: String?
    /// `published`, `draft`, `scheduled` or `sent` (sent by email only).
    public let status: String
    /// `public`, `members`, `paid` or `tiers`.
    public let visibility: String?
    /// The Lexical document, as JSON text (Ghost 5 and later).
    public let lexical: String?
    /// The Mobiledoc document, as JSON text (Ghost 1 to 4).
    public let mobiledoc: String?
    /// The rendered HTML.
    public let html: String?
    /// The feature image's address.
    public let featureImage: String?
    /// The excerpt written for the post.
    public let customExcerpt: String?
    /// When it was published or is scheduled to be (ISO 8601).
    public let publishedAt: String?
    /// When it was created (ISO 8601).
    public let createdAt: String?
    /// When it was last changed (ISO 8601).
    public let updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, title, slug, type, status, visibility, lexical, mobiledoc, html
        case featureImage = "feature_image", customExcerpt = "custom_excerpt", publishedAt = "published_at", createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// A staff user of a Ghost export.
public struct GhostUser: Decodable, Sendable {
    /// Ghost's id of the user.
    public let id: String
    /// The name shown on posts.
    public let name: String
    /// The address segment of the author page.
    public let slug: String
    /// The biography.
    public let bio: String?
    /// The portrait's address.
    public let profileImage: String?
    /// The user's own website.
    public let website: String?

    enum CodingKeys: String, CodingKey {
        case id, name, slug, bio, website
        case profileImage = "profile_image"
    }
}

/// A tag of a Ghost export.
public struct GhostTag: Decodable, Sendable {
    /// Ghost's id of the tag.
    public let id: String
    /// The name (internal tags start with `#`).
    public let name: String
    /// The address segment.
    public let slug: String
    /// The description.
    public let description: String?

    /// Whether Ghost keeps this tag off the site (its name starts with `#`).
    public var isInternal: Bool { name.hasPrefix("#") }
}

/// What Ghost keeps about a post's feature image in `posts_meta`.
public struct GhostPostMeta: Sendable {
    /// The alt text.
    public let alt: String
    /// The caption, as HTML.
    public let caption: String
}

/// A Ghost export that cannot be read, with a message naming the file.
public struct GhostExportError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
