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
    /// Where the export's image files are, if anywhere.
    let images: ArchiveImages?
    /// What this run has read or stored already: the taxonomy, and the image of each file.
    let memory = Memory()

    /// What one run keeps so that each post does not read the whole taxonomy or an image file again.
    final class Memory {
        var taxonomy: Taxonomy?
        var images: [String: Media] = [:]
        /// Why each image file that could not be had could not, so it is not tried again.
        var unavailable: [String: String] = [:]
    }

    /// A desk storing into `store`, images from `images` through `media`, the history naming "`platform` import".
    init(store: Store, media: MediaLibrary<Store>, images: ArchiveImages?, now: @escaping @Sendable () -> Date, platform: String) {
        self.store = store
        self.images = images
        self.media = media
        self.now = now
        importer = ChangeAuthor(integration: "\(platform) import")
    }

    /// When an imported item was published, first written and last changed.
    struct Dates {
        let published: Date?
        let created: Date
        let updated: Date
    }

    /// An imported article ready to be stored but for its slug: `make` gives its content for one.
    struct PendingArticle {
        let wanted: Slug
        let status: ArticleStatus
        let dates: Dates
        let topImage: Media?
        let key: ImportKey
        let oldPaths: [String]
        /// How the report names it.
        let label: String
        let make: (Slug) throws -> ArticleContent
    }

    /// An article on its way into the store, at its `attempt`th address (see `candidate`).
    struct Attempt {
        let article: PendingArticle
        let attempt: Int
    }

    /// Articles made ready for one transaction: those that passed validation, and the records to write.
    struct Round {
        fileprivate let attempts: [Attempt]
        fileprivate let records: [ImportedArticle]
    }

    /// A round being written, while the caller prepares the next.
    struct Writing {
        fileprivate let round: Round
        fileprivate let outcomes: Task<[ImportOutcome], any Error>
    }

    /// Stores `articles` together, one transaction per round: each at its wanted address, and one
    /// whose address is taken at the first free `wanted-N` in a later round (reported).
    func storeArticles(_ articles: [PendingArticle], _ report: inout ArchiveImportReport) async throws {
        try await finish(write(prepare(articles.map { Attempt(article: $0, attempt: 0) }, &report)), &report)
    }

    /// Makes each attempt's record at its address; one with no address left, or that fails validation, is left out (reported).
    func prepare(_ attempts: [Attempt], _ report: inout ArchiveImportReport) async throws -> Round {
        var kept: [Attempt] = []
        var records: [ImportedArticle] = []
        for entry in attempts {
            guard let slug = Self.candidate(entry.article.wanted, attempt: entry.attempt) else {
                report.skip("\(entry.article.label): no free address was found for it.")
                continue
            }
            do {
                records.append(try await importedArticle(entry.article, slug: slug))
                kept.append(entry)
            } catch let error as ValidationError {
                report.skip("\(entry.article.label): \(error.message)")
            }
        }
        return Round(attempts: kept, records: records)
    }

    /// Starts writing `round` in one transaction, on another task.
    func write(_ round: Round) -> Writing {
        let (store, records, now) = (store, round.records, now())
        return Writing(round: round, outcomes: Task { records.isEmpty ? [] : try await store.importArticles(records, now: now) })
    }

    /// Waits for `writing` to end, whatever came of it, so that an import that stops leaves no transaction running.
    func abandon(_ writing: Writing?) async {
        _ = try? await writing?.outcomes.value
    }

    /// Waits for `writing` to end and reports what it stored; articles whose address was taken are
    /// tried at their next address, a round at a time, before this returns.
    func finish(_ writing: Writing, _ report: inout ArchiveImportReport) async throws {
        var retry: [Attempt] = []
        for (entry, outcome) in zip(writing.round.attempts, try await writing.outcomes.value) {
            switch outcome {
            case .stored:
                report.count("articles")
                if entry.attempt > 0, let slug = Self.candidate(entry.article.wanted, attempt: entry.attempt) {
                    report.note("\(entry.article.label): /articles/\(entry.article.wanted) was taken, so it is at /articles/\(slug).")
                }
            case .alreadyImported: report.unchanged += 1
            case .slugTaken: retry.append(Attempt(article: entry.article, attempt: entry.attempt + 1))
            }
        }
        if !retry.isEmpty { try await finish(write(prepare(retry, &report)), &report) }
    }

    private func importedArticle(_ article: PendingArticle, slug: Slug) async throws -> ImportedArticle {
        let content = try article.make(slug)
        let names = ContentNames(of: content, in: try await taxonomy(covering: content), topImage: article.topImage)
        let dates = article.dates
        return ImportedArticle(
            content: content, status: article.status, publishedAt: article.status == .draft ? nil : dates.published, createdAt: dates.created,
            updatedAt: dates.updated, revision: NewRevision(kind: .created, by: importer, content: content, names: names), key: article.key,
            oldPaths: article.oldPaths)
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

    /// The address tried for `wanted` at `attempt`: `wanted` itself first, then `wanted-2` to `wanted-20`; `nil` after that.
    private static func candidate(_ wanted: Slug, attempt: Int) -> Slug? {
        guard attempt > 0 else { return wanted }
        guard attempt < 20 else { return nil }
        return Slug.parse("\(wanted.rawValue.prefix(Slug.maximumLength - 4))-\(attempt + 1)")
    }

    /// Every address tried for `wanted`, in order.
    private static func candidates(_ wanted: Slug) -> [Slug] {
        (0..<20).compactMap { candidate(wanted, attempt: $0) }
    }

    /// The media record of the image at `path` below the old site's image folder, checked like an
    /// upload (the same file is stored once); `nil`, reported, when there is no folder, no path, or
    /// the file cannot be had or is refused. `hint` says which option brings the images in.
    func storeImage(
        path: String?, address: String, alt: String, caption: String, credit: String, label: String, hint: String, _ report: inout ArchiveImportReport
    ) async throws -> Media? {
        guard let images else {
            report.note("\(label): the image \(address) was not brought in (\(hint)).")
            return nil
        }
        guard let path else {
            report.note("\(label): the image \(address) is not in the site's image folder, so it was not brought in.")
            return nil
        }
        if let known = memory.images[path] {
            report.countImage(known.id.rawValue)
            return known
        }
        let bytes: [UInt8]
        do throws(ArchiveImagesError) {
            if let reason = memory.unavailable[path] { throw ArchiveImagesError(reason) }
            bytes = try await images.bytes(at: path, maximumBytes: media.maximumBytes)
        } catch {
            memory.unavailable[path] = error.description
            report.note("\(label): the image \(address) was not brought in: \(error.description).")
            return nil
        }
        do {
            let stored = try await media.add(bytes, decoding: false) { fileName, info in
                try NewMedia(
                    fileName: fileName, contentType: info.format.contentType, width: info.width, height: info.height, alt: alt.isEmpty ? "Image" : alt,
                    caption: caption, credit: String(credit.prefix(300)))
            }
            report.countImage(stored.id.rawValue)
            memory.images[path] = stored
            return stored
        } catch let error as ValidationError {
            report.note("\(label): the image \(address) was refused: \(error.message)")
            return nil
        }
    }
}
