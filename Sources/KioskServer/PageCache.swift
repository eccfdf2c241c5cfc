import Foundation
import Hummingbird
import Synchronization

/// Rendered pages kept in memory as bytes ready to write, with a gzip copy made once.
///
/// Every entry remembers the store's content generation it was rendered at; a lookup with a newer
/// generation misses, so a change to any content makes every older page stale at once, and the
/// first insert of the new generation drops the stale entries. Memory is bounded by `capacity`:
/// past it, the least recently used pages are evicted.
public final class PageCache: Sendable {
    /// The most bytes of pages kept; 0 turns the cache off.
    public let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
        var generation: UInt64 = 0
    }

    private struct Entry {
        let page: CachedPage
        var lastUsed: UInt64
    }

    /// Creates a cache holding at most `capacity` bytes of pages.
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Whether pages are kept at all.
    public var isEnabled: Bool { capacity > 0 }

    /// The page cached under `key` if it was rendered at `generation`.
    func page(for key: String, generation: UInt64) -> CachedPage? {
        guard isEnabled else { return nil }
        let found: CachedPage? = state.withLock { state in
            guard var entry = state.entries[key], entry.page.generation == generation else { return nil }
            state.clock += 1
            entry.lastUsed = state.clock
            state.entries[key] = entry
            return entry.page
        }
        ServerMetrics.pageCache(hit: found != nil)
        return found
    }

    /// Keeps `page` under `key`, unless it is already stale or too large to be worth a slot.
    func insert(_ page: CachedPage, for key: String) {
        guard isEnabled, page.size <= capacity / 4 else { return }
        state.withLock { state in
            if page.generation > state.generation {
                state.entries = state.entries.filter { $0.value.page.generation >= page.generation }
                state.bytes = state.entries.values.reduce(0) { $0 + $1.page.size }
                state.generation = page.generation
            } else if page.generation < state.generation {
                return
            }
            state.bytes -= state.entries[key]?.page.size ?? 0
            state.clock += 1
            state.entries[key] = Entry(page: page, lastUsed: state.clock)
            state.bytes += page.size
            if state.bytes > capacity {
                Self.evict(&state, downTo: capacity * 3 / 4)
            }
        }
    }

    /// How many pages and bytes the cache holds now.
    public var usage: (pages: Int, bytes: Int) {
        state.withLock { ($0.entries.count, $0.bytes) }
    }

    private static func evict(_ state: inout State, downTo target: Int) {
        for (key, entry) in state.entries.sorted(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            guard state.bytes > target else { return }
            state.entries[key] = nil
            state.bytes -= entry.page.size
            ServerMetrics.pageEvicted()
        }
    }
}

/// One rendered page (or feed, or sitemap): its bytes, a gzip copy, the validators conditional requests compare, and the
/// response headers of each answer, built once so a cache hit only picks them.
struct CachedPage: Sendable {
    /// The store's content generation the page was rendered at.
    let generation: UInt64
    let body: ByteBuffer
    let gzipped: ByteBuffer?
    /// A strong validator derived from the bytes, so an unchanged page keeps its ETag across generations.
    let etag: String
    /// Headers of a 304 answer.
    let notModifiedHeaders: HTTPFields
    /// Headers of the page sent as it is.
    let identityHeaders: HTTPFields
    /// Headers of the page sent gzipped.
    let gzipHeaders: HTTPFields

    /// Bytes held in memory, counting a small allowance for the entry itself.
    var size: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) + 1024 }

    /// Prepares `text` for sending as `contentType`; the gzip copy is made only when `compress` is set.
    init(text: String, contentType: String, generation: UInt64, renderedAt: Date, compress: Bool, cacheControl: String) {
        let body = ByteBuffer(string: text)
        let gzipped = compress ? Gzip.compress(body) : nil
        let etag = "\"\(Self.fingerprint(body))\""
        var common = HTTPFields()
        common[.eTag] = etag
        common[.lastModified] = HTTPDate.format(renderedAt)
        common[.cacheControl] = cacheControl
        common[.vary] = "Accept-Encoding"
        SecurityHeaders.apply(to: &common)
        var identity = common
        identity[.contentType] = contentType
        identity[.contentLength] = String(body.readableBytes)
        var packed = common
        packed[.contentType] = contentType
        packed[.contentEncoding] = "gzip"
        packed[.contentLength] = String(gzipped?.readableBytes ?? 0)
        self.generation = generation
        self.body = body
        self.gzipped = gzipped
        self.etag = etag
        self.notModifiedHeaders = common
        self.identityHeaders = identity
        self.gzipHeaders = packed
    }

    /// A 64-bit FNV-1a hash of the bytes, in hexadecimal.
    private static func fingerprint(_ bytes: ByteBuffer) -> String {
        let hash = bytes.withUnsafeReadableBytes { raw in
            raw.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }
}

/// Dates in the format HTTP headers use, e.g. "Wed, 25 Nov 2026 09:00:00 GMT".
enum HTTPDate {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
