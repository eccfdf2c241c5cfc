import Foundation
import KioskStore

/// Writes a POSIX tar file (ustar), the format of Kiosk's backups, so that `tar -tvf` can list
/// them; contents are streamed in chunks, never held whole in memory.
struct TarWriter {
    /// The size of a tar block; headers and contents are padded to it.
    static let blockSize = 512
    private let output: FileHandle

    /// Writes into `output`, from its current position.
    init(output: FileHandle) {
        self.output = output
    }

    /// Adds a file named `name` holding `bytes`.
    func add(name: String, bytes: [UInt8], modified: Date) throws {
        try output.write(contentsOf: Self.header(name: name, size: UInt64(bytes.count), modified: modified))
        try output.write(contentsOf: bytes)
        try pad(UInt64(bytes.count))
    }

    /// Adds a file named `name` with the contents of the file at `source`, passing each chunk to `chunk`.
    func add(name: String, copying source: URL, size: UInt64, modified: Date, chunk: ([UInt8]) -> Void) throws {
        try output.write(contentsOf: Self.header(name: name, size: size, modified: modified))
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        var written: UInt64 = 0
        while written < size, let data = try input.read(upToCount: 1 << 20), !data.isEmpty {
            let bytes = [UInt8](data.prefix(Int(min(UInt64(data.count), size - written))))
            try output.write(contentsOf: bytes)
            chunk(bytes)
            written += UInt64(bytes.count)
        }
        guard written == size else { throw SnapshotError("\(source.path) changed while it was being archived.") }
        try pad(size)
    }

    /// Ends the archive with the two empty blocks tar expects.
    func finish() throws {
        try output.write(contentsOf: [UInt8](repeating: 0, count: 2 * Self.blockSize))
    }

    private func pad(_ size: UInt64) throws {
        let remainder = Int(size % UInt64(Self.blockSize))
        if remainder > 0 { try output.write(contentsOf: [UInt8](repeating: 0, count: Self.blockSize - remainder)) }
    }

    /// The 512-byte ustar header of a regular file; sizes of 8 GiB and more use the base-256 form
    /// GNU tar and bsdtar read.
    static func header(name: String, size: UInt64, modified: Date) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: blockSize)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: UInt64, at offset: Int, width: Int) {
            let digits = String(value, radix: 8)
            put(String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits, at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(0o600, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        if size < 1 << 33 {
            octal(size, at: 124, width: 12)
        } else {
            block[124] = 0x80
            for index in 0..<8 { block[135 - index] = UInt8(truncatingIfNeeded: size >> (8 * UInt64(index))) }
        }
        octal(UInt64(max(0, modified.timeIntervalSince1970)), at: 136, width: 12)
        block[156] = UInt8(ascii: "0")
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        put("kiosk", at: 265, width: 32)
        put("kiosk", at: 297, width: 32)
        put("        ", at: 148, width: 8)
        let checksum = block.reduce(0) { $0 + UInt64($1) }
        octal(checksum, at: 148, width: 7)
        block[155] = UInt8(ascii: " ")
        return block
    }
}

/// Reads the regular files of a tar file one after another, checking each header, and refusing
/// anything that is not a well-formed archive with a message that says so.
struct TarReader {
    /// One file in the archive: its name and size; its contents follow.
    struct Entry {
        /// The file's name.
        let name: String
        /// The size of its contents in bytes.
        let size: UInt64
    }

    private let input: FileHandle

    /// Reads `input` from its current position.
    init(input: FileHandle) {
        self.input = input
    }

    /// The next file's header, or `nil` at the end of the archive.
    func next() throws -> Entry? {
        let block = try exactly(TarWriter.blockSize, what: "a file header")
        if block.allSatisfy({ $0 == 0 }) { return nil }
        let stored = Self.number(block[148..<156])
        var blank = block
        for index in 148..<156 { blank[index] = UInt8(ascii: " ") }
        guard let stored, stored == blank.reduce(0, { $0 + UInt64($1) }) else { throw SnapshotError("a file header's checksum is wrong.") }
        guard block[257..<262].elementsEqual("ustar".utf8) else { throw SnapshotError("it is not a POSIX tar file.") }
        guard block[156] == UInt8(ascii: "0") || block[156] == 0 else { throw SnapshotError("it holds something other than plain files.") }
        let name = String(decoding: block[0..<100].prefix { $0 != 0 }, as: UTF8.self)
        let size: UInt64?
        if block[124] & 0x80 != 0 {
            size = block[128..<136].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        } else {
            size = Self.number(block[124..<136])
        }
        guard let size else { throw SnapshotError("the size of \(name) is unreadable.") }
        return Entry(name: name, size: size)
    }

    /// Reads the whole contents of `entry`, which must be at most `limit` bytes.
    func contents(of entry: Entry, limit: Int) throws -> [UInt8] {
        guard entry.size <= UInt64(limit) else { throw SnapshotError("\(entry.name) is larger than a Kiosk backup writes it.") }
        let bytes = try exactly(Int(entry.size), what: entry.name)
        try skipPadding(entry.size)
        return bytes
    }

    /// Streams the contents of `entry` in chunks to `chunk`.
    func stream(_ entry: Entry, _ chunk: ([UInt8]) throws -> Void) throws {
        var remaining = entry.size
        while remaining > 0 {
            let count = Int(min(remaining, 1 << 20))
            try chunk(try exactly(count, what: entry.name))
            remaining -= UInt64(count)
        }
        try skipPadding(entry.size)
    }

    private func skipPadding(_ size: UInt64) throws {
        let remainder = Int(size % UInt64(TarWriter.blockSize))
        if remainder > 0 { _ = try exactly(TarWriter.blockSize - remainder, what: "padding") }
    }

    private func exactly(_ count: Int, what: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            guard let data = try input.read(upToCount: count - bytes.count), !data.isEmpty else {
                throw SnapshotError("it ends in the middle of \(what): the file is cut short.")
            }
            bytes.append(contentsOf: data)
        }
        return bytes
    }

    /// An octal number padded with spaces or NULs, as tar writes them; `nil` if it is not one.
    private static func number(_ field: ArraySlice<UInt8>) -> UInt64? {
        let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
        return text.isEmpty ? nil : UInt64(text, radix: 8)
    }
}
