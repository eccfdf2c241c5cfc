import Foundation
import KioskCore
import KioskImport
import KioskRender
import KioskStore

/// What an import did, for the person who ran it.
public struct ArchiveImportReport: Sendable, Codable {
    /// Records made, by kind (articles, pages, authors, sections, topics, images).
    public var imported: [String: Int] = [:]
    /// Items already imported by an earlier run, left as they are.
    public var unchanged = 0
    /// Items left out, each with why.
    public var skipped: [String] = []
    /// What needs a person's attention: renamed addresses, missing images, unknown shortcodes.
    public var attention: [String] = []

    /// The most lines kept in each list; the rest are counted.
    static let listed = 200
    /// Lines not listed.
    public var unlisted = 0

    mutating func count(_ kind: String) { imported[kind, default: 0] += 1 }

    /// The media records this run brought in, counted once each.
    private var images: Set<Int64> = []

    mutating func countImage(_ id: Int64) {
        if images.insert(id).inserted { count("images") }
    }

    mutating func skip(_ line: String) {
        if skipped.count < Self.listed { skipped.append(line) } else { unlisted += 1 }
    }

    mutating func note(_ line: String) {
        if attention.count < Self.listed { attention.append(line) } else { unlisted += 1 }
    }

    /// Names the elements a body held that never come in.
    mutating func noteDropped(_ notes: ConversionNotes, label: String) {
        guard !notes.dropped.isEmpty else { return }
        note("\(label): its body held \(notes.dropped.keys.sorted().map { "<\($0)>" }.joined(separator: ", ")), left out.")
    }

    private enum CodingKeys: String, CodingKey {
        case imported, unchanged, skipped, attention, unlisted
    }

    /// Whether this run changed nothing.
    public var changedNothing: Bool { imported.values.allSatisfy { $0 == 0 } }
}

/// Brings a WordPress site in from its export (Tools → Export → All content): posts become
/// articles with their dates and status, pages become pages, authors, categories (as sections) and
/// tags (as topics) come along, featured and body images enter the media library through the same
/// checks as an upload, old addresses keep answering, and every item is imported once however often
/// the import runs. The file is read twice, one record at a time.
public struct WordPressImporter<Store: PublicationStore> {
    let desk: ArchiveDesk<Store>
    var store: Store { desk.store }
    var now: @Sendable () -> Date { desk.now }
    let progress: (String) -> Void

    /// Creates an importer writing into `store`, its images (from `uploads`, the site's `wp-content/uploads`) through `media`.
    public init(
        store: Store, media: MediaLibrary<Store>, uploads: ArchiveImages?, now: @escaping @Sendable () -> Date,
        progress: @escaping (String) -> Void
    ) {
        desk = ArchiveDesk(store: store, media: media, images: uploads, now: now, platform: "WordPress")
        self.progress = progress
    }

    /// What the first reading learns: the site, and the attachments and addresses of every item.
    struct Catalogue: Sendable {
        var site = WordPressSite()
        var source: String { "wordpress:" + (site.baseBlogURL.isEmpty ? site.link : site.baseBlogURL) }
        var attachments: [String: WordPressItem] = [:]
        /// The attachments by the address of their file.
        var attachmentsByAddress: [String: WordPressItem] = [:]
        /// Old path (normalized) → the Kiosk path an imported item will have.
        var newPaths: [String: String] = [:]
    }

    /// Imports the export at `path`.
    public func run(path: String) async throws -> ArchiveImportReport {
        var report = ArchiveImportReport()
        var catalogue = Catalogue()
        var terms = TermMap()
        let first = try WordPressExport(path: path, bodies: false)
        while let record = try first.next() {
            switch record {
            case .author(let author): terms.authors[author.login] = try await authorID(author, catalogue: catalogue, first.site, &report)
            case .term(let term): try await add(term, to: &terms, source: "wordpress:" + Self.origin(first.site), &report)
            case .item(let item):
                if item.type == "attachment" {
                    catalogue.attachments[item.id] = item
                    catalogue.attachmentsByAddress[item.attachmentURL] = item
                }
                if let kioskPath = Self.intendedPath(item) {
                    for old in Self.oldPaths(item) { catalogue.newPaths[old] = kioskPath }
                }
            }
        }
        catalogue.site = first.site
        progress("Read \(catalogue.attachments.count) attachments and \(catalogue.newPaths.count) addresses")
        let second = try WordPressExport(path: path)
        var done = 0
        // While one batch is checked against the ledger and stored, the next is read and the one
        // after it converted, each on whichever core is free.
        var reading = Self.readBatch(second)
        var converting: (items: [WordPressItem], bodies: Task<[PreparedBody], Never>)?
        var writing: ArchiveDesk<Store>.Writing?
        do {
            while true {
                try Task.checkCancellation()
                let batch = try await reading.value
                guard !batch.isEmpty else { break }
                reading = Self.readBatch(second)
                let known = try await store.importedRecords(batch.map { Self.key(of: $0, catalogue) })
                let fresh = batch.filter { known[Self.key(of: $0, catalogue)] == nil }
                report.unchanged += batch.count - fresh.count
                let renderer = desk.renderer
                let next = (items: fresh, bodies: Task { [fresh, catalogue] in await Self.prepare(fresh, catalogue: catalogue, renderer: renderer) })
                if let previous = converting {
                    try await storeBatch(previous.items, previous.bodies, catalogue: catalogue, terms: &terms, writing: &writing, &report)
                }
                converting = next
                done += batch.count
                progress("\(done) posts and pages read")
            }
            if let last = converting {
                try await storeBatch(last.items, last.bodies, catalogue: catalogue, terms: &terms, writing: &writing, &report)
            }
            if let writing { try await desk.finish(writing, &report) }
        } catch {
            // Nothing of this run goes on once it stops (cancelled when its node lost the job, or
            // failed): reading and converting end, and a transaction under way ends before this returns.
            reading.cancel()
            converting?.bodies.cancel()
            await desk.abandon(writing)
            throw error
        }
        return report
    }

    /// The next posts and pages of `export`, read on another task; none at its end.
    private static func readBatch(_ export: WordPressExport) -> Task<[WordPressItem], any Error> {
        Task {
            var items: [WordPressItem] = []
            while items.count < batchSize, let record = try export.next() {
                if case .item(let item) = record, item.type == "post" || item.type == "page" { items.append(item) }
            }
            return items
        }
    }

    /// Brings in what a batch's posts need and prepares their records while the batch before is
    /// written, then starts writing them once it is done.
    private func storeBatch(
        _ items: [WordPressItem], _ bodies: Task<[PreparedBody], Never>, catalogue: Catalogue, terms: inout TermMap,
        writing: inout ArchiveDesk<Store>.Writing?, _ report: inout ArchiveImportReport
    ) async throws {
        var articles: [ArchiveDesk<Store>.Attempt] = []
        for (item, body) in zip(items, await bodies.value) {
            if let article = try await importItem(item, body: body, catalogue: catalogue, terms: &terms, &report) {
                articles.append(.init(article: article, attempt: 0))
            }
        }
        let round = try await desk.prepare(articles, &report)
        if let previous = writing { try await desk.finish(previous, &report) }
        writing = desk.write(round)
    }

    /// How many posts are read before their bodies are converted together.
    static var batchSize: Int { 64 }

    /// The ledger key of a post or page.
    static func key(of item: WordPressItem, _ catalogue: Catalogue) -> ImportKey {
        ImportKey(source: catalogue.source, kind: item.type == "page" ? "page" : "article", externalID: item.id)
    }

    /// A body converted before its post is stored, on whichever core is free: its HTML, the
    /// shortcodes Kiosk does not know, its first conversion, and its rendering when it has no image to bring in first.
    struct PreparedBody: Sendable {
        let html: String
        let unknownShortcodes: [String]
        let converted: Result<ConvertedBody, HTMLConversionError>
        let rendered: RenderedBody?
    }

    /// Markdown converted from a body, with what the conversion noticed.
    struct ConvertedBody: Sendable {
        let markdown: String
        let notes: ConversionNotes
    }

    /// The bodies of `items`, converted in as many slices as there are cores.
    static func prepare(_ items: [WordPressItem], catalogue: Catalogue, renderer: MarkdownRenderer) async -> [PreparedBody] {
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
        let size = (items.count + slices - 1) / max(slices, 1)
        return await withTaskGroup(of: (Int, [PreparedBody]).self) { group in
            for start in stride(from: 0, to: items.count, by: max(size, 1)) {
                let slice = Array(items[start..<min(start + size, items.count)])
                group.addTask { (start, slice.map { prepare($0, catalogue: catalogue, renderer: renderer) }) }
            }
            var prepared: [(Int, [PreparedBody])] = []
            for await part in group { prepared.append(part) }
            return prepared.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    private static func prepare(_ item: WordPressItem, catalogue: Catalogue, renderer: MarkdownRenderer) -> PreparedBody {
        let gallery = { (ids: [Int]) in
            ids.compactMap { id in catalogue.attachments[String(id)] }.map {
                WordPressBody.GalleryImage(source: $0.attachmentURL, alt: $0.meta["_wp_attachment_image_alt"] ?? "", caption: $0.excerpt)
            }
        }
        let (html, unknown) = WordPressBody(galleryImages: gallery).html(item.content)
        let converted = Result { () throws(HTMLConversionError) in
            let first = try HTMLToMarkdown(linkAddress: { newPath(of: $0, catalogue) }).convert(html)
            return ConvertedBody(markdown: first.markdown, notes: first.notes)
        }
        let rendered = (try? converted.get()).flatMap { $0.notes.images.isEmpty ? renderer.render($0.markdown) : nil }
        return PreparedBody(html: html, unknownShortcodes: unknown, converted: converted, rendered: rendered)
    }

    /// Where a link to `address` goes once imported: an imported story's new path, or `address` itself.
    static func newPath(of address: String, _ catalogue: Catalogue) -> String {
        OldAddress.normalized(address: address).flatMap { catalogue.newPaths[$0] } ?? address
    }

    // MARK: Authors and terms

    /// Kiosk ids of the export's authors, sections and topics.
    struct TermMap {
        var authors: [String: Author.ID] = [:]
        var sections: [String: Section.ID] = [:]
        var topics: [String: Topic.ID] = [:]
        /// The slug of each category by its id on the old site (Yoast names the primary category by id).
        var categorySlugs: [String: String] = [:]
    }

    private static func origin(_ site: WordPressSite) -> String { site.baseBlogURL.isEmpty ? site.link : site.baseBlogURL }

    private func authorID(_ author: WordPressAuthor, catalogue: Catalogue, _ site: WordPressSite, _ report: inout ArchiveImportReport) async throws -> Author.ID {
        let name = author.displayName.isEmpty ? author.login : author.displayName
        let key = ImportKey(source: "wordpress:" + Self.origin(site), kind: "author", externalID: author.login)
        return try await desk.author(key: key, name: name, wanted: Slug.derived(from: name) ?? Slug.derived(from: author.login), &report) {
            try NewAuthor(slug: $0, name: name)
        }
    }

    private func add(_ term: WordPressTerm, to terms: inout TermMap, source: String, _ report: inout ArchiveImportReport) async throws {
        let key = ImportKey(source: source, kind: term.kind == .category ? "section" : "topic", externalID: term.slug)
        let taxonomy = try await store.taxonomy()
        let name = term.name.isEmpty ? term.slug : PlainText.of(term.name)
        if term.kind == .category, !term.id.isEmpty { terms.categorySlugs[term.id] = term.slug }
        switch term.kind {
        case .category:
            if let id = try await store.importedRecord(key) { terms.sections[term.slug] = Section.ID(id); return }
            if let same = taxonomy.sections.first(where: { $0.slug.rawValue == term.slug || $0.name == name }) {
                terms.sections[term.slug] = same.id
            } else {
                let slug = ArchiveDesk<Store>.freeSlug(Slug.parse(term.slug) ?? Slug.derived(from: name), taken: Set(taxonomy.sections.map(\.slug)))
                terms.sections[term.slug] = try await store.createSection(
                    try NewSection(slug: slug, name: name, description: PlainText.of(term.description), position: taxonomy.sections.count)).id
                report.count("sections")
                if !term.parent.isEmpty { report.note("The category “\(name)” was under “\(term.parent)”; Kiosk's sections are flat, so it is a section of its own.") }
            }
            try await store.recordImport(key, as: terms.sections[term.slug]!.rawValue, now: now())
        case .tag:
            terms.topics[term.slug] = try await desk.topic(key: key, slug: term.slug, name: name, description: PlainText.of(term.description), &report)
        }
    }

    // MARK: Posts and pages

    /// The Kiosk path an item will have, for rewriting links between imported stories.
    static func intendedPath(_ item: WordPressItem) -> String? {
        guard let slug = Slug.parse(item.slug.isEmpty ? (Slug.derived(from: item.title)?.rawValue ?? "") : item.slug) else { return nil }
        switch item.type {
        case "post": return SitePaths.article(slug)
        case "page": return SitePaths.page(ReservedPaths.available(slug))
        default: return nil
        }
    }

    /// Every address WordPress answered for an item: its permalink and `?p=ID` (`?page_id=ID` for pages).
    static func oldPaths(_ item: WordPressItem) -> [String] {
        let query = item.type == "page" ? "page_id=\(item.id)" : "p=\(item.id)"
        return [OldAddress.normalized(address: item.link), OldAddress.normalized(path: "/", query: query)].compactMap { $0 }
    }

    /// Brings in what a post or page needs (its images, terms and author); a page is stored at once,
    /// a post comes back to be stored with the rest of its batch.
    private func importItem(
        _ item: WordPressItem, body prepared: PreparedBody, catalogue: Catalogue, terms: inout TermMap, _ report: inout ArchiveImportReport
    ) async throws -> ArchiveDesk<Store>.PendingArticle? {
        let label = "\(item.type) \(item.id) “\(item.title.prefix(80))”"
        let kind = item.type == "page" ? "page" : "article"
        let key = Self.key(of: item, catalogue)
        guard ["publish", "future", "draft", "pending", "private"].contains(item.status) else {
            report.skip("\(label): its status is “\(item.status)”, which is not imported.")
            return nil
        }
        if item.status == "private" { report.note("\(label) was private; it comes in as a draft.") }
        let rendered: RenderedBody
        do {
            rendered = try await body(prepared, catalogue: catalogue, label: label, &report)
        } catch let error as HTMLConversionError {
            report.skip("\(label): \(error.description).")
            return nil
        }
        let trimmedTitle = item.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let title = trimmedTitle.isEmpty ? "Untitled" : trimmedTitle
        let topImage = try await item.meta["_thumbnail_id"].asyncMap { try await importImage(attachment: $0, catalogue: catalogue, label: label, &report) } ?? nil
        let published = item.publishedGMT ?? item.publishedLocal
        let created = published ?? now()
        let updated = max(item.modifiedGMT ?? created, created)
        let dates = ArchiveDesk<Store>.Dates(published: published, created: created, updated: updated)
        do {
            if kind == "page" {
                try await importPage(item, title: title, body: rendered, topImage: topImage, key: key, dates: dates, label: label, &report)
                return nil
            }
            return try await pendingArticle(
                item, title: title, body: rendered, topImage: topImage, key: key, terms: &terms, catalogue: catalogue, dates: dates, label: label, &report)
        } catch let error as ValidationError {
            report.skip("\(label): \(error.message)")
            return nil
        }
    }

    private func pendingArticle(
        _ item: WordPressItem, title: String, body: RenderedBody, topImage: Media?, key: ImportKey, terms: inout TermMap, catalogue: Catalogue,
        dates: ArchiveDesk<Store>.Dates, label: String, _ report: inout ArchiveImportReport
    ) async throws -> ArchiveDesk<Store>.PendingArticle {
        let status: ArticleStatus =
            switch item.status {
            case "publish": .published
            case "future": .scheduled
            default: .draft
            }
        let categories = item.terms.filter { $0.domain == "category" }.map(\.slug)
        let primary = item.meta["_yoast_wpseo_primary_category"].flatMap { terms.categorySlugs[$0] }.flatMap { categories.contains($0) ? $0 : nil }
        let chosen = (primary ?? categories.first).flatMap { terms.sections[$0] }
        let section = if let chosen { chosen } else { try await fallbackSection(&terms, &report) }
        let topics = item.terms.filter { $0.domain == "post_tag" }.compactMap { terms.topics[$0.slug] }
        let author: Author.ID
        if let known = terms.authors[item.creator] {
            author = known
        } else {
            author = try await unlistedAuthor(item.creator, catalogue: catalogue, terms: &terms, &report)
        }
        let wanted = try Slug.parse(item.slug) ?? Slug.derived(from: title) ?? Slug("imported-\(item.id)")
        let excerpt = item.excerpt.isEmpty ? "" : (try? HTMLToMarkdown().convert(item.excerpt).markdown.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
        return ArchiveDesk<Store>.PendingArticle(
            wanted: wanted, status: status, dates: dates, topImage: topImage, key: key, oldPaths: Self.oldPaths(item), label: label
        ) { slug in
            try ArticleContent(
                slug: slug, title: title, dek: String(excerpt.prefix(ArticleForm.maximumDekLength)), format: .reporting, sectionID: section, topicIDs: topics,
                authorIDs: [author], topMediaID: topImage?.id, body: body)
        }
    }

    private func importPage(
        _ item: WordPressItem, title: String, body: RenderedBody, topImage: Media?, key: ImportKey, dates: ArchiveDesk<Store>.Dates, label: String,
        _ report: inout ArchiveImportReport
    ) async throws {
        let wanted = try Slug.parse(item.slug) ?? Slug.derived(from: title) ?? Slug("page-\(item.id)")
        if item.parentID != "0" { report.note("\(label) was under another page; Kiosk's pages all live at the site's root.") }
        try await desk.storePage(
            wanted: wanted, status: item.status == "publish" ? .published : .draft, dates: dates, key: key, oldPaths: Self.oldPaths(item), label: label,
            &report
        ) { slug in try PageContent(slug: slug, title: title, body: body, topMediaID: topImage?.id) }
    }

    private func fallbackSection(_ terms: inout TermMap, _ report: inout ArchiveImportReport) async throws -> Section.ID {
        if let id = terms.sections["uncategorized"] { return id }
        let taxonomy = try await store.taxonomy()
        if let existing = taxonomy.sections.first(where: { $0.slug.rawValue == "uncategorized" }) ?? taxonomy.sections.first {
            terms.sections["uncategorized"] = existing.id
            return existing.id
        }
        let made = try await store.createSection(try NewSection(slug: Slug("uncategorized"), name: "Uncategorized"))
        report.count("sections")
        terms.sections["uncategorized"] = made.id
        return made.id
    }

    private func unlistedAuthor(_ login: String, catalogue: Catalogue, terms: inout TermMap, _ report: inout ArchiveImportReport) async throws -> Author.ID {
        let name = login.isEmpty ? "Unknown author" : login
        report.note("Posts by “\(name)” name an author the export does not list; an author of that name was made.")
        let id = try await authorID(
            WordPressAuthor(login: name, email: "", displayName: name), catalogue: catalogue, catalogue.site, &report)
        terms.authors[login] = id
        return id
    }

    // MARK: Bodies and images

    /// The rendered body of a prepared post: its images brought in first when it has any.
    private func body(_ prepared: PreparedBody, catalogue: Catalogue, label: String, _ report: inout ArchiveImportReport) async throws -> RenderedBody {
        for name in prepared.unknownShortcodes {
            report.note("\(label) uses the shortcode [\(name)], which Kiosk does not know; its tags were removed and its text kept.")
        }
        let first = try prepared.converted.get()
        report.noteDropped(first.notes, label: label)
        if let rendered = prepared.rendered { return rendered }
        var images: [String: String] = [:]
        for (address, alt) in first.notes.images where images[address] == nil {
            // WordPress puts resized copies (photo-300x225.jpg) in bodies; the original is what comes in.
            let attachment = catalogue.attachmentsByAddress[address] ?? catalogue.attachmentsByAddress[Self.originalAddress(address)]
            let source = attachment?.attachmentURL ?? address
            if let media = try await importImage(address: source, attachment: attachment, alt: alt, label: label, &report) {
                images[address] = SitePaths.media(media.fileName)
            }
        }
        let markdown = try HTMLToMarkdown(imageAddress: { images[$0] ?? $0 }, linkAddress: { Self.newPath(of: $0, catalogue) }).convert(prepared.html).markdown
        return desk.renderer.render(markdown)
    }


    private func importImage(attachment id: String, catalogue: Catalogue, label: String, _ report: inout ArchiveImportReport) async throws -> Media? {
        guard let attachment = catalogue.attachments[id] else {
            report.note("\(label): its featured image (attachment \(id)) is not in the export.")
            return nil
        }
        return try await importImage(address: attachment.attachmentURL, attachment: attachment, alt: "", label: label, &report)
    }

    /// The address of the original of a resized copy WordPress made (`photo-300x225.jpg` → `photo.jpg`).
    static func originalAddress(_ address: String) -> String {
        guard let dot = address.lastIndex(of: "."), let dash = address[..<dot].lastIndex(of: "-") else { return address }
        let size = address[address.index(after: dash)..<dot].split(separator: "x")
        guard size.count == 2, size.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return address }
        return String(address[..<dash]) + String(address[dot...])
    }

    /// The media record of the image at `address`, from the site's uploads folder and checked like an upload.
    private func importImage(address: String, attachment: WordPressItem?, alt bodyAlt: String, label: String, _ report: inout ArchiveImportReport) async throws -> Media? {
        let alt = attachment?.meta["_wp_attachment_image_alt"].flatMap { $0.isEmpty ? nil : $0 } ?? (bodyAlt.isEmpty ? attachment?.title ?? "" : bodyAlt)
        // WordPress has no credit field: a plugin's `_credit`, else the attachment's description, holds it.
        let credit = attachment?.meta["_credit"] ?? attachment.map { PlainText.of($0.content) } ?? ""
        return try await desk.storeImage(
            path: Self.uploadPath(address), address: address, alt: alt, caption: PlainText.of(attachment?.excerpt ?? ""), credit: credit, label: label,
            hint: "give --uploads with a copy of wp-content/uploads, or --media-base with its address", &report)
    }

    /// The part of an upload's address below `wp-content/uploads/`.
    static func uploadPath(_ address: String) -> String? {
        guard let range = address.range(of: "/wp-content/uploads/") ?? address.range(of: "/uploads/") else { return nil }
        let path = String(address[range.upperBound...]).components(separatedBy: "?")[0]
        return path.removingPercentEncoding ?? path
    }
}

extension Optional {
    /// The value `transform` gives for the wrapped one, awaited, or `nil`.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
