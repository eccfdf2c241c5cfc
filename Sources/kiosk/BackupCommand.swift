import ArgumentParser
import Foundation
import KioskServer
import KioskSQLite
import KioskStore

/// `kiosk backup`: a consistent copy of a SQLite publication, taken while it serves.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back the whole publication up into one file while it keeps serving: content, revisions, accounts, subscribers, settings and media.",
        discussion: """
            The backup is a tar file holding manifest.json (what it holds, with checksums) and kiosk.sqlite, \
            a copy of the database as it was when the backup began. Media files are inside the database. \
            A PostgreSQL database is backed up with pg_dump instead (see the README).
            """)

    @OptionGroup var storage: StorageOptions

    @Option(help: "The file to write the backup to; it must not exist yet.")
    var to: String

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            guard case .sqlite(let path) = settings.database else {
                throw Messages.Refusal("kiosk backup copies a SQLite database; back PostgreSQL up with pg_dump --format=custom (see the README).")
            }
            print("Backing up \(path)")
            var shown = -10
            let manifest = try BackupArchive.create(at: URL(fileURLWithPath: to), kioskVersion: Installation.version, now: Date()) { copy in
                try SQLiteSnapshot.take(from: path, to: copy) { fraction in
                    let percent = Int(fraction * 100)
                    guard percent >= shown + 10 else { return }
                    shown = percent - percent % 10
                    print("  copying the database: \(shown)%")
                }
            } progress: { print($0) }
            print("Done: \(Self.describe(manifest)) in \(to).")
            print("Restore it with: kiosk restore \(to) --database NEW.sqlite")
        }
    }

    /// What a backup holds, in a few words.
    static func describe(_ manifest: BackupManifest) -> String {
        let rows = manifest.contents.rows
        let megabytes = String(format: "%.1f", Double(manifest.database.bytes) / 1_048_576)
        return "\(megabytes) MB, \(rows["article"] ?? 0) articles, \(rows["media"] ?? 0) media files, \(rows["user"] ?? 0) accounts, "
            + "\(rows["subscriber"] ?? 0) subscribers"
    }
}

/// `kiosk restore`: brings a backup back into a new SQLite file, after checking it whole.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by kiosk backup into a new SQLite database.",
        discussion: """
            The backup's manifest, checksum, SQLite's integrity check and the rows of every table are checked \
            before anything is put in place. An existing database is replaced only with --force (stop kiosk first). \
            Start kiosk on the restored database as usual: newer migrations are applied on start.
            """)

    @Argument(help: "The backup file.")
    var file: String

    @OptionGroup var storage: StorageOptions

    @Flag(help: "Replace the database if one is already there.")
    var force = false

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            guard case .sqlite(let path) = settings.database else {
                throw Messages.Refusal("kiosk restore writes a SQLite database; restore PostgreSQL with pg_restore, or restore here and then use kiosk copy.")
            }
            guard FileManager.default.fileExists(atPath: file) else { throw Messages.Refusal("there is no backup at \(file).") }
            do {
                let manifest = try BackupArchive.restore(
                    from: URL(fileURLWithPath: file), to: URL(fileURLWithPath: path), replacing: force, knownMigrations: SQLiteSnapshot.knownMigrations,
                    inspect: SQLiteSnapshot.inspect(path:)
                ) { print($0) }
                print("Done: restored the backup of \(manifest.createdAt.formatted(.iso8601)) (\(BackupCommand.describe(manifest))) into \(path).")
            } catch let error as SnapshotError {
                throw Messages.Refusal("cannot restore \(file): \(error.description)")
            }
        }
    }
}
