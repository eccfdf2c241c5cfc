import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskStore
import Synchronization

/// Files whose bytes live in the store while this node's folder keeps copies: a file not in the
/// folder yet (stored through another node, or a node that starts empty) is read from the store
/// once, written to the folder, and served from there from then on.
///
/// A file is served only while the store has it, checked once per content generation: a file
/// deleted through any node stops being served by every node within a second, and leaves their
/// folders when next asked for. Its `ETag` is its name (a hash of what it is made from), the same on every node.
struct StoredFiles: Sendable {
    let folder: StaticFiles
    let directory: String
    let changes: ChangeFeed
    let recorded = RecordedNames()
    /// Whether the store holds the file named so.
    let isStored: @Sendable (String) async throws -> Bool
    /// The bytes the store holds for the file named so.
    let storedBytes: @Sendable (String) async throws -> [UInt8]?

    /// The file named `name`, from the folder or, the first time, from the store.
    func response(for name: String, request: Request, context: some RequestContext, cacheControl: String? = nil) async throws -> Response {
        guard StaticFiles.contentType(forSafeName: name) != nil else { throw HTTPError(.notFound) }
        let generation = changes.generation
        if !recorded.contains(name, generation: generation) {
            guard try await isStored(name) else {
                try await MediaFolder.remove(name, from: directory)
                throw HTTPError(.notFound)
            }
            recorded.insert(name, generation: generation)
        }
        let etag = "\"\(name)\""
        do {
            return try await folder.response(for: name, request: request, context: context, etag: etag, cacheControl: cacheControl)
        } catch let error as HTTPError where error.status == .notFound {
            guard let bytes = try await storedBytes(name) else { throw error }
            try await MediaFolder.keep(bytes, as: name, in: directory)
            return try await folder.response(for: name, request: request, context: context, etag: etag, cacheControl: cacheControl)
        }
    }
}

extension StoredFiles {
    /// The originals of the images in `store`, from this node's copies in `directory`: for the
    /// newsroom only, so never kept by shared caches.
    static func originals(of store: some PublicationStore, in directory: String) -> StoredFiles {
        StoredFiles(
            folder: StaticFiles(directory: directory, cacheControl: "private, no-store"), directory: directory, changes: store.changes,
            isStored: { try await store.media(fileName: $0) != nil }, storedBytes: { try await store.mediaBytes(fileName: $0) })
    }
}

/// The media names found in the store during one content generation; a new generation forgets them.
final class RecordedNames: Sendable {
    private let state = Mutex((generation: UInt64(0), names: Set<String>()))

    /// Whether `name` was found during `generation`.
    func contains(_ name: String, generation: UInt64) -> Bool {
        state.withLock { $0.generation == generation && $0.names.contains(name) }
    }

    /// Notes that `name` was found during `generation`.
    func insert(_ name: String, generation: UInt64) {
        state.withLock { state in
            if state.generation != generation { state = (generation, []) }
            state.names.insert(name)
        }
    }
}

/// The public addresses of images. Readers are served renditions only (`/media/r/NAME`: resized,
/// in sRGB, without metadata); an original's address (`/media/NAME`, in pages and emails sent
/// before renditions, and in pages rendered before an image's renditions were made) answers 301 to
/// its largest rendition, after waiting briefly for it to be made. The newsroom has the originals
/// at `/admin/media/file/NAME`, behind sign-in.
struct MediaRoutes<Store: PublicationStore>: Sendable {
    /// How long a reader's request for an original waits for its renditions before a 503.
    static var wait: Duration { .seconds(10) }
    /// How often the waiting request looks again.
    static var poll: Duration { .milliseconds(250) }
    /// How many requests may wait at once; more get a 503 straight away.
    static var maximumWaiting: Int { 32 }

    let store: Store
    let directory: String
    let renditions: StoredFiles
    let queue: RenditionQueue
    /// How many requests are waiting for renditions now.
    let waiting = WaitingRequests()

    /// Serves the renditions in `store`, keeping copies in `directory`'s `r` folder.
    init(store: Store, directory: String, queue: RenditionQueue) {
        self.store = store
        self.directory = directory
        self.queue = queue
        let renditionFolder = directory + "/r"
        renditions = StoredFiles(
            folder: StaticFiles(directory: renditionFolder, cacheControl: "public, max-age=31536000, immutable"), directory: renditionFolder,
            changes: store.changes, isStored: { try await store.hasRendition(named: $0) },
            storedBytes: { try await store.rendition(named: $0)?.bytes })
    }

    /// Adds `/media/r/NAME` and `/media/NAME`.
    func addRoutes(to router: Router<KioskRequestContext>) {
        router.get("/media/r/:file") { request, context in
            try await renditions.response(for: context.parameters.get("file") ?? "", request: request, context: context)
        }
        router.get("/media/:file") { request, context in
            let name = context.parameters.get("file") ?? ""
            guard StaticFiles.contentType(forSafeName: name) != nil else { throw HTTPError(.notFound) }
            guard let image = try await store.media(fileName: name) else {
                try await MediaFolder.remove(name, from: directory)
                throw HTTPError(.notFound)
            }
            return try await publicAddress(of: image)
        }
    }

    /// Where a reader asking for `image`'s original goes: its largest rendition, once made.
    private func publicAddress(of image: Media) async throws -> Response {
        guard image.renditionsFailure == nil, let plan = image.madeRenditions ?? image.renditionsWanted.flatMap(image.plan(keyed:)) else {
            throw HTTPError(.notFound, message: "This image is not prepared for the site.")
        }
        if image.madeRenditions == nil {
            queue.wake(first: image.id)
            guard try await waitFor(plan.largest) else {
                return Response(
                    status: .serviceUnavailable, headers: [.retryAfter: "10", .contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(string: "This image is being prepared; try again in a few seconds.")))
            }
        }
        return Response(status: .movedPermanently, headers: [.location: plan.largest.path, .cacheControl: "public, max-age=86400"])
    }

    /// Whether `rendition` is stored within `wait`; `false` at once when too many requests wait already.
    private func waitFor(_ rendition: Rendition) async throws -> Bool {
        guard waiting.enter(limit: Self.maximumWaiting) else { return try await store.hasRendition(named: rendition.name) }
        defer { waiting.leave() }
        let deadline = ContinuousClock.now + Self.wait
        while ContinuousClock.now < deadline {
            if try await store.hasRendition(named: rendition.name) { return true }
            try await Task.sleep(for: Self.poll)
        }
        return false
    }
}

/// A count of requests waiting for something, kept under a limit.
final class WaitingRequests: Sendable {
    private let count = Mutex(0)

    /// Counts one more waiting request, unless `limit` are waiting already; whether it may wait.
    func enter(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Counts one request fewer.
    func leave() {
        count.withLock { $0 -= 1 }
    }
}
