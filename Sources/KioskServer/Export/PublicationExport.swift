import Crypto
import Foundation
import KioskStore

/// What an export folder says about itself, in `manifest.json`: checked before anything is imported.
public struct ExportManifest: Codable, Sendable {
    /// Names the kind of folder.
    public static let kind = "kiosk-export"
    /// The layout of exports this version writes and reads (see the README, "Exporting").
    public static let currentFormat = 1

    /// Always `kiosk-export`.
    public let kind: String
    /// The layout of the folder.
    public let format: Int
    /// The version of Kiosk that made it.
    public let kioskVersion: String
    /// When it was made.
    public let createdAt: Date
    /// Each table's file, columns and row count, in the order they are imported.
    public let tables: [ExportedTable]
    /// Each media file, with the record it belongs to and its checksum.
    public let media: [ExportedMedia]
}

/// One table of an export: `tables/NAME.jsonl`, one JSON object per row.
public struct ExportedTable: Codable, Sendable {
    /// The table's name.
    public let name: String
    /// The columns each row has (a body kept as a Markdown file is named with `_file`).
    public let columns: [String]
    /// How many rows it has.
    public let rows: Int
}

/// One media file of an export: `media/FILE`.
public struct ExportedMedia: Codable, Sendable {
    /// The media record it belongs to.
    public let mediaID: Int64
    /// Its name in `media/`.
    public let file: String
    /// Its size in bytes.
    public let bytes: Int
    /// Its SHA-256, in hex.
    public let sha256: String
}

/// A publication as a folder of plain files: everything it owns (articles with their revisions,
/// pages, taxonomy, authors, media with their text, redirects, accounts, subscribers with their
/// consent and history, newsletters and sent issues, settings), without its secrets, in a layout
/// other programs can read. Importing it into an empty database gives back the same publication.
public enum PublicationExport {
    /// Tables an export leaves out, and why.
    public static let leftOutTables: [String: String] = [
        "session": "sign-in sessions are secrets, and end with the move",
        "login_throttle": "counts of failed sign-ins belong to the old server",
        "site_secret": "the key that signs links is a secret; the new database makes its own",
        "recovery_code": "two-step sign-in recovery codes are secrets",
        "api_token": "integration tokens are secrets; make new ones after the move",
        "media_file": "the bytes are the files in media/",
        "media_rendition": "resized copies of the images, made again from the originals by the server that imports the export",
    ]

    /// Columns an export leaves out (secrets, and the state of renditions it does not carry), and
    /// what an import writes in their place.
    public static let leftOutColumns: [String: [String: CellValue]] = [
        "user": ["password_hash": .text("!"), "totp_secret": .null, "totp_last_step": .null],
        "media": ["renditions_made": .null, "renditions_error": .null, "renditions_node": .null, "renditions_lease_until": .null],
        "site_settings": ["smtp_url": .text("")],
    ]

    /// Columns written as Markdown files (`FOLDER/SLUG.md`) instead of in the table's rows.
    static let bodyFiles: [String: (column: String, folder: String)] = ["article": ("body_markdown", "articles"), "page": ("body_markdown", "pages")]

    /// Writes the publication in `store` into `folder`, which must not exist or be empty; the
    /// manifest is written last, so a folder without one is not a finished export.
    public static func write(
        from store: some TransferStore, to folder: URL, kioskVersion: String, now: Date, progress: (String) -> Void
    ) async throws -> ExportManifest {
        let files = FileManager.default
        if files.fileExists(atPath: folder.path), !(try files.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw ExportError("\(folder.path) is not empty; export into a new folder.")
        }
        for sub in ["tables", "media"] + bodyFiles.values.map(\.folder) {
            try files.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var tables: [ExportedTable] = []
        var media: [ExportedMedia] = []
        var mediaNames: [Int64: String] = [:]
        for table in PublicationTables.copied {
            let total = try await store.rowCount(of: table)
            if table.name == "media_file" {
                media = try await writeMedia(from: store, table: table, total: total, names: mediaNames, into: folder, progress: progress)
                continue
            }
            guard leftOutTables[table.name] == nil else { continue }
            let output = try LineWriter(folder.appendingPathComponent("tables/\(table.name).jsonl"))
            var columns: [String] = []
            var offset = 0
            while offset < total {
                let batch = try await store.exportRows(of: table, offset: offset, limit: table.batchSize)
                guard !batch.rows.isEmpty else { break }
                for row in batch.rows {
                    var record = Dictionary(uniqueKeysWithValues: zip(batch.columns, row.map(ExportedCell.init)))
                    for column in leftOutColumns[table.name, default: [:]].keys { record[column] = nil }
                    if let body = bodyFiles[table.name], case .text(let slug) = record["slug"]?.value, case .text(let markdown) = record[body.column]?.value {
                        let name = "\(body.folder)/\(slug).md"
                        try Data(markdown.utf8).write(to: folder.appendingPathComponent(name))
                        record[body.column] = nil
                        record[body.column + "_file"] = ExportedCell(.text(name))
                    }
                    if table.name == "media", case .integer(let id) = record["id"]?.value, case .text(let name) = record["file_name"]?.value {
                        mediaNames[id] = name
                    }
                    columns = record.keys.sorted()
                    try output.write(record)
                }
                offset += batch.rows.count
                progress("\(table.name): \(offset) of \(total) rows")
            }
            try output.close()
            tables.append(ExportedTable(name: table.name, columns: columns, rows: offset))
        }
        let manifest = ExportManifest(
            kind: ExportManifest.kind, format: ExportManifest.currentFormat, kioskVersion: kioskVersion, createdAt: now, tables: tables, media: media)
        try ExportJSON.encoder.encode(manifest).write(to: folder.appendingPathComponent("manifest.json"))
        return manifest
    }

    private static func writeMedia(
        from store: some TransferStore, table: CopiedTable, total: Int, names: [Int64: String], into folder: URL, progress: (String) -> Void
    ) async throws -> [ExportedMedia] {
        var media: [ExportedMedia] = []
        var offset = 0
        while offset < total {
            let batch = try await store.exportRows(of: table, offset: offset, limit: table.batchSize)
            guard !batch.rows.isEmpty, let idColumn = batch.columns.firstIndex(of: "media_id"), let bytesColumn = batch.columns.firstIndex(of: "bytes")
            else { break }
            for row in batch.rows {
                guard case .integer(let id) = row[idColumn], case .blob(let bytes) = row[bytesColumn], let name = names[id] else { continue }
                try Data(bytes).write(to: folder.appendingPathComponent("media/\(name)"))
                media.append(ExportedMedia(mediaID: id, file: name, bytes: bytes.count, sha256: ExportJSON.hex(SHA256.hash(data: bytes))))
            }
            offset += batch.rows.count
            progress("media: \(offset) of \(total) files")
        }
        return media
    }

    /// Reads the export in `folder` into `target`, which must hold no publication: everything is
    /// checked first (the manifest, every row read and counted, every body and media file against
    /// its checksum), then written table by table, and every table's rows counted at the end.
    /// Returns the row counts.
    public static func read(from folder: URL, into target: some TransferStore, progress: (String) -> Void) async throws -> [(table: String, rows: Int)] {
        let manifest = try manifest(in: folder)
        if let rows = try await PublicationTables.publicationRows(in: target) {
            throw ExportError("the database already holds a publication (\(rows.count) rows in \(rows.table)); import only into an empty one.")
        }
        try await check(folder, manifest, progress: progress)
        var counts: [(table: String, rows: Int)] = []
        for table in PublicationTables.copied {
            if table.name == "media_file" {
                for batch in manifest.media.chunks(of: table.batchSize) {
                    let rows = try batch.map { file in
                        [CellValue.integer(file.mediaID), .blob(Array(try Data(contentsOf: folder.appendingPathComponent("media/\(file.file)"))))]
                    }
                    try await target.importRows(TableRows(columns: ["media_id", "bytes"], rows: rows), into: table)
                }
                counts.append((table.name, manifest.media.count))
                continue
            }
            guard let exported = manifest.tables.first(where: { $0.name == table.name }) else { continue }
            var batch = TableRows(columns: [], rows: [])
            try await forEachRow(of: exported, in: folder) { row in
                if batch.columns != row.columns || batch.rows.count >= table.batchSize {
                    if !batch.rows.isEmpty { try await target.importRows(batch, into: table) }
                    batch = TableRows(columns: row.columns, rows: [])
                }
                batch.rows.append(row.values)
            }
            if !batch.rows.isEmpty { try await target.importRows(batch, into: table) }
            progress("\(table.name): \(exported.rows) rows")
            counts.append((table.name, exported.rows))
        }
        try await target.finishImport()
        for (name, rows) in counts {
            guard let table = PublicationTables.copied.first(where: { $0.name == name }) else { continue }
            let stored = try await target.rowCount(of: table)
            guard stored == rows else { throw ExportError("\(name) has \(rows) rows in the export but \(stored) in the database after importing.") }
        }
        return counts
    }

    /// The manifest of the export in `folder`, checked for its kind and format.
    public static func manifest(in folder: URL) throws -> ExportManifest {
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url) else {
            throw ExportError("\(folder.path) has no manifest.json: it is not a Kiosk export, or the export did not finish.")
        }
        guard let manifest = try? ExportJSON.decoder.decode(ExportManifest.self, from: data), manifest.kind == ExportManifest.kind else {
            throw ExportError("\(url.path) is not the manifest of a Kiosk export.")
        }
        guard manifest.format >= 1 else { throw ExportError("\(url.path) names format \(manifest.format), which no Kiosk writes.") }
        guard manifest.format <= ExportManifest.currentFormat else {
            throw ExportError("the export has format \(manifest.format), made by Kiosk \(manifest.kioskVersion); this Kiosk reads format \(ExportManifest.currentFormat) and older. Upgrade Kiosk first.")
        }
        let known = Set(PublicationTables.copied.map(\.name))
        if let unknown = manifest.tables.first(where: { !known.contains($0.name) }) {
            throw ExportError("the export has a table “\(unknown.name)” this version of Kiosk does not know; upgrade Kiosk first.")
        }
        return manifest
    }

    /// Reads every row and file once without writing anything, so a damaged export is refused whole.
    private static func check(_ folder: URL, _ manifest: ExportManifest, progress: (String) -> Void) async throws {
        for table in manifest.tables {
            var count = 0
            try await forEachRow(of: table, in: folder) { _ in count += 1 }
            guard count == table.rows else {
                throw ExportError("tables/\(table.name).jsonl has \(count) rows, but the manifest says \(table.rows); the export is incomplete.")
            }
        }
        for file in manifest.media {
            guard !file.file.contains("/"), !file.file.hasPrefix("."), let data = try? Data(contentsOf: folder.appendingPathComponent("media/\(file.file)")) else {
                throw ExportError("media/\(file.file) is missing from the export.")
            }
            guard ExportJSON.hex(SHA256.hash(data: data)) == file.sha256 else {
                throw ExportError("media/\(file.file) does not match its checksum in the manifest; the export is damaged.")
            }
        }
        progress("Checked \(manifest.tables.reduce(0) { $0 + $1.rows }) rows and \(manifest.media.count) media files")
    }

    /// Calls `body` with each row of `table` as columns and values ready to import: bodies read
    /// from their files, left-out columns filled in. Throws `ExportError` naming the line at fault.
    private static func forEachRow(
        of table: ExportedTable, in folder: URL, _ body: (_ row: (columns: [String], values: [CellValue])) async throws -> Void
    ) async throws {
        let name = "tables/\(table.name).jsonl"
        let lines = try LineReader(folder.appendingPathComponent(name), describedAs: name)
        let bodyFile = bodyFiles[table.name]
        let fillIns = leftOutColumns[table.name, default: [:]]
        var number = 0
        while let line = try lines.next() {
            number += 1
            guard var record = try? ExportJSON.decoder.decode([String: ExportedCell].self, from: line) else {
                throw ExportError("\(name) line \(number) is not a JSON object of column values.")
            }
            if let bodyFile, let cell = record.removeValue(forKey: bodyFile.column + "_file") {
                guard case .text(let path) = cell.value, path.hasPrefix(bodyFile.folder + "/"), !path.contains(".."),
                    let data = try? Data(contentsOf: folder.appendingPathComponent(path)), let text = String(data: data, encoding: .utf8)
                else { throw ExportError("\(name) line \(number) names a body file that is missing or not UTF-8 text.") }
                record[bodyFile.column] = ExportedCell(.text(text))
            }
            for (column, value) in fillIns where record[column] == nil { record[column] = ExportedCell(value) }
            let columns = record.keys.sorted()
            try await body((columns, columns.map { record[$0]!.value }))
        }
    }
}

/// An export that cannot be written or read; says why, for the operator.
public struct ExportError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// One value of a row as an export writes it: JSON's own null, numbers, booleans and strings, and
/// `{"date": ISO 8601}`, `{"base64": …}` and `{"real": …}` for the rest.
struct ExportedCell: Codable {
    let value: CellValue

    init(_ value: CellValue) {
        self.value = value
    }

    private enum Tagged: String, CodingKey { case date, base64, real }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Tagged.self) {
            if let text = try object.decodeIfPresent(String.self, forKey: .date) {
                guard let date = ExportJSON.date(text) else { throw DecodingError.dataCorruptedError(forKey: .date, in: object, debugDescription: "not a date") }
                value = .date(date)
            } else if let text = try object.decodeIfPresent(String.self, forKey: .base64), let data = Data(base64Encoded: text) {
                value = .blob(Array(data))
            } else {
                value = .real(try object.decode(Double.self, forKey: .real))
            }
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let flag = try? single.decode(Bool.self) {
            value = .boolean(flag)
        } else if let number = try? single.decode(Int64.self) {
            value = .integer(number)
        } else {
            value = .text(try single.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .integer(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .boolean(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .text(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .real(let number):
            var object = encoder.container(keyedBy: Tagged.self)
            try object.encode(number, forKey: .real)
        case .date(let date):
            var object = encoder.container(keyedBy: Tagged.self)
            try object.encode(ExportJSON.text(date), forKey: .date)
        case .blob(let bytes):
            var object = encoder.container(keyedBy: Tagged.self)
            try object.encode(Data(bytes).base64EncodedString(), forKey: .base64)
        }
    }
}

/// The JSON conventions of exports: sorted keys, ISO 8601 dates with milliseconds.
enum ExportJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var single = encoder.singleValueContainer()
            try single.encode(text(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let single = try decoder.singleValueContainer()
            guard let date = date(try single.decode(String.self)) else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "not an ISO 8601 date")
            }
            return date
        }
        return decoder
    }()

    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) ?? (try? Date(text, strategy: .iso8601))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}

/// Writes JSON Lines to a file, buffered.
private final class LineWriter {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    func write(_ record: [String: ExportedCell]) throws {
        buffer.append(try ExportJSON.encoder.encode(record))
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a file line by line without loading it whole; a line longer than 64 MB is refused.
private final class LineReader {
    static let longestLine = 64 << 20
    private let handle: FileHandle
    private let name: String
    private var buffer = Data()
    private var atEnd = false

    init(_ url: URL, describedAs name: String) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw ExportError("\(name) is missing from the export.") }
        self.handle = handle
        self.name = name
    }

    deinit { try? handle.close() }

    func next() throws -> Data? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<end]
                buffer.removeSubrange(buffer.startIndex...end)
                if line.isEmpty { continue }
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            guard buffer.count <= Self.longestLine else { throw ExportError("\(name) has a line longer than 64 MB; the export is damaged.") }
            if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { buffer.append(chunk) } else { atEnd = true }
        }
    }
}

extension Array {
    /// The elements in runs of at most `size`.
    fileprivate func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
