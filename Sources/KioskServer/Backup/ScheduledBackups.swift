import Foundation
import KioskStore
import Logging
import NIOPosix
import ServiceLifecycle

/// Takes a backup into a folder whenever the newest one there is older than the interval, and
/// keeps only the newest few. The folder itself is the schedule: a restart, or a second process on
/// the same database, sees the backups already made and takes none early; a lock file in the
/// folder lets only one process write at a time.
public struct ScheduledBackups: Service {
    /// How often the folder is looked at.
    static let checkEvery: Duration = .seconds(60)

    let folder: URL
    let keep: Int
    let interval: TimeInterval
    let logger: Logger
    let take: @Sendable (_ archive: URL) throws -> BackupManifest

    /// Creates the service: `take` writes a backup to the archive it is given (on a thread of its own).
    public init(folder: URL, keep: Int, interval: TimeInterval, logger: Logger, take: @escaping @Sendable (_ archive: URL) throws -> BackupManifest) {
        self.folder = folder
        self.keep = keep
        self.interval = interval
        self.logger = logger
        self.take = take
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                _ = try await backUpIfDue(now: Date())
            } catch {
                logger.error("Scheduled backup failed; trying again later", metadata: ["folder": "\(folder.path)", "error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.checkEvery) }
        }
    }

    /// Takes a backup if the newest in the folder is older than the interval (or there is none),
    /// then removes all but the newest `keep`; returns the new backup, if one was taken.
    public func backUpIfDue(now: Date) async throws -> URL? {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let newest = try backups().last, let made = Self.date(of: newest), now.timeIntervalSince(made) < interval { return nil }
        let archive = folder.appendingPathComponent(Self.archiveName(for: now))
        let take = self.take
        let lock = folder.appendingPathComponent(".lock").path
        let manifest: BackupManifest? = try await NIOThreadPool.singleton.runIfActive {
            try Self.holdingLock(at: lock) { FileManager.default.fileExists(atPath: archive.path) ? nil : try take(archive) }
        }
        guard let manifest else { return nil }
        logger.notice("Backup taken", metadata: ["file": "\(archive.path)", "bytes": "\(manifest.database.bytes)"])
        for old in try backups().dropLast(keep) {
            try FileManager.default.removeItem(at: old)
            logger.info("Old backup removed", metadata: ["file": "\(old.path)"])
        }
        return archive
    }

    /// The finished backups in the folder, oldest first.
    func backups() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { Self.date(of: $0) != nil }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The file name of a backup made at `date`: names sort in the order backups were made.
    static func archiveName(for date: Date) -> String {
        "kiosk-backup-\(stamp.string(from: date)).tar"
    }

    /// When the backup named `url` was made, read from its name; `nil` for other files.
    static func date(of url: URL) -> Date? {
        let name = url.lastPathComponent
        guard name.hasPrefix("kiosk-backup-"), name.hasSuffix(".tar") else { return nil }
        return stamp.date(from: String(name.dropFirst("kiosk-backup-".count).dropLast(".tar".count)))
    }

    /// Runs `work` while holding an exclusive lock on the file at `path`; `nil` if another process holds it.
    private static func holdingLock<T>(at path: String, _ work: () throws -> T?) throws -> T? {
        let descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { throw SnapshotError("cannot open the lock file \(path); check that kiosk may write in the backup folder.") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return nil }
        defer { flock(descriptor, LOCK_UN) }
        return try work()
    }

    private static var stamp: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }
}
