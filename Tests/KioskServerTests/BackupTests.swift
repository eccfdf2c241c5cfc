import Foundation
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Logging
import Testing

@testable import KioskServer

/// Backups: a consistent copy taken while others write, restored only when every check passes.
@Suite("Backups")
struct BackupTests {
    let now = TestPublication.now

    /// A SQLite publication on disk in a new folder.
    func publicationOnDisk() async throws -> (folder: URL, path: String, store: SQLiteStore) {
        let (folder, path, store, _) = try await fixtureOnDisk()
        return (folder, path, store)
    }

    /// The same, with the test publication's fixture.
    func fixtureOnDisk() async throws -> (folder: URL, path: String, store: SQLiteStore, fixture: TestPublication) {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("kiosk.sqlite").path
        let store = try SQLiteStore.open(path: path)
        return (folder, path, store, try await TestPublication.make(in: store))
    }

    /// An article like the fixture's "vote-count" under a new slug.
    func article(_ slug: String, like fixture: TestPublication) throws -> ArticleContent {
        var content = try fixture.article("vote-count").content
        content.slug = try Slug(slug)
        return content
    }

    func backUp(_ path: String, to archive: URL, pagesPerStep: CInt = 1_024, progress: (Double) -> Void = { _ in }) throws -> BackupManifest {
        try BackupArchive.create(at: archive, kioskVersion: "test", now: now) { copy in
            try SQLiteSnapshot.take(from: path, to: copy, pagesPerStep: pagesPerStep, progress: progress)
        } progress: { _ in }
    }

    func restore(_ archive: URL, to path: URL, replacing: Bool = false) throws -> BackupManifest {
        try BackupArchive.restore(
            from: archive, to: path, replacing: replacing, knownMigrations: SQLiteSnapshot.knownMigrations, inspect: SQLiteSnapshot.inspect(path:)
        ) { _ in }
    }

    @Test("a backup holds every table and restores into an identical database")
    func roundTrip() async throws {
        let (folder, path, store) = try await publicationOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await store.addMedia(
            try NewMedia(fileName: "0123456789abcdef0123456789abcdef.png", contentType: "image/png", width: 1, height: 1, alt: "A dot"),
            bytes: [1, 2, 3, 4])
        var fractions: [Double] = []
        let archive = folder.appendingPathComponent("backup.tar")
        let manifest = try backUp(path, to: archive) { fractions.append($0) }
        #expect(fractions.last == 1)
        #expect(try await store.articleCount() == manifest.contents.rows["article"])
        #expect(manifest.contents == (try SQLiteSnapshot.inspect(path: path)), "the backup holds what the database holds")
        #expect(manifest.contents.migrations == SQLiteSnapshot.knownMigrations)
        let tables = Set(try await store.tableNames())
        #expect(tables.isSubset(of: Set(manifest.contents.rows.keys)))

        let restoredPath = folder.appendingPathComponent("restored/kiosk.sqlite")
        _ = try restore(archive, to: restoredPath)
        let restored = try SQLiteStore.open(path: restoredPath.path)
        #expect(try await restored.articleCount() == store.articleCount())
        #expect(try await restored.mediaBytes(fileName: "0123456789abcdef0123456789abcdef.png") == [1, 2, 3, 4])
        #expect(try SQLiteSnapshot.inspect(path: restoredPath.path) == manifest.contents)
    }

    @Test("a backup taken while another connection writes is the database as it was when the backup began")
    func consistentUnderWrites() async throws {
        let (folder, path, store, fixture) = try await fixtureOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await store.createPublishedArticles(try (0..<300).map { (try article("filler-\($0)", like: fixture), now) })
        let before = try await store.articleCount()
        let writer = try SQLiteStore.open(path: path)
        let during = try (0..<1_000).map { try article("during-\($0)", like: fixture) }
        let archive = folder.appendingPathComponent("backup.tar")
        let log = StepLog()
        // The copy runs on a thread of its own; between its steps, another connection commits an article.
        let manifest = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try backUp(path, to: archive, pagesPerStep: 4) { _ in
                        let done = DispatchSemaphore(value: 0)
                        let content = during[log.steps]
                        Task {
                            _ = try? await writer.createArticle(content, status: .published, publishedAt: now, now: now)
                            done.signal()
                        }
                        done.wait()
                        log.steps += 1
                    }
                })
            }
        }
        #expect(log.steps > 3, "the copy was taken in several steps")
        #expect(try await store.articleCount() == before + log.steps)
        #expect(manifest.contents.rows["article"] == before, "no write made during the copy is in it")
        let restoredPath = folder.appendingPathComponent("restored.sqlite")
        _ = try restore(archive, to: restoredPath)
        #expect(try SQLiteSnapshot.inspect(path: restoredPath.path).rows["article"] == before)
    }

    @Test("a damaged, cut or foreign backup is refused and nothing is written where the database goes")
    func damagedBackupsAreRefused() async throws {
        let (folder, path, _) = try await publicationOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("backup.tar")
        _ = try backUp(path, to: archive)
        let original = try [UInt8](Data(contentsOf: archive))
        let target = folder.appendingPathComponent("restored.sqlite")

        func refusal(_ bytes: [UInt8]) throws -> String {
            let damaged = folder.appendingPathComponent("damaged.tar")
            try Data(bytes).write(to: damaged)
            do {
                _ = try restore(damaged, to: target)
                Issue.record("a damaged backup was restored")
                return ""
            } catch let error as SnapshotError {
                #expect(!FileManager.default.fileExists(atPath: target.path))
                return error.description
            }
        }

        var flipped = original
        flipped[flipped.count - 2048] ^= 0xFF
        #expect(try refusal(flipped).contains("does not match its checksum"))
        #expect(try refusal(Array(original.prefix(original.count / 2))).contains("cut short"))
        #expect(try refusal([UInt8](repeating: 7, count: 4096)).contains("checksum is wrong"))
        #expect(try refusal([]).contains("cut short"))
        let foreign = TarWriter.header(name: "notes.txt", size: 0, modified: now) + [UInt8](repeating: 0, count: 1024)
        #expect(try refusal(foreign).contains("not a Kiosk backup"))
    }

    @Test("a backup from a newer schema and an existing database are refused unless told to replace it")
    func refusals() async throws {
        let (folder, path, _) = try await publicationOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("backup.tar")
        _ = try backUp(path, to: archive)
        #expect(throws: SnapshotError.self) { try backUp(path, to: archive) }

        let newer = #expect(throws: SnapshotError.self) {
            try BackupArchive.restore(
                from: archive, to: folder.appendingPathComponent("new.sqlite"), replacing: false, knownMigrations: Array(SQLiteSnapshot.knownMigrations.dropLast()),
                inspect: SQLiteSnapshot.inspect(path:)
            ) { _ in }
        }
        #expect(newer?.description.contains("whose schema this version does not know") == true)

        let existing = folder.appendingPathComponent("existing.sqlite")
        try Data("keep me".utf8).write(to: existing)
        let refused = #expect(throws: SnapshotError.self) { try restore(archive, to: existing) }
        #expect(refused?.description.contains("--force") == true)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
        _ = try restore(archive, to: existing, replacing: true)
        #expect(try SQLiteSnapshot.inspect(path: existing.path).rows["article"] != nil)
    }

    @Test("tar headers carry sizes beyond 8 GiB and are read back")
    func largeSizes() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("header")
        for size: UInt64 in [0, 511, 512, (1 << 33) - 1, 1 << 33, 20 << 30] {
            try Data(TarWriter.header(name: "kiosk.sqlite", size: size, modified: now)).write(to: file)
            let entry = try TarReader(input: try FileHandle(forReadingFrom: file)).next()
            #expect(entry?.size == size)
            #expect(entry?.name == "kiosk.sqlite")
        }
    }

    @Test("scheduled backups are taken when due and only the newest are kept")
    func schedule() async throws {
        let (folder, path, _) = try await publicationOnDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backups = folder.appendingPathComponent("backups")
        let service = ScheduledBackups(folder: backups, keep: 2, interval: 3600, logger: Logger(label: "test")) { archive in
            try BackupArchive.create(at: archive, kioskVersion: "test", now: Date()) { try SQLiteSnapshot.take(from: path, to: $0) { _ in } } progress: { _ in }
        }
        let first = try await service.backUpIfDue(now: now)
        #expect(first != nil)
        #expect(try await service.backUpIfDue(now: now.addingTimeInterval(1800)) == nil, "not due yet")
        for hour in 1...3 {
            #expect(try await service.backUpIfDue(now: now.addingTimeInterval(Double(hour) * 3600)) != nil)
        }
        let kept = try service.backups().map(\.lastPathComponent)
        #expect(kept.count == 2)
        #expect(kept.last == ScheduledBackups.archiveName(for: now.addingTimeInterval(3 * 3600)))
    }
}

/// Counts the steps of a copy; touched only by the thread that copies.
private final class StepLog: @unchecked Sendable {
    var steps = 0
}
