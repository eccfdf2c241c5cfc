import Foundation
import KioskCore
import KioskImport
import KioskRender
import KioskStore

/// Brings a Substack publication in from its export (Settings → Export your data, unzipped):
/// `posts.csv` and the bodies in `posts/` become articles (paid-only posts come in as drafts, so
/// nothing paid becomes public by accident; podcast episodes are reported, not imported), the
/// email list comes in as subscribers with their consent dates, unsubscribed people staying
/// unsubscribed, and `/p/slug` keeps answering. Images are read from an `images/` folder beside
/// the posts, named as the files behind Substack's image addresses.
public struct SubstackImporter<Store: PublicationStore> {
    let desk: ArchiveDesk<Store>
    let progress: (String) -> Void

    /// Elements of Substack's bodies that belong to Substack, not to the story.
    static var widgets: Set<String> {
        [
            "subscription-widget-wrap-editor", "subscription-widget-wrap", "subscribe-widget", "button-wrapper", "image-link-expand", "paywall-jump",
            "share-dialog", "footnote-anchor-wrap",
        ]
    }
    /// Substack's embed blocks, kept as links to what they showed.
    static var embeds: Set<String> { ["tweet", "youtube-wrap", "instagram", "embedded-post-wrap", "vimeo-wrap", "spotify-wrap"] }

    /// The unzipped export.
    let folder: URL

    /// Creates an importer of the unzipped export in `folder` writing into `store`, its images through `media`.
    public init(
        store: Store, media: MediaLibrary<Store>, folder: String, now: @escaping @Sendable () -> Date, progress: @escaping (String) -> Void
    ) {
        self.folder = URL(fileURLWithPath: folder)
        let images = ArchiveImages.folder(self.folder.appendingPathComponent("images"))
        desk = ArchiveDesk(store: store, media: media, images: images, now: now, platform: "Substack")
        self.progress = progress
    }

    /// Imports the export; posts are bylined to `author` (by default the publication's name).
    public func run(author authorName: String?) async throws -> ArchiveImportReport {
        let path = folder.path
        guard let postsCSV = try? String(contentsOf: folder.appendingPathComponent("posts.csv"), encoding: .utf8) else {
            throw ImportError("\(path) has no posts.csv: it is not an unzipped Substack export.")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let emailList = files.first { $0.hasPrefix("email_list") && $0.hasSuffix(".csv") }
        let publication = emailList.map { String($0.dropFirst("email_list.".count).dropLast(".csv".count)) } ?? folder.lastPathComponent
        let source = "substack:" + publication
        var report = ArchiveImportReport()
        let author = try await authorID(authorName ?? publication, source: source, &report)
        let section = try await desk.archiveSection(source: source, slug: Slug("newsletter-archive"), name: "Newsletter archive", &report)
        let records = CSV.records(postsCSV.hasPrefix("\u{FEFF}") ? String(postsCSV.dropFirst()) : postsCSV)
        guard let header = records.first, let idColumn = header.firstIndex(of: "post_id") else {
            throw ImportError("\(path)/posts.csv has no post_id column: it is not a Substack export.")
        }
        func column(_ name: String, _ record: [String]) -> String {
            guard let index = header.firstIndex(of: name), index < record.count else { return "" }
            return record[index].trimmingCharacters(in: .whitespaces)
        }
        for (number, record) in records.dropFirst().enumerated() where record.count > idColumn {
            let postID = record[idColumn]
            let parts = postID.split(separator: ".", maxSplits: 1).map(String.init)
            let label = "post \(postID) “\(column("title", record).prefix(80))”"
            let key = ImportKey(source: source, kind: "article", externalID: parts[0])
            guard try await desk.store.importedRecord(key) == nil else {
                report.unchanged += 1
                continue
            }
            guard column("type", record) != "podcast" else {
                report.skip("\(label) is a podcast episode; Kiosk has no podcasts, so it was not imported.")
                continue
            }
            guard !postID.contains("/"), let html = try? String(contentsOf: folder.appendingPathComponent("posts/\(postID).html"), encoding: .utf8) else {
                report.skip("\(label): its body posts/\(postID).html is missing from the export.")
                continue
            }
            try await importPost(
                html: html, id: parts[0], slugText: parts.count > 1 ? parts[1] : "", row: { column($0, record) }, key: key, author: author, section: section,
                folder: folder, label: label, &report)
            progress("\(number + 1) of \(records.count - 1) posts")
        }
        if let emailList {
            try await desk.importSubscribers(folder.appendingPathComponent(emailList), &report)
        }
        return report
    }

    private func importPost(
        html: String, id: String, slugText: String, row: (String) -> String, key: ImportKey, author: Author.ID, section: Section.ID, folder: URL,
        label: String, _ report: inout ArchiveImportReport
    ) async throws {
        let paidOnly = ["only_paid", "founding"].contains(row("audience"))
        let published = row("is_published") == "true" && !paidOnly
        if paidOnly { report.note("\(label) was for paying subscribers; it comes in as a draft, so that nothing paid becomes public by accident.") }
        let convert = { (images: [String: String]) in
            var converter = HTMLToMarkdown(imageAddress: { images[$0] ?? $0 }, linkAddress: { Self.newPath(of: $0) })
            converter.droppedClasses = Self.widgets
            converter.embedClasses = Self.embeds
            return converter
        }
        let first: (markdown: String, notes: ConversionNotes)
        do {
            first = try convert([:]).convert(html)
        } catch {
            report.skip("\(label): \(error).")
            return
        }
        var images: [String: String] = [:]
        for (address, alt) in first.notes.images where images[address] == nil {
            if let media = try await desk.storeImage(
                path: Self.imageFile(address), address: address, alt: alt, caption: "", credit: "", label: label, hint: "the export has no images folder", &report)
            {
                images[address] = SitePaths.media(media.fileName)
            }
        }
        let body = desk.renderer.render(images.isEmpty ? first.markdown : try convert(images).convert(html).markdown)
        let title = row("title").isEmpty ? "Untitled" : row("title")
        let date = SubscriberCSV.date(row("post_date"))
        let wanted = try Slug.parse(slugText) ?? Slug.derived(from: title) ?? Slug("post-\(id)")
        let dek = String(row("subtitle").prefix(ArticleForm.maximumDekLength))
        let article = ArchiveDesk<Store>.PendingArticle(
            wanted: wanted, status: published ? .published : .draft, dates: .init(published: date, created: date ?? desk.now(), updated: date ?? desk.now()),
            topImage: nil, key: key, oldPaths: [OldAddress.normalized(path: "/p/\(slugText)")].compactMap { $0 }, label: label
        ) { slug in
            try ArticleContent(
                slug: slug, title: title, dek: dek, format: .reporting, sectionID: section,
                authorIDs: [author], body: body)
        }
        try await desk.storeArticles([article], &report)
    }

    /// A link to another post of the publication (`…/p/slug`) goes to that post here.
    static func newPath(of address: String) -> String {
        guard let path = OldAddress.normalized(address: address), path.hasPrefix("/p/"), let slug = Slug.parse(path.dropFirst(3)) else { return address }
        return address.contains("substack.com/p/") || address.hasPrefix("/p/") ? SitePaths.article(slug) : address
    }

    /// The name of the file behind a Substack image address (the last part of the original it fetches).
    static func imageFile(_ address: String) -> String? {
        let decoded = address.removingPercentEncoding ?? address
        guard let name = decoded.split(separator: "/").last.map(String.init), !name.hasPrefix("."), !name.isEmpty else { return nil }
        return name.components(separatedBy: "?")[0]
    }

    private func authorID(_ name: String, source: String, _ report: inout ArchiveImportReport) async throws -> Author.ID {
        let made = report.imported["authors"] ?? 0
        let id = try await desk.author(key: ImportKey(source: source, kind: "author", externalID: name), name: name, wanted: Slug.derived(from: name), &report) {
            try NewAuthor(slug: $0, name: name)
        }
        if report.imported["authors"] ?? 0 > made {
            report.note("Substack's export names no authors: every post is bylined to “\(name)” (choose another with --author).")
        }
        return id
    }
}

/// An export that cannot be imported at all, with a message naming the file.
public struct ImportError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
