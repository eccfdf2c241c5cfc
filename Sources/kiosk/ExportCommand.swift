import ArgumentParser
import Foundation
import KioskCore
import KioskRender
import KioskServer
import KioskStore
import Logging

/// `kiosk export`: the whole publication as a folder of plain files, to move elsewhere or keep; or,
/// with `--static`, the public site as files for any web server.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything the publication owns as plain files (--to), or the public site as static files (--static).",
        discussion: """
            --to DIR gets manifest.json (format, tables, media checksums), tables/NAME.jsonl (one JSON object per row), \
            articles/SLUG.md and pages/SLUG.md (the bodies) and media/ (the files). Secrets are left out: passwords, \
            sessions, integration tokens, two-step sign-in secrets, the link-signing key and the mail server's address. \
            kiosk import kiosk FOLDER brings it into an empty database. The README describes the format.
            --static DIR gets every public page as PATH/index.html, with the feeds, sitemaps, images and assets, for a \
            web server or CDN that serves a folder's index.html (search and newsletter sign-up need kiosk itself).
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The folder to write the export into; it must not exist yet or be empty.")
    var to: String?

    @Option(name: .customLong("static"), help: "The folder to write the public site into as static files; it must not exist yet or be empty.")
    var staticFolder: String?

    @Option(name: .customLong("public-url"), help: "The address the static site will be served at (env KIOSK_PUBLIC_URL), for canonical and share links.")
    var publicURL: String?

    func validate() throws {
        guard (to == nil) != (staticFolder == nil) else { throw ValidationError("give either --to DIR (the publication's data) or --static DIR (the public site).") }
    }

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage, publicURL: publicURL)
            var logger = Logger(label: "kiosk")
            logger.logLevel = .warning
            try await settings.database.withStore(logger: logger) { store in
                if let staticFolder {
                    try await Self.exportSite(store, settings: settings, to: staticFolder, logger: logger)
                } else if let to {
                    try await Self.export(store, settings: settings, to: to)
                }
            }
        }
    }

    private static func exportSite<Store: PublicationStore>(_ store: Store, settings: Settings, to folder: String, logger: Logger) async throws {
        guard let media = settings.media else { throw Messages.Refusal("there is no media folder; give --media or KIOSK_MEDIA.") }
        let settings = try await settings.withStoredPublicURL(from: store)
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-static-outbox").path
        let dependencies = AppDependencies(
            store: store, theme: try Theme(directory: settings.theme), adminTheme: try Theme(directory: settings.adminTheme, required: AdminTheme.requiredTemplates),
            pageCache: PageCache(capacity: 0), logger: logger, mailTransport: FolderTransport(folder: outbox), mailIdentity: try settings.mailIdentity())
        let router = buildRouter(
            configuration: ServerConfiguration(mediaDirectory: media, publicURL: settings.publicURL, cachePolicy: settings.cachePolicy), dependencies: dependencies)
        let resized = try await MediaRebuild.makeAll(store)
        if resized.made > 0 { print("Resized \(resized.made) images first, so that the pages name their resized copies.") }
        print("Writing the public site of \(settings.database) into \(folder), for \(settings.publicURL)")
        let started = ContinuousClock.now
        let summary = try await StaticSite(router: router, publicURL: settings.publicURL, logger: logger).write(
            to: URL(fileURLWithPath: folder), progress: Progress.everySecond)
        let megabytes = String(format: "%.1f", Double(summary.bytes) / 1_048_576)
        print("Done: \(summary.pages) pages and \(summary.files) other files (\(megabytes) MB) in \(ContinuousClock.now - started).")
    }

    private static func export(_ store: some PublicationStore, settings: Settings, to: String) async throws {
        if let media = settings.media {
            let stored = try await MediaLibrary.storeMissingBytes(from: media, in: store)
            if stored > 0 { print("Took \(stored) media files from \(media) into the database first.") }
        }
        print("Exporting \(settings.database) into \(to)")
        let manifest = try await PublicationExport.write(
            from: store, to: URL(fileURLWithPath: to), kioskVersion: Installation.version, now: Date(), progress: Progress.everySecond)
        let rows = Dictionary(uniqueKeysWithValues: manifest.tables.map { ($0.name, $0.rows) })
        print(
            "Done: \(rows["article"] ?? 0) articles, \(rows["page"] ?? 0) pages, \(manifest.media.count) media files, "
                + "\(rows["subscriber"] ?? 0) subscribers and \(manifest.tables.reduce(0) { $0 + $1.rows }) rows in all, in \(to).")
    }
}

/// `kiosk import`: brings a publication in from elsewhere.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a publication in from an export.",
        subcommands: [ImportKioskCommand.self, ImportWordPressCommand.self, ImportGhostCommand.self, ImportSubstackCommand.self])
}

/// `kiosk import kiosk FOLDER`: a folder made by `kiosk export`, into an empty database.
struct ImportKioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Import a folder made by kiosk export into an empty database.",
        discussion: """
            Everything is checked before anything is written: the manifest, every row, every body file and every media \
            file against its checksum. A new SQLite database appears only once the import is whole. Accounts come without \
            passwords: each person sets a new one with "Forgot your password?" (or kiosk user create for a new account).
            """)

    @Argument(help: "The export folder.")
    var folder: String

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            let source = URL(fileURLWithPath: folder)
            _ = try PublicationExport.manifest(in: source)
            var logger = Logger(label: "kiosk")
            logger.logLevel = .warning
            print("Importing \(folder) into \(settings.database)")
            let counts: [(table: String, rows: Int)]
            switch settings.database {
            case .sqlite(let path):
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw Messages.Refusal("\(path) exists already; import into a new database file.")
                }
                let partial = path + ".importing"
                try? FileManager.default.removeItem(atPath: partial)
                defer { try? FileManager.default.removeItem(atPath: partial) }
                counts = try await Database.sqlite(path: partial).withStore(logger: logger) { store in
                    try await PublicationExport.read(from: source, into: store, progress: Progress.everySecond)
                }
                try FileManager.default.moveItem(atPath: partial, toPath: path)
            case .postgres:
                counts = try await settings.database.withStore(logger: logger) { store in
                    try await PublicationExport.read(from: source, into: store, progress: Progress.everySecond)
                }
            }
            print("Done: \(counts.reduce(0) { $0 + $1.rows }) rows in \(counts.count) tables, each counted again in the database.")
            print("Accounts have no passwords yet: each person sets one with “Forgot your password?” on the sign-in page.")
        }
    }
}

/// `kiosk import wordpress FILE`: a WordPress site from its export (Tools → Export → All content).
struct ImportWordPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wordpress",
        abstract: "Import a WordPress site from its export file (WXR): posts, pages, authors, categories, tags and images.",
        discussion: """
            Posts become articles with their dates and status (a private post becomes a draft), categories become sections \
            and tags topics; featured and body images come from --uploads, a copy of the site's wp-content/uploads folder, \
            or are fetched from --media-base, that folder's address on a site still running. \
            Old addresses (/2025/06/slug/, ?p=ID) keep answering with a redirect. Running it again changes nothing, and \
            an interrupted import continues where it stopped. A report lists what was imported, skipped and needs attention.
            """)

    @Argument(help: "The WordPress export file (.xml).")
    var file: String

    @Option(help: "A copy of the site's wp-content/uploads folder, for images (--media is this publication's own media folder).")
    var uploads: String?

    @Option(help: "Instead of --uploads: the address of the site's uploads folder, such as https://old.example/wp-content/uploads/, to fetch images from.")
    var mediaBase: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await ArchiveImportRun.run(.wordpress, file, images: ArchiveImportRun.images(folder: uploads, "--uploads", address: mediaBase), storage: storage)
    }
}

/// `kiosk import ghost FILE`: a Ghost site from its content export, and its members from their export.
struct ImportGhostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ghost",
        abstract: "Import a Ghost site from its content export (.json): posts, pages, authors, tags and images; and its members (--members).",
        discussion: """
            Posts become articles with their dates and status in one "Archive" section (Ghost has no sections), public tags \
            become topics (#internal tags stay behind), staff users become authors with their bios and portraits. Posts \
            for members or paying members, and posts sent by email only, come in as drafts. Images come from --images, a \
            copy of the site's content/images folder (by default the images folder beside the export, if there is one), \
            or are fetched from --media-base, that folder's address on a site still running. \
            --members takes the members export: members come in as confirmed subscribers, those who unsubscribed staying \
            unsubscribed. /slug/ keeps answering with a redirect. Running it again changes nothing.
            """)

    @Argument(help: "Ghost's content export (.json, Settings → Advanced → Import/Export → Export content).")
    var file: String

    @Option(help: "A copy of the site's content/images folder (default: the images folder beside the export, if any).")
    var images: String?

    @Option(help: "Instead of --images: the address of the site's content/images folder, such as https://old.example/content/images/, to fetch images from.")
    var mediaBase: String?

    @Option(help: "Ghost's members export (.csv, Members → Export), to bring the members in as subscribers.")
    var members: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let beside = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("images").path
        let folder = images ?? (mediaBase == nil && FileManager.default.fileExists(atPath: beside) ? beside : nil)
        try await ArchiveImportRun.run(.ghost, file, images: ArchiveImportRun.images(folder: folder, "--images", address: mediaBase), members: members, storage: storage)
    }
}

/// `kiosk import substack DIR`: a Substack publication from its unzipped export.
struct ImportSubstackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "substack",
        abstract: "Import a Substack publication from its export (the zip file or its folder): posts, their images and the email list.",
        discussion: """
            Published posts become articles with their dates, drafts stay drafts, and paid-only posts come in as drafts so \
            that nothing paid becomes public by accident; podcast episodes are reported. The email list comes in as \
            confirmed subscribers (nobody is sent a confirmation), those who unsubscribed staying unsubscribed. /p/slug \
            keeps answering with a redirect. Running it again changes nothing.
            """)

    @Argument(help: "The export: the zip file Substack sends, or its unzipped folder (posts.csv, posts/, email_list.NAME.csv, and images/ with the images).")
    var folder: String

    @Option(help: "The byline of the imported posts (Substack's export names no authors; default: the publication's name).")
    var author: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await ArchiveImportRun.run(.substack, folder, author: author, storage: storage)
    }
}

/// Opens the database for an archive import of `source` (refused, with nothing created, when there
/// is nothing there), runs it, and prints its report.
enum ArchiveImportRun {
    static func run(
        _ platform: ImportPlatform, _ source: String, images: @autoclosure () throws -> ArchiveImages? = nil, members: String? = nil,
        author: String? = nil, storage: StorageOptions
    ) async throws {
        try await Kiosk.reportingErrors {
            guard FileManager.default.fileExists(atPath: source) else { throw Messages.Refusal("there is nothing at \(source) to import.") }
            let images = try images()
            let settings = try await Settings.load(storage: storage)
            var logger = Logger(label: "kiosk")
            logger.logLevel = .warning
            guard let mediaFolder = settings.media else { throw Messages.Refusal("there is no media folder for the images; give --media or KIOSK_MEDIA.") }
            print("Importing \(source) into \(settings.database)")
            let report = try await settings.database.withStore(logger: logger) { store in
                try await importArchive(platform, source, images: images, members: members, author: author, into: store, settings: settings, mediaFolder: mediaFolder)
            }
            ImportReportPrinter.print(report)
        }
    }
}

extension ArchiveImportRun {
    /// Runs the import into `store`; its images' renditions are made by the server when it next runs.
    private static func importArchive<Store: PublicationStore>(
        _ platform: ImportPlatform, _ source: String, images: ArchiveImages?, members: String?, author: String?, into store: Store, settings: Settings,
        mediaFolder: String
    ) async throws -> ArchiveImportReport {
        try await ArchiveImport.run(
            platform, file: URL(fileURLWithPath: source), images: images, members: members, author: author, store: store,
            media: settings.mediaLibrary(store, folder: mediaFolder, renditions: RenditionQueue()), now: Date.init, progress: Progress.everySecond)
    }

    /// Where the images are: the folder given with `option`, or the address given with --media-base; not both.
    static func images(folder: String?, _ option: String, address: String?) throws -> ArchiveImages? {
        switch (folder, address) {
        case (.some, .some): throw Messages.Refusal("give \(option) or --media-base, not both.")
        case (let folder?, nil):
            guard FileManager.default.fileExists(atPath: folder) else { throw Messages.Refusal("there is no folder at \(folder) (\(option)).") }
            return .folder(URL(fileURLWithPath: folder))
        case (nil, let address?):
            do {
                return try ArchiveImages.address(address)
            } catch {
                throw Messages.Refusal(error.description)
            }
        case (nil, nil): return nil
        }
    }
}

/// Prints an import's report.
enum ImportReportPrinter {
    static func print(_ report: ArchiveImportReport) {
        let made = report.imported.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map { "\($0.value) \($0.key)" }
        Swift.print(report.changedNothing ? "Nothing new: everything in the file was imported before (\(report.unchanged) items left as they were)." : "Imported: \(made.joined(separator: ", ")).")
        if report.unchanged > 0, !report.changedNothing { Swift.print("Already imported before, left as they were: \(report.unchanged).") }
        if !report.skipped.isEmpty {
            Swift.print("Skipped (\(report.skipped.count)):")
            for line in report.skipped { Swift.print("  - \(line)") }
        }
        if !report.attention.isEmpty {
            Swift.print("Needs attention (\(report.attention.count)):")
            for line in report.attention { Swift.print("  - \(line)") }
        }
        if report.unlisted > 0 { Swift.print("  … and \(report.unlisted) more lines.") }
    }
}

/// Progress lines printed at most once a second.
enum Progress {
    /// A progress reporter that prints at most one line a second.
    static var everySecond: (String) -> Void {
        var lastShown = ContinuousClock.now - .seconds(2)
        return { line in
            guard ContinuousClock.now - lastShown >= .seconds(1) else { return }
            lastShown = ContinuousClock.now
            print("  \(line)")
        }
    }
}
