import Foundation
import KioskCore
import KioskRender
import KioskStore

/// What every archive import shares: storing an imported article or page at its address (or the
/// first free `address-N`, reported), and an image through the same checks as an upload.
struct ArchiveDesk<Store: PublicationStore> {
    let store: Store
    let media: MediaLibrary<Store>
    let renderer = MarkdownRenderer()
    let now: @Sendable () -> Date
    /// Who the history names as having saved the first revision ("WordPress import").
    let importer: ChangeAuthor
    /// What this run has read or stored already: the taxonomy, and the image of each file.
    let memory = Memory()

    /// What one run keeps so that each post does not read the whole taxonomy or an image file again.
    final class Memory {
        var taxonomy: Taxonomy?
        var images: [String: Media] = [:]
    }

    /// A desk storing into `store`, images into `mediaFolder` (this node's cache), the history naming "`platform` import".
    init(store: Store, mediaFolder: String, maximumImageBytes: Int, now: @escaping @Sendable () -> Date, platform: String) {
        self.store = store
        media = MediaLibrary(directory: mediaFolder, maximumBytes: maximumImageBytes, store: store)
        self.now = now
        importer = ChangeAuthor(integration: "\(platform) import")
    }

    /// When an imported item was published, first written and last changed.
    struct Dates {
        let published: Date?
        let created: Date
        let updated: Date
    }

    /// Stores an article whose content `make` gives for a slug, at `wanted` or the first free `wanted-N`.
    func storeArticle(
        wanted: Slug, status: ArticleStatus, dates: Dates, topImage: Media?, key: ImportKey, oldPaths: [String], label: String,
        _ report: inout ArchiveImportReport, make: (Slug) throws -> ArticleContent
    ) async throws {
        for slug in Self.candidates(wanted) {
            let content = try make(slug)
            let names = ContentNames(of: content, in: try await taxonomy(covering: content), topImage: topImage)
            let article = ImportedArticle(
                content: content, status: status, publishedAt: status == .draft ? nil : dates.published, createdAt: dates.created, updatedAt: dates.updated,
                revision: NewRevision(kind: .created, by: importer, content: content, names: names), key: key, oldPaths: oldPaths)
            do {
                _ = try await store.importArticle(article, now: now())
                report.count("articles")
                if slug != wanted { report.note("\(label): /articles/\(wanted) was taken, so it is at /articles/\(slug).") }
                return
            } catch StoreError.slugTaken {
                continue
            }
        }
        report.skip("\(label): no free address was found for it.")
    }

    /// Stores a page whose content `make` gives for a slug, off Kiosk's own addresses and at the first free one.
    func storePage(
        wanted: Slug, status: PageStatus, dates: Dates, key: ImportKey, oldPaths: [String], label: String, _ report: inout ArchiveImportReport,
        make: (Slug) throws -> PageContent
    ) async throws {
        let free = ReservedPaths.available(wanted)
        if free != wanted { report.note("\(label): /\(wanted) is one of Kiosk's own addresses, so the page is at /\(free).") }
        for slug in Self.candidates(free).map(ReservedPaths.available) {
            let content = try make(slug)
            do {
                _ = try await store.importPage(
                    ImportedPage(
                        content: content, status: status, publishedAt: status == .published ? dates.published : nil, createdAt: dates.created,
                        updatedAt: dates.updated, revision: NewPageRevision(kind: .created, by: importer, content: content), key: key, oldPaths: oldPaths),
                    now: now())
                report.count("pages")
                if slug != free { report.note("\(label): a page already lives at /\(free), so this one is at /\(slug).") }
                return
            } catch StoreError.slugTaken {
                continue
            }
        }
        report.skip("\(label): no free address was found for it.")
    }

    /// The author the ledger names for `key`; else one of the same name; else a new one from `make`, given `wanted` or the first free `wanted-N`.
    func author(
        key: ImportKey, name: String, wanted: Slug?, _ report: inout ArchiveImportReport, make: (Slug) async throws -> NewAuthor
    ) async throws -> Author.ID {
        if let id = try await store.importedRecord(key) { return Author.ID(id) }
        let taxonomy = try await store.taxonomy()
        let id: Author.ID
        if let same = taxonomy.authors.first(where: { $0.name == name }) {
            id = same.id
        } else {
            id = try await store.createAuthor(try await make(Self.freeSlug(wanted, taken: Set(taxonomy.authors.map(\.slug))))).id
            report.count("authors")
        }
        try await store.recordImport(key, as: id.rawValue, now: now())
        return id
    }

    /// The topic the ledger names for `key`; else one of the same slug or name; else a new one.
    func topic(key: ImportKey, slug: String, name: String, description: String, _ report: inout ArchiveImportReport) async throws -> Topic.ID {
        if let id = try await store.importedRecord(key) { return Topic.ID(id) }
        let taxonomy = try await store.taxonomy()
        let id: Topic.ID
        if let same = taxonomy.topics.first(where: { $0.slug.rawValue == slug || $0.name == name }) {
            id = same.id
        } else {
            let free = Self.freeSlug(Slug.parse(slug) ?? Slug.derived(from: name), taken: Set(taxonomy.topics.map(\.slug)))
            id = try await store.createTopic(try NewTerm(slug: free, name: name, description: description)).id
            report.count("topics")
        }
        try await store.recordImport(key, as: id.rawValue, now: now())
        return id
    }

    /// The one section a platform without sections imports into (`slug`), made when missing.
    func archiveSection(source: String, slug: Slug, name: String, _ report: inout ArchiveImportReport) async throws -> Section.ID {
        let key = ImportKey(source: source, kind: "section", externalID: slug.rawValue)
        if let id = try await store.importedRecord(key) { return Section.ID(id) }
        let taxonomy = try await store.taxonomy()
        let id: Section.ID
        if let same = taxonomy.sections.first(where: { $0.slug == slug }) {
            id = same.id
        } else {
            id = try await store.createSection(try NewSection(slug: slug, name: name, position: taxonomy.sections.count)).id
            report.count("sections")
        }
        try await store.recordImport(key, as: id.rawValue, now: now())
        return id
    }

    /// Brings in the subscribers of a members or email-list CSV, matched by its header, as confirmed
    /// subscribers (nobody is sent a confirmation), those who unsubscribed staying unsubscribed.
    func importSubscribers(_ file: URL, _ report: inout ArchiveImportReport) async throws {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            report.note("The subscriber list \(file.lastPathComponent) cannot be read as text.")
            return
        }
        let list = SubscriberCSV(text, newsletters: try await store.newsletters())
        let added = try await store.importSubscribers(list.rows, now: now()) { Subscriptions.importEvent(source: $0.source, status: $0.status) }
        report.imported["subscribers", default: 0] += added
        for problem in list.problems { report.note("\(file.lastPathComponent) \(problem)") }
    }

    /// `wanted` when free, otherwise `wanted-2`, `wanted-3`…
    static func freeSlug(_ wanted: Slug?, taken: Set<Slug>) -> Slug {
        // "imported" is a constant that passes Slug's rules, so this cannot fail.
        let base = wanted ?? (try! Slug("imported"))
        guard taken.contains(base) else { return base }
        for number in 2... {
            if let candidate = Slug.parse("\(base.rawValue.prefix(Slug.maximumLength - 8))-\(number)"), !taken.contains(candidate) { return candidate }
        }
        return base
    }

    /// The taxonomy as this run last read it, read again when `content` names a term it does not hold.
    private func taxonomy(covering content: ArticleContent) async throws -> Taxonomy {
        if let known = memory.taxonomy, known.sections.contains(where: { $0.id == content.sectionID }),
            content.topicIDs.allSatisfy({ id in known.topics.contains { $0.id == id } }),
            content.authorIDs.allSatisfy({ id in known.authors.contains { $0.id == id } }),
            content.seriesID.map({ id in known.series.contains { $0.id == id } }) ?? true
        {
            return known
        }
        let current = try await store.taxonomy()
        memory.taxonomy = current
        return current
    }

    /// `wanted`, then `wanted-2` to `wanted-20`.
    private static func candidates(_ wanted: Slug) -> [Slug] {
        [wanted] + (2...20).compactMap { Slug.parse("\(wanted.rawValue.prefix(Slug.maximumLength - 4))-\($0)") }
    }

    /// The media record of the image in `file`, checked like an upload (the same file is stored once); `nil`, reported, when it is missing or refused.
    func storeImage(
        file: URL?, address: String, alt: String, caption: String, credit: String, label: String, _ report: inout ArchiveImportReport
    ) async throws -> Media? {
        if let file, let known = memory.images[file.path] {
            report.countImage(known.id.rawValue)
            return known
        }
        guard let file, let data = try? Data(contentsOf: file), data.count <= media.maximumBytes else {
            report.note("\(label): the image \(address) is missing from the export's images or too large.")
            return nil
        }
        do {
            let stored = try await media.add(Array(data)) { fileName, info in
                try NewMedia(
                    fileName: fileName, contentType: info.format.contentType, width: info.width, height: info.height, alt: alt.isEmpty ? "Image" : alt,
                    caption: caption, credit: String(credit.prefix(300)))
            }
            report.countImage(stored.id.rawValue)
            memory.images[file.path] = stored
            return stored
        } catch let error as ValidationError {
            report.note("\(label): the image \(address) was refused: \(error.message)")
            return nil
        }
    }
}
