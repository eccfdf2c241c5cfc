import CZlib
import Foundation

/// Unpacks a zip file (such as the export Substack sends) with the system's zlib: stored and
/// deflated entries, each checked against its CRC-32, written one 64 KB piece at a time. A name
/// that would land outside the folder, an encrypted entry, a zip64 archive, or more than
/// `maximumBytes` unpacked in all (a zip bomb) refuses the whole archive with a message.
enum ZipArchive {
    /// The most entries unpacked from one archive.
    static let maximumEntries = 100_000

    /// One file named by the archive's central directory.
    private struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: Int
        let localHeaderOffset: Int
    }

    /// Unpacks the zip file at `zip` into `folder` (which must exist); returns how many files it wrote.
    static func extract(_ zip: URL, into folder: URL, maximumBytes: Int) throws -> Int {
        let name = zip.lastPathComponent
        let input = try FileHandle(forReadingFrom: zip)
        defer { try? input.close() }
        let entries = try centralDirectory(input, name: name)
        var written = 0
        var files = 0
        for entry in entries where !entry.name.hasSuffix("/") {
            let parts = entry.name.split(separator: "/", omittingEmptySubsequences: false)
            guard !entry.name.hasPrefix("/"), !entry.name.contains("\\"), !parts.contains(".."), !parts.contains(where: \.isEmpty) else {
                throw ImportError("\(name) holds a file named “\(entry.name)”, outside its own folder; it was not unpacked.")
            }
            guard entry.flags & 1 == 0 else { throw ImportError("\(name) is encrypted; export it again without a password.") }
            guard entry.method == 0 || entry.method == 8 else {
                throw ImportError("\(name) packs “\(entry.name)” with a method zip tools rarely use (\(entry.method)); unpack it and import the folder.")
            }
            let target = folder.appendingPathComponent(entry.name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target.path, contents: nil) else { throw ImportError("cannot write \(target.path).") }
            let output = try FileHandle(forWritingTo: target)
            defer { try? output.close() }
            try input.seek(toOffset: UInt64(entry.localHeaderOffset))
            let header = try read(input, 30, name: name)
            guard integer(header, 0, 4) == 0x0403_4b50 else { throw ImportError("\(name) is damaged: “\(entry.name)” is not where its directory says.") }
            try input.seek(toOffset: UInt64(entry.localHeaderOffset + 30 + integer(header, 26, 2) + integer(header, 28, 2)))
            written += try unpack(entry, from: input, to: output, budget: maximumBytes - written, archive: name)
            files += 1
        }
        return files
    }

    /// The entries of the central directory, found through the end-of-directory record.
    private static func centralDirectory(_ input: FileHandle, name: String) throws -> [Entry] {
        let size = Int(try input.seekToEnd())
        let tail = min(size, 22 + 65_535)
        try input.seek(toOffset: UInt64(size - tail))
        let end = try read(input, tail, name: name)
        guard let record = stride(from: end.count - 22, through: 0, by: -1).first(where: { integer(end, $0, 4) == 0x0605_4b50 }) else {
            throw ImportError("\(name) is not a zip file, or it was cut short.")
        }
        let count = integer(end, record + 10, 2)
        let directorySize = integer(end, record + 12, 4)
        let directoryOffset = integer(end, record + 16, 4)
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw ImportError("\(name) is a zip64 archive; unpack it and import the folder.") }
        guard count <= maximumEntries, directoryOffset + directorySize <= size else { throw ImportError("\(name) is damaged or holds too many files.") }
        try input.seek(toOffset: UInt64(directoryOffset))
        let directory = try read(input, directorySize, name: name)
        var entries: [Entry] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, integer(directory, at, 4) == 0x0201_4b50 else { throw ImportError("\(name) is damaged: its directory is cut.") }
            let nameLength = integer(directory, at + 28, 2)
            let skip = nameLength + integer(directory, at + 30, 2) + integer(directory, at + 32, 2)
            guard at + 46 + skip <= directory.count else { throw ImportError("\(name) is damaged: its directory is cut.") }
            entries.append(
                Entry(
                    name: String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self), method: UInt16(integer(directory, at + 10, 2)),
                    flags: UInt16(integer(directory, at + 8, 2)), crc: UInt32(integer(directory, at + 16, 4)), compressedSize: integer(directory, at + 20, 4),
                    localHeaderOffset: integer(directory, at + 42, 4)))
            at += 46 + skip
        }
        return entries
    }

    /// Copies or inflates one entry's data, checking its CRC-32; returns the bytes written.
    private static func unpack(_ entry: Entry, from input: FileHandle, to output: FileHandle, budget: Int, archive: String) throws -> Int {
        var stream = z_stream()
        if entry.method == 8 {
            guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw ImportError("zlib could not start.") }
        }
        defer { if entry.method == 8 { inflateEnd(&stream) } }
        var remaining = entry.compressedSize
        var written = 0
        var crc = crc32(0, nil, 0)
        var finished = entry.method == 0
        func emit(_ bytes: ArraySlice<UInt8>) throws {
            written += bytes.count
            guard written <= budget else { throw ImportError("\(archive) unpacks to more than \(budget >> 20) MB; it was not imported.") }
            crc = bytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
            try output.write(contentsOf: bytes)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while remaining > 0 {
            let chunk = try read(input, min(remaining, 1 << 16), name: archive)
            remaining -= chunk.count
            guard entry.method == 8 else {
                try emit(chunk[...])
                continue
            }
            var input = chunk
            var status = Z_OK
            try input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                repeat {
                    let produced = buffer.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return target.count - Int(stream.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw ImportError("\(archive) is damaged: “\(entry.name)” cannot be unpacked.")
                    }
                    try emit(buffer[0..<produced])
                } while stream.avail_in > 0 && status != Z_STREAM_END || stream.avail_out == 0 && status == Z_OK
            }
            if status == Z_STREAM_END { finished = true }
        }
        guard finished, crc == UInt(entry.crc) else { throw ImportError("\(archive) is damaged: “\(entry.name)” does not match its checksum.") }
        return written
    }

    private static func read(_ input: FileHandle, _ count: Int, name: String) throws -> [UInt8] {
        guard count > 0 else { return [] }
        guard let data = try input.read(upToCount: count), data.count == count else { throw ImportError("\(name) was cut short.") }
        return [UInt8](data)
    }

    /// The little-endian integer of `width` bytes at `offset`.
    private static func integer(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> Int {
        (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
