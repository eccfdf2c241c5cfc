/// Removes the metadata chunks (EXIF, XMP, colour profile) from a WebP file. Debian's libvips 8.14
/// writes an EXIF chunk into every WebP file, even when asked to strip metadata.
enum WebPMetadata {
    /// The chunks left out, and the flag each one has in the extended header.
    private static let metadataChunks: [String: UInt8] = ["EXIF": 0x08, "XMP ": 0x04, "ICCP": 0x20]

    /// `bytes` without their metadata chunks, or `nil` when they are not a WebP file in the RIFF
    /// layout this reads (so that nothing unread goes out).
    static func stripped(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, tag(bytes, at: 0) == "RIFF", tag(bytes, at: 8) == "WEBP" else { return nil }
        var chunks: [[UInt8]] = []
        var cleared: UInt8 = 0
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return nil }
            if let flag = metadataChunks[tag(bytes, at: offset)] {
                cleared |= flag
            } else {
                chunks.append(Array(bytes[offset..<end]))
            }
            offset = end
        }
        guard cleared != 0 else { return bytes }
        if let first = chunks.first, tag(first, at: 0) == "VP8X", first.count > 8 { chunks[0][8] &= ~cleared }
        let body = chunks.flatMap { $0 }
        let riffSize = UInt32(4 + body.count)
        return Array("RIFF".utf8) + [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: riffSize >> $0) } + Array("WEBP".utf8) + body
    }

    /// The four-letter tag at `offset`.
    private static func tag(_ bytes: [UInt8], at offset: Int) -> String {
        String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }
}
