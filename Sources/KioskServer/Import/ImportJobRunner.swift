import Foundation
import KioskCore
import KioskStore
import Logging
import ServiceLifecycle
import Synchronization

/// Runs the archive imports asked for in the newsroom. Every node runs one of these; each job is
/// claimed by one node, which copies its file out of the database, imports it and reports its
/// progress every two seconds, renewing its lease. A node that stops loses the lease, and another
/// node (or the same one restarted) claims the job and continues where it stopped: the import
/// ledger makes every item come in once however often an import starts.
public struct ImportJobRunner<Store: PublicationStore>: Service {
    /// How long a claim lasts without being renewed.
    public static var lease: TimeInterval { 60 }
    /// How often the node looks for a job and reports progress.
    static var interval: Duration { .seconds(2) }

    let store: Store
    let media: MediaLibrary<Store>
    let node: String
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates the runner of node `node`, storing images through `media`.
    public init(store: Store, media: MediaLibrary<Store>, node: String, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.media = media
        self.node = node
        self.logger = logger
        self.now = now
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if await runNext() { continue }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
        }
    }

    /// Claims one waiting job and runs it to its end; `false` when there was none.
    @discardableResult
    public func runNext() async -> Bool {
        let job: ImportJob
        do {
            guard let claimed = try await store.claimImportJob(node: node, now: now(), leaseUntil: now().addingTimeInterval(Self.lease)) else { return false }
            job = claimed
        } catch {
            logger.error("Could not look for import jobs", metadata: ["error": "\(String(reflecting: error))"])
            return false
        }
        logger.notice("Importing an archive asked for in the newsroom", metadata: ["job": "\(job.id)", "platform": "\(job.platform.rawValue)"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-import-\(job.id)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let file = try await copyFile(of: job, into: folder)
            let report = try await importing(job, file: file)
            try await store.finishImportJob(job.id, status: .finished, report: String(decoding: try JSONEncoder().encode(report), as: UTF8.self), now: now())
            logger.notice("Archive import finished", metadata: ["job": "\(job.id)", "imported": "\(report.imported)"])
        } catch is CancellationError {
            logger.warning("Archive import stopped; another node or a restart continues it", metadata: ["job": "\(job.id)"])
        } catch {
            let message = (error as? ImportError)?.description ?? (error as? any CustomStringConvertible)?.description ?? "\(error)"
            logger.error("Archive import failed", metadata: ["job": "\(job.id)", "error": "\(String(reflecting: error))"])
            try? await store.finishImportJob(job.id, status: .failed, report: message, now: now())
        }
        return true
    }

    /// Writes the job's file from its parts in the database into `folder`.
    private func copyFile(of job: ImportJob, into folder: URL) async throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = job.fileName.split(separator: "/").last.map(String.init).flatMap { $0.hasPrefix(".") ? nil : $0 } ?? "upload"
        let file = folder.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw ImportError("the uploaded file cannot be written to \(folder.path).") }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var number = 0
        while let part = try await store.importJobPart(job.id, number: number) {
            try handle.write(contentsOf: part)
            number += 1
        }
        return file
    }

    /// Runs the import beside a task that reports its progress and renews the lease, stopping it when the lease is lost.
    private func importing(_ job: ImportJob, file: URL) async throws -> ArchiveImportReport {
        let latest = LatestLine()
        let progress: @Sendable (String) -> Void = { line in latest.line.withLock { $0 = line } }
        return try await withThrowingTaskGroup(of: ArchiveImportReport?.self) { group in
            group.addTask { try await ArchiveImport.run(job.platform, file: file, store: store, media: media, now: now, progress: progress) }
            group.addTask {
                while true {
                    try await Task.sleep(for: Self.interval)
                    let line = latest.line.withLock { $0 }
                    guard try await store.reportImportProgress(job.id, node: node, progress: line, leaseUntil: now().addingTimeInterval(Self.lease)) else {
                        throw CancellationError()
                    }
                }
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let report = result { return report }
            }
            throw CancellationError()
        }
    }
}

/// The last progress line of an import, shared with the task that reports it.
private final class LatestLine: Sendable {
    let line = Mutex("Starting")
}

/// The archive imports by platform, for the command line and the newsroom alike.
public enum ArchiveImport {
    /// Imports `file` from `platform` into `store`; for Substack, `file` is the export's folder or the zip file Substack sends.
    public static func run<Store: PublicationStore>(
        _ platform: ImportPlatform, file: URL, images: ArchiveImages? = nil, members: String? = nil, author: String? = nil, store: Store,
        media: MediaLibrary<Store>, now: @escaping @Sendable () -> Date, progress: @escaping (String) -> Void
    ) async throws -> ArchiveImportReport {
        switch platform {
        case .wordpress:
            return try await WordPressImporter(store: store, media: media, uploads: images, now: now, progress: progress)
                .run(path: file.path)
        case .ghost:
            return try await GhostImporter(store: store, media: media, images: images, now: now, progress: progress)
                .run(path: file.path, members: members)
        case .substack:
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
                return try await SubstackImporter(
                    store: store, media: media, folder: file.path, now: now, progress: progress
                ).run(author: author)
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-substack-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            progress("Unpacking \(file.lastPathComponent)")
            _ = try ZipArchive.extract(file, into: folder, maximumBytes: unpackedLimit)
            return try await SubstackImporter(
                store: store, media: media, folder: exportRoot(in: folder).path, now: now, progress: progress
            ).run(author: author)
        }
    }

    /// The most a Substack zip may unpack to.
    static let unpackedLimit = 8 << 30

    /// The folder holding `posts.csv`: the unpacked folder itself, or the one folder inside it.
    private static func exportRoot(in folder: URL) -> URL {
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard !inside.contains("posts.csv"), inside.count == 1 else { return folder }
        return folder.appendingPathComponent(inside[0])
    }
}
