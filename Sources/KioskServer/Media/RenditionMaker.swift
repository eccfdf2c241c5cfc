import Foundation
import KioskCore
import KioskImaging
import KioskStore
import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Images a reader is waiting for, which this node's maker takes before the others, and the
/// signal that wakes the maker when there is new work.
public final class RenditionQueue: Sendable {
    private let waiting = Mutex<[Media.ID]>([])
    private let signal: AsyncStream<Void>.Continuation
    /// Yields whenever there may be new work.
    let wakes: AsyncStream<Void>

    /// An empty queue.
    public init() {
        (wakes, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Wakes the maker, with `image` to be made first when a reader waits for it.
    func wake(first image: Media.ID? = nil) {
        if let image {
            waiting.withLock { list in
                if !list.contains(image) { list = Array((list + [image]).suffix(64)) }
            }
        }
        signal.yield()
    }

    /// The image a reader has waited for longest, if any.
    var first: Media.ID? { waiting.withLock { $0.first } }

    /// Forgets `image`: its renditions are made, or cannot be.
    func done(_ image: Media.ID) {
        waiting.withLock { $0.removeAll { $0 == image } }
    }
}

/// Makes the renditions of images in the background, one image at a time, on NIO's thread pool.
/// Every node runs one; each image is claimed by one node, whose claim is renewed with every file
/// it stores. A node that stops loses its claim, and another node (or the same one restarted)
/// makes the files still missing.
public struct RenditionMaker<Store: PublicationStore>: Service {
    /// How long a claim lasts without being renewed.
    public static var lease: TimeInterval { 120 }
    /// How often the node looks for work when nothing wakes it.
    static var interval: Duration { .seconds(5) }
    /// The one thread images are resized on, so that resizing never delays the file reads of pages being served.
    static var thread: NIOThreadPool { dedicatedThread }

    let store: Store
    let queue: RenditionQueue
    let node: String
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates the maker of node `node`.
    public init(store: Store, queue: RenditionQueue, node: String, logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.queue = queue
        self.node = node
        self.logger = logger
        self.now = now
    }

    /// Runs until graceful shutdown: makes renditions whenever woken, and every `interval` anyway
    /// (for work asked for through other nodes, or left by a node that stopped).
    public func run() async throws {
        _ = Self.thread
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { [queue] in
                    while (try? await Task.sleep(for: Self.interval)) != nil { queue.wake() }
                }
                for await _ in queue.wakes {
                    while await makeNext() {}
                }
                group.cancelAll()
            }
        }
    }

    /// Claims one image with renditions to make and makes them; `false` when there was none.
    @discardableResult
    public func makeNext() async -> Bool {
        let image: Media
        do {
            guard let claimed = try await store.claimRenditionWork(node: node, now: now(), until: renewal, preferring: queue.first) else { return false }
            image = claimed
        } catch {
            logger.error("Could not look for images to resize", metadata: ["error": "\(String(reflecting: error))"])
            return false
        }
        defer { queue.done(image.id) }
        do {
            guard let wanted = image.renditionsWanted, let plan = image.plan(keyed: wanted) else {
                // Asked for under an earlier recipe: this one replaces it.
                _ = try await store.requestRenditions(image.id, focus: image.focus, key: RenditionPlan(media: image, avif: Imaging.canEncodeAVIF).key)
                return true
            }
            do {
                guard plan.sizes[.avif] == nil || Imaging.canEncodeAVIF else {
                    throw ImagingError(description: "AVIF copies were asked for, and this server's libvips cannot write AVIF.")
                }
                try await make(plan, of: image)
            } catch let error as ImagingError {
                // The image itself cannot be made into renditions: recorded, not tried again until asked for again.
                logger.error("Could not resize an image", metadata: ["media": "\(image.id)", "error": "\(error.description)"])
                try await store.failRenditions(image.id, key: plan.key, failure: error.description, node: node)
            }
        } catch is CancellationError {
            logger.notice("Stopped resizing an image; it is finished later", metadata: ["media": "\(image.id)"])
        } catch {
            // A passing failure (the database, most likely): the claim runs out and the image is tried again.
            logger.error("Resizing an image was interrupted", metadata: ["media": "\(image.id)", "error": "\(String(reflecting: error))"])
        }
        return true
    }

    /// Makes the files of `plan` that `image` does not have yet, then records the plan as made.
    private func make(_ plan: RenditionPlan, of image: Media) async throws {
        guard let original = try await store.mediaBytes(fileName: image.fileName) else {
            throw ImagingError(description: "The original file is not in the database.")
        }
        let started = ContinuousClock.now
        let made = try await store.renditionNames(of: image.id)
        for rendition in plan.all where !made.contains(rendition.name) {
            try Task.checkCancellation()
            let bytes = try await Self.thread.runIfActive { try Imaging.render(original, as: rendition, focus: image.focus) }
            guard try await store.addRendition(rendition, of: image.id, bytes: bytes, node: node, until: renewal) else {
                logger.warning("Another node took over resizing an image", metadata: ["media": "\(image.id)"])
                return
            }
        }
        try await store.finishRenditions(image.id, key: plan.key, keeping: Set(plan.all.map(\.name)), node: node)
        logger.info(
            "Resized an image", metadata: ["media": "\(image.id)", "files": "\(plan.all.count)", "seconds": "\(started.duration(to: .now).components.seconds)"])
    }

    /// Until when a claim taken or renewed now lasts.
    private var renewal: Date { now().addingTimeInterval(Self.lease) }
}

/// The thread `RenditionMaker` resizes images on, started when first used, at the lowest
/// scheduling priority: resizing takes only the processor time serving pages leaves. libvips is
/// started on it, so that the worker threads libvips makes inherit that priority (Linux gives a
/// new thread its creator's).
private let dedicatedThread: NIOThreadPool = {
    let pool = NIOThreadPool(numberOfThreads: 1)
    pool.start()
    pool.submit { _ in
        Imaging.lowerThisThreadPriority()
        _ = Imaging.canEncodeAVIF
    }
    return pool
}()

/// Images whose renditions are missing or out of date, asked for in bulk: by every node as it
/// starts (images stored before Kiosk made renditions) and by `kiosk media rebuild`.
public enum RenditionBacklog {
    /// Asks for the renditions of every image that never had them asked for; returns how many.
    public static func askForUnasked(in store: some PublicationStore) async throws -> Int {
        var asked = 0
        while true {
            let batch = try await store.mediaWithoutRenditions(limit: 500)
            for image in batch {
                _ = try await store.requestRenditions(image.id, focus: image.focus, key: RenditionPlan(media: image, avif: Imaging.canEncodeAVIF).key)
            }
            asked += batch.count
            if batch.count < 500 { return asked }
        }
    }

    /// Asks again for the renditions of every image planned under an earlier recipe (and, with
    /// `retryingFailures`, of every image whose renditions failed); returns how many.
    public static func askForOutdated(in store: some PublicationStore, retryingFailures: Bool) async throws -> Int {
        var asked = 0
        for image in try await allMedia(in: store) {
            let current = image.renditionsWanted.flatMap(image.plan(keyed:)) != nil
            guard !current || (retryingFailures && image.renditionsFailure != nil) else { continue }
            _ = try await store.requestRenditions(image.id, focus: image.focus, key: RenditionPlan(media: image, avif: Imaging.canEncodeAVIF).key)
            asked += 1
        }
        return asked
    }

    /// Every image record, read 500 at a time.
    private static func allMedia(in store: some PublicationStore) async throws -> [Media] {
        var images: [Media] = []
        var number = 1
        while let page = PageRequest(number: number, size: 500) {
            let items = try await store.mediaLibrary(search: "", page: page).items
            images += items.map(\.media)
            if items.count < 500 { break }
            number += 1
        }
        return images
    }

    /// How many images have renditions asked for and not yet made, and the images whose renditions failed.
    public static func state(in store: some PublicationStore) async throws -> (waiting: Int, failed: [Media]) {
        let images = try await allMedia(in: store)
        let waiting = images.filter { $0.renditionsWanted != nil && $0.renditionsWanted != $0.renditionsMade && $0.renditionsFailure == nil }
        return (waiting.count, images.filter { $0.renditionsFailure != nil })
    }

    /// Asks for every missing or outdated rendition and makes them all now on this process, as
    /// node `node`, reporting each image to `progress`; returns how many images were made and the
    /// images whose renditions failed.
    public static func makeAll<Store: PublicationStore>(
        in store: Store, node: String, logger: Logger, progress: (_ done: Int, _ total: Int) -> Void
    ) async throws -> (made: Int, failed: [Media]) {
        _ = try await askForUnasked(in: store) + askForOutdated(in: store, retryingFailures: true)
        let total = try await state(in: store).waiting
        let maker = RenditionMaker(store: store, queue: RenditionQueue(), node: node, logger: logger)
        var made = 0
        while await maker.makeNext() {
            made += 1
            progress(made, total)
        }
        return (made, try await state(in: store).failed)
    }
}
