import Crypto
import Foundation
import KioskStore

/// What a backup says about itself: written first in the archive, checked before anything is restored.
public struct BackupManifest: Codable, Sendable {
    /// Names the kind of file, so other tar files are told apart.
    public static let kind = "kiosk-backup"
    /// The layout of backups this version writes and reads.
    public static let currentLayout = 1

    /// Always `kiosk-backup`.
    public let kind: String
    /// The layout of the archive.
    public let layout: Int
    /// The version of Kiosk that made it.
    public let kioskVersion: String
    /// When the copy of the database was begun.
    public let createdAt: Date
    /// The database engine the copy is for.
    public let engine: String
    /// The database file in the archive, with its size and checksum.
    public let database: ArchivedFile
    /// What the database holds: its migrations and the rows in each table (media bytes included).
    public let contents: SnapshotSummary
}

/// A file inside a backup, with its size and SHA-256 checksum.
public struct ArchivedFile: Codable, Sendable {
    /// Its name in the archive.
    public let name: String
    /// Its size in bytes.
    public let bytes: UInt64
    /// Its SHA-256, in hex.
    public let sha256: String
}

/// Kiosk's backups: one tar file holding `manifest.json` and then `kiosk.sqlite`, a consistent copy
/// of the whole publication (articles, revisions, accounts, subscribers, settings and the bytes of
/// every media file, which the database keeps).
public enum BackupArchive {
    static let manifestName = "manifest.json"
    static let databaseName = "kiosk.sqlite"
    /// The largest manifest read back; a real one is a few kilobytes.
    static let manifestLimit = 1 << 20

    /// Makes a backup at `archive`, which must not exist: `snapshot` copies the database into the
    /// file it is given and says what the copy holds. The archive appears only once it is whole.
    public static func create(
        at archive: URL, kioskVersion: String, now: Date, snapshot: (_ databaseFile: String) throws -> SnapshotSummary,
        progress: (String) -> Void
    ) throws -> BackupManifest {
        guard !FileManager.default.fileExists(atPath: archive.path) else {
            throw SnapshotError("\(archive.path) already exists; choose a new file for the backup.")
        }
        let copy = archive.path + ".database-partial"
        let partial = archive.path + ".partial"
        try? FileManager.default.removeItem(atPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        defer { try? FileManager.default.removeItem(atPath: partial) }
        let contents = try snapshot(copy)
        let database = try checksum(of: URL(fileURLWithPath: copy))
        let manifest = BackupManifest(
            kind: BackupManifest.kind, layout: BackupManifest.currentLayout, kioskVersion: kioskVersion, createdAt: now, engine: "sqlite",
            database: database, contents: contents)
        progress("Writing \(archive.path)")
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw SnapshotError("cannot write \(partial): check that the folder exists and kiosk may write there.")
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
        defer { try? output.close() }
        let tar = TarWriter(output: output)
        try tar.add(name: manifestName, bytes: try encoder.encode(manifest).map { $0 }, modified: now)
        var hash = SHA256()
        try tar.add(name: databaseName, copying: URL(fileURLWithPath: copy), size: database.bytes, modified: now) { hash.update(data: $0) }
        guard hex(hash.finalize()) == database.sha256 else { throw SnapshotError("the copy of the database changed while it was archived.") }
        try tar.finish()
        try output.synchronize()
        guard rename(partial, archive.path) == 0 else { throw SnapshotError("cannot move the finished backup to \(archive.path).") }
        return manifest
    }

    /// Restores the backup at `archive` into a new SQLite file at `database` and returns its
    /// manifest. Nothing is written where `database` is unless every check passes: the manifest,
    /// the migrations this version knows, the checksum, SQLite's integrity check (`inspect`) and
    /// the rows in every table. An existing file is replaced only when `replacing` is set.
    public static func restore(
        from archive: URL, to database: URL, replacing: Bool, knownMigrations: [String],
        inspect: (_ databaseFile: String) throws -> SnapshotSummary, progress: (String) -> Void
    ) throws -> BackupManifest {
        if !replacing, FileManager.default.fileExists(atPath: database.path) {
            throw SnapshotError("\(database.path) already exists; restore into a new path, or add --force to replace it (stop kiosk first).")
        }
        guard let input = FileHandle(forReadingAtPath: archive.path) else { throw SnapshotError("cannot read \(archive.path).") }
        defer { try? input.close() }
        let tar = TarReader(input: input)
        let manifest = try readManifest(tar, knownMigrations: knownMigrations)
        guard let entry = try tar.next(), entry.name == databaseName, entry.size == manifest.database.bytes else {
            throw SnapshotError("the database is missing from the backup, or has another size than its manifest says.")
        }
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        let restoring = database.path + ".restoring"
        try? FileManager.default.removeItem(atPath: restoring)
        defer { try? FileManager.default.removeItem(atPath: restoring) }
        guard FileManager.default.createFile(atPath: restoring, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw SnapshotError("cannot write \(restoring): check that kiosk may write in that folder.")
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: restoring))
        var hash = SHA256()
        var written: UInt64 = 0
        var shown = 0
        progress("Restoring the database from \(archive.path)")
        try tar.stream(entry) { chunk in
            try output.write(contentsOf: chunk)
            hash.update(data: chunk)
            written += UInt64(chunk.count)
            let percent = Int(written * 100 / max(entry.size, 1))
            if percent >= shown + 10 {
                shown = percent - percent % 10
                progress("  \(shown)%")
            }
        }
        try output.synchronize()
        try output.close()
        guard hex(hash.finalize()) == manifest.database.sha256 else {
            throw SnapshotError("the database in \(archive.path) does not match its checksum: the backup is damaged.")
        }
        progress("Checking the restored database")
        let found = try inspect(restoring)
        if let difference = difference(expected: manifest.contents, found: found) {
            throw SnapshotError("the restored database does not hold what the backup recorded: \(difference).")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        guard rename(restoring, database.path) == 0 else { throw SnapshotError("cannot move the restored database to \(database.path).") }
        return manifest
    }

    private static func readManifest(_ tar: TarReader, knownMigrations: [String]) throws -> BackupManifest {
        guard let entry = try tar.next(), entry.name == manifestName else {
            throw SnapshotError("it is not a Kiosk backup: it does not begin with \(manifestName).")
        }
        let manifest: BackupManifest
        do {
            manifest = try decoder.decode(BackupManifest.self, from: Data(try tar.contents(of: entry, limit: manifestLimit)))
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError("it is not a Kiosk backup: its manifest cannot be read.")
        }
        guard manifest.kind == BackupManifest.kind, manifest.engine == "sqlite" else {
            throw SnapshotError("it is not a Kiosk backup of a SQLite database.")
        }
        guard manifest.layout <= BackupManifest.currentLayout else {
            throw SnapshotError("it was made by Kiosk \(manifest.kioskVersion) in a newer layout; restore it with that version or a later one.")
        }
        let unknown = manifest.contents.migrations.filter { !knownMigrations.contains($0) }
        guard unknown.isEmpty else {
            throw SnapshotError("it was made by Kiosk \(manifest.kioskVersion), whose schema this version does not know (\(unknown.joined(separator: ", "))); restore it with that version or a later one.")
        }
        return manifest
    }

    /// What differs between the recorded and the found contents, in words, or `nil`.
    static func difference(expected: SnapshotSummary, found: SnapshotSummary) -> String? {
        if expected.migrations != found.migrations { return "its migrations differ" }
        for (table, rows) in expected.rows.sorted(by: { $0.key < $1.key }) where found.rows[table] != rows {
            return "\(found.rows[table] ?? 0) rows in \(table) where the backup recorded \(rows)"
        }
        let extra = Set(found.rows.keys).subtracting(expected.rows.keys)
        return extra.isEmpty ? nil : "tables the backup did not record: \(extra.sorted().joined(separator: ", "))"
    }

    /// The size and SHA-256 of the file at `url`, read in chunks.
    static func checksum(of url: URL) throws -> ArchivedFile {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        var hash = SHA256()
        var bytes: UInt64 = 0
        while let data = try input.read(upToCount: 1 << 20), !data.isEmpty {
            hash.update(data: data)
            bytes += UInt64(data.count)
        }
        return ArchivedFile(name: databaseName, bytes: bytes, sha256: hex(hash.finalize()))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
