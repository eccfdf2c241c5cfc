#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

extension StringProtocol {
    /// Where `needle`'s UTF-8 bytes first occur in this text, compared byte for byte (no Unicode
    /// equivalence, unlike Foundation's `range(of:)`, and far cheaper); `nil` when they do not, or
    /// when `needle` is empty.
    public func firstByteRange(of needle: String) -> Range<Index>? {
        let bytes = utf8
        let offset: Int? =
            if let found = bytes.withContiguousStorageIfAvailable({ Self.offset(of: needle, in: $0) }) {
                found
            } else {
                Array(bytes).withUnsafeBufferPointer { Self.offset(of: needle, in: $0) }
            }
        guard let offset else { return nil }
        let start = bytes.index(bytes.startIndex, offsetBy: offset)
        return start..<bytes.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether `needle`'s UTF-8 bytes occur in this text (see `firstByteRange(of:)`).
    public func containsBytes(_ needle: String) -> Bool {
        firstByteRange(of: needle) != nil
    }

    private static func offset(of needle: String, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard !wanted.isEmpty, let base = text.baseAddress, let wantedBase = wanted.baseAddress else { return nil }
            // Each place the first byte occurs (memchr), then the rest compared (memcmp).
            var start = 0
            while start + wanted.count <= text.count {
                guard let hit = memchr(base + start, Int32(wanted[0]), text.count - wanted.count - start + 1) else { return nil }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, wantedBase, wanted.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }
}
