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
            let names = ContentNames(of: content, in: try await store.taxonomy(), topImage: topImage)
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

    /// `wanted`, then `wanted-2` to `wanted-20`.
    private static func candidates(_ wanted: Slug) -> [Slug] {
        [wanted] + (2...20).compactMap { Slug.parse("\(wanted.rawValue.prefix(Slug.maximumLength - 4))-\($0)") }
    }

    /// The media record of the image in `file`, checked like an upload (the same file is stored once); `nil`, reported, when it is missing or refused.
    func storeImage(
        file: URL?, address: String, alt: String, caption: String, credit: String, label: String, _ report: inout ArchiveImportReport
    ) async throws -> Media? {
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
            return stored
        } catch let error as ValidationError {
            report.note("\(label): the image \(address) was refused: \(error.message)")
            return nil
        }
    }
}
