import Foundation
import KioskCore
import KioskImport
import KioskRender
import KioskStore

/// Brings a Ghost site in from its content export (and, if given, its members export): posts
/// become articles with their dates and status, pages become pages, staff users become authors
/// with their bios and portraits, public tags become topics (Ghost's `#internal` tags stay
/// behind), feature images come in with their alt text and caption, body images enter the media
/// library, `/slug/` keeps answering, and members come in as subscribers. Ghost has no sections,
/// so every post goes into one "Archive" section the newsroom can sort later. Posts for members
/// or paying members come in as drafts, so nothing paid becomes public by accident.
public struct GhostImporter<Store: PublicationStore> {
    let desk: ArchiveDesk<Store>
    let progress: (String) -> Void

    /// Classes of Ghost's cards that belong to Ghost, not to the story (sign-up forms, buttons).
    static var widgets: Set<String> { ["kg-signup-card", "kg-button-card", "kg-cta-card", "kg-header-card", "kg-product-card"] }
    /// Ghost's cards that show something from elsewhere, kept as links to it.
    static var embeds: Set<String> { ["kg-embed-card", "kg-bookmark-card", "kg-video-card", "kg-audio-card", "kg-file-card"] }

    /// Creates an importer writing into `store`, its images through `media`, reading image files from `images`.
    public init(
        store: Store, media: MediaLibrary<Store>, images: ArchiveImages?, now: @escaping @Sendable () -> Date,
        progress: @escaping (String) -> Void
    ) {
        desk = ArchiveDesk(store: store, media: media, images: images, now: now, platform: "Ghost")
        self.progress = progress
    }

    /// What every post needs to know about the rest of the export.
    struct Catalogue {
        let export: GhostExport
        let source: String
        var authors: [String: Author.ID] = [:]
        var topics: [String: Topic.ID] = [:]
        var section: Section.ID
        /// Old path (normalized) → the Kiosk path an imported post or page will have.
        var newPaths: [String: String] = [:]
    }

    /// Imports the content export at `path`, then the members CSV at `members` if given.
    public func run(path: String, members: String?) async throws -> ArchiveImportReport {
        if let members, !FileManager.default.isReadableFile(atPath: members) { throw ImportError("the members export \(members) cannot be read.") }
        let export: GhostExport
        do {
            export = try GhostExport(path: path)
        } catch {
            throw ImportError(error.description)
        }
        var report = ArchiveImportReport()
        let source = "ghost:" + (export.title.isEmpty ? URL(fileURLWithPath: path).lastPathComponent : export.title)
        var catalogue = Catalogue(
            export: export, source: source, section: try await desk.archiveSection(source: source, slug: Slug("archive"), name: "Archive", &report))
        for user in export.users { catalogue.authors[user.id] = try await authorID(user, source: source, &report) }
        for tag in export.tags where !tag.isInternal {
            let key = ImportKey(source: source, kind: "topic", externalID: tag.id)
            catalogue.topics[tag.id] = try await desk.topic(
                key: key, slug: tag.slug, name: tag.name, description: PlainText.of(tag.description ?? ""), &report)
        }
        for post in export.posts {
            guard let old = OldAddress.normalized(path: "/\(post.slug)/"), let slug = Slug.parse(post.slug) else { continue }
            catalogue.newPaths[old] = post.type == "page" ? SitePaths.page(ReservedPaths.available(slug)) : SitePaths.article(slug)
        }
        for (number, post) in export.posts.enumerated() {
            try await importPost(post, catalogue: catalogue, &report)
            progress("\(number + 1) of \(export.posts.count) posts and pages")
        }
        if let members {
            try await desk.importSubscribers(URL(fileURLWithPath: members), &report)
        }
        return report
    }

    private func authorID(_ user: GhostUser, source: String, _ report: inout ArchiveImportReport) async throws -> Author.ID {
        let label = "author “\(user.name)”"
        let key = ImportKey(source: source, kind: "author", externalID: user.id)
        if let id = try await desk.store.importedRecord(key) { return Author.ID(id) }
        var photo: Media?
        if let portrait = user.profileImage, !portrait.isEmpty { photo = try await image(portrait, alt: user.name, caption: "", label: label, &report) }
        let links = (user.website ?? "").isEmpty ? [] : [SocialLink(label: "Website", url: user.website ?? "")]
        return try await desk.author(key: key, name: user.name, wanted: Slug.parse(user.slug) ?? Slug.derived(from: user.name), &report) {
            try NewAuthor(slug: $0, name: user.name, bio: PlainText.of(user.bio ?? ""), photoID: photo?.id, links: links)
        }
    }

    private func importPost(_ post: GhostPost, catalogue: Catalogue, _ report: inout ArchiveImportReport) async throws {
        let isPage = post.type == "page"
        let title = (post.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "Untitled" : post.title ?? ""
        let label = "\(isPage ? "page" : "post") \(post.slug) “\(title.prefix(80))”"
        let key = ImportKey(source: catalogue.source, kind: isPage ? "page" : "article", externalID: post.id)
        guard try await desk.store.importedRecord(key) == nil else {
            report.unchanged += 1
            return
        }
        guard ["published", "scheduled", "draft", "sent"].contains(post.status) else {
            report.skip("\(label): its status is “\(post.status)”, which is not imported.")
            return
        }
        let body: RenderedBody
        do {
            body = desk.renderer.render(try await markdown(of: post, catalogue: catalogue, label: label, &report))
        } catch {
            report.skip("\(label): \(error).")
            return
        }
        let meta = catalogue.export.meta[post.id]
        var topImage: Media?
        if let feature = post.featureImage, !feature.isEmpty {
            topImage = try await image(feature, alt: meta?.alt ?? "", caption: PlainText.of(meta?.caption ?? ""), label: label, &report)
        }
        let published = post.publishedAt.flatMap(SubscriberCSV.date)
        let created = post.createdAt.flatMap(SubscriberCSV.date) ?? published ?? desk.now()
        let dates = ArchiveDesk<Store>.Dates(published: published, created: created, updated: max(post.updatedAt.flatMap(SubscriberCSV.date) ?? created, created))
        let oldPaths = [OldAddress.normalized(path: "/\(post.slug)/")].compactMap { $0 }
        let wanted = try Slug.parse(post.slug) ?? Slug.derived(from: title) ?? Slug("imported-\(post.id.suffix(12))")
        do {
            if isPage {
                try await desk.storePage(
                    wanted: wanted, status: post.status == "published" && post.visibility ?? "public" == "public" ? .published : .draft, dates: dates, key: key,
                    oldPaths: oldPaths, label: label, &report
                ) { try PageContent(slug: $0, title: title, body: body, topMediaID: topImage?.id) }
                return
            }
            let status = articleStatus(post, label: label, &report)
            let authors = (catalogue.export.authorsOfPost[post.id] ?? []).compactMap { catalogue.authors[$0] }
            guard !authors.isEmpty else {
                report.skip("\(label): the export names no author of it that it lists.")
                return
            }
            let topics = (catalogue.export.tagsOfPost[post.id] ?? []).compactMap { catalogue.topics[$0] }
            let dek = String(PlainText.of(post.customExcerpt ?? "").prefix(ArticleForm.maximumDekLength))
            let article = ArchiveDesk<Store>.PendingArticle(
                wanted: wanted, status: status, dates: dates, topImage: topImage, key: key, oldPaths: oldPaths, label: label
            ) { slug in
                try ArticleContent(
                    slug: slug, title: title, dek: dek, format: .reporting, sectionID: catalogue.section, topicIDs: topics, authorIDs: authors,
                    topMediaID: topImage?.id, body: body)
            }
            try await desk.storeArticles([article], &report)
        } catch let error as ValidationError {
            report.skip("\(label): \(error.message)")
        }
    }

    /// Published, scheduled or draft as on Ghost; a post sent by email only, or one for members, comes in as a draft and is reported.
    private func articleStatus(_ post: GhostPost, label: String, _ report: inout ArchiveImportReport) -> ArticleStatus {
        if post.status == "sent" {
            report.note("\(label) was sent by email only; it comes in as a draft.")
            return .draft
        }
        if let visibility = post.visibility, visibility != "public", post.status != "draft" {
            report.note("\(label) was for \(visibility == "members" ? "members" : "paying members") only; it comes in as a draft, so that nothing paid becomes public by accident.")
            return .draft
        }
        switch post.status {
        case "published": return .published
        case "scheduled": return .scheduled
        default: return .draft
        }
    }

    // MARK: Bodies and images

    /// The post's body in Kiosk's format: from its HTML, or its Lexical or Mobiledoc document when that is all there is.
    private func markdown(of post: GhostPost, catalogue: Catalogue, label: String, _ report: inout ArchiveImportReport) async throws -> String {
        let html: String
        if let stored = post.html, !stored.isEmpty {
            html = stored
        } else {
            let document =
                if let lexical = post.lexical, !lexical.isEmpty {
                    try GhostBody().html(lexical: lexical)
                } else if let mobiledoc = post.mobiledoc, !mobiledoc.isEmpty {
                    try GhostBody().html(mobiledoc: mobiledoc)
                } else {
                    (html: "", leftOut: [String]())
                }
            html = document.html
            if !document.leftOut.isEmpty { report.note("\(label): its \(document.leftOut.joined(separator: ", ")) cards were left out.") }
        }
        let links = { (address: String) -> String in OldAddress.normalized(address: Self.siteAddress(address)).flatMap { catalogue.newPaths[$0] } ?? address }
        let convert = { (images: [String: String]) in
            var converter = HTMLToMarkdown(imageAddress: { images[$0] ?? $0 }, linkAddress: links)
            converter.droppedClasses = Self.widgets
            converter.embedClasses = Self.embeds
            return converter
        }
        let first = try convert([:]).convert(html)
        report.noteDropped(first.notes, label: label)
        guard !first.notes.images.isEmpty else { return first.markdown }
        var images: [String: String] = [:]
        for (address, alt) in first.notes.images where images[address] == nil {
            if let media = try await image(address, alt: alt, caption: "", label: label, &report) { images[address] = SitePaths.media(media.fileName) }
        }
        return try convert(images).convert(html).markdown
    }

    /// Ghost writes the site's own address as `__GHOST_URL__`; a link to `__GHOST_URL__/slug/` is a link to `/slug/`.
    static func siteAddress(_ address: String) -> String {
        address.hasPrefix("__GHOST_URL__") ? String(address.dropFirst("__GHOST_URL__".count)) : address
    }

    /// The part of an image's address below `content/images/`, without Ghost's resized-copy folder (`size/w600/`).
    static func imagePath(_ address: String) -> String? {
        guard let range = address.range(of: "/content/images/") else { return nil }
        var parts = String(address[range.upperBound...]).components(separatedBy: "?")[0].split(separator: "/").map(String.init)
        if parts.count > 2, parts[0] == "size" { parts.removeFirst(2) }
        let path = parts.joined(separator: "/")
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else { return nil }
        return path.removingPercentEncoding ?? path
    }

    /// The media record of the image at `address`, from the site's image folder and checked like an upload.
    private func image(_ address: String, alt: String, caption: String, label: String, _ report: inout ArchiveImportReport) async throws -> Media? {
        let (caption, credit) = Self.splitCredit(caption)
        return try await desk.storeImage(
            path: Self.imagePath(address), address: address, alt: alt, caption: caption, credit: credit, label: label,
            hint: "give --images with a copy of the site's content/images folder, or --media-base with its address", &report)
    }

    /// Ghost has no credit field, so newsrooms end captions with "Photo: Name": that part becomes the credit.
    static func splitCredit(_ caption: String) -> (caption: String, credit: String) {
        for marker in ["Photo: ", "Photograph: ", "Photo by ", "Credit: ", "Image: "] {
            guard let range = caption.range(of: marker, options: .backwards) else { continue }
            let before = caption[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard before.isEmpty || before.hasSuffix(".") || before.hasSuffix("|") || before.hasSuffix("—") else { continue }
            guard !caption[range.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let credit = caption[(marker == "Credit: " ? range.upperBound : range.lowerBound)...].trimmingCharacters(in: .whitespaces)
            return (before.trimmingCharacters(in: CharacterSet(charactersIn: " |—")), credit)
        }
        return (caption, "")
    }
}
