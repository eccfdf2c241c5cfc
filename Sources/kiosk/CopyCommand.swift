import ArgumentParser
import Foundation
import KioskServer
import KioskStore
import Logging

/// `kiosk copy`: moves a whole publication from one database to another (SQLite to PostgreSQL when
/// a publication grows beyond one machine, or back).
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole publication into an empty database: content, revisions, accounts, tokens, subscribers, issues, deliveries, media and settings.",
        discussion: """
            Both databases are brought up to the current schema first. The target must hold no publication; \
            it is refused otherwise and left as it was. At the end, every table's rows are counted in both.
            """)

    @Option(help: "The database to copy from: a SQLite file, sqlite:PATH or postgres://….")
    var from: String

    @Option(help: "The database to copy into: a SQLite file, sqlite:PATH or postgres://… (env KIOSK_DATABASE_FILE is not read here).")
    var to: String

    @Option(help: "The source's media folder, whose files not yet in the database are copied too (default: the 'media' folder beside a SQLite source).")
    var media: String?

    func run() async throws {
        try await Kiosk.reportingErrors {
            let source = try Database(from)
            let target = try Database(to)
            guard source.description != target.description else { throw Messages.Refusal("--from and --to name the same database.") }
            var logger = Logger(label: "kiosk")
            logger.logLevel = .warning
            let folder = media ?? source.sqliteFolder.map { URL(fileURLWithPath: $0).appendingPathComponent("media").path }
            try await source.withStore(logger: logger) { from in
                try await target.withStore(logger: logger) { into in
                    try await Self.copy(from: from, into: into, mediaFolder: folder, source: source, target: target)
                }
            }
        }
    }

    private static func copy(from: some PublicationStore, into: some PublicationStore, mediaFolder: String?, source: Database, target: Database) async throws {
        let copier = PublicationCopier(from: from, to: into)
        if let refusal = try await copier.refusal() { throw Messages.Refusal(refusal) }
        if let mediaFolder {
            let stored = try await MediaLibrary.storeMissingBytes(from: mediaFolder, in: from)
            if stored > 0 { print("Took \(stored) media files from \(mediaFolder) into \(source) first.") }
        }
        print("Copying \(source) into \(target)")
        let counts = try await copier.copy(progress: Progress.everySecond)
        for (table, rows) in counts where rows > 0 {
            print("  \(table.padding(toLength: 18, withPad: " ", startingAt: 0)) \(rows) rows")
        }
        print("Done: \(counts.reduce(0) { $0 + $1.rows }) rows in \(counts.count) tables, the same number in each table of both databases.")
    }
}
