import Crypto
import Foundation
import Hummingbird
import KioskCore
import KioskImaging
import KioskStore
import MultipartKit
import NIOPosix

/// Uploaded images: checked from their bytes and named after their content, so two uploads never
/// collide and the same file is never stored twice. The store keeps the bytes; this node's media
/// folder keeps a copy to serve.
public struct MediaLibrary<Store: MediaStore & RenditionStore>: Sendable {
    /// This node's media folder, holding copies of the originals (served to the newsroom only).
    let directory: String
    /// The largest upload accepted, in bytes.
    let maximumBytes: Int
    /// The most pixels an image may have.
    let maximumPixels: Int
    let store: Store
    /// Told of each new image, so that its renditions are made at once.
    let renditions: RenditionQueue

    /// A library keeping this node's copies in `directory`, accepting images up to `maximumBytes`
    /// and `maximumPixels`, storing into `store` and telling `renditions` of each new one.
    public init(directory: String, maximumBytes: Int, maximumPixels: Int, store: Store, renditions: RenditionQueue) {
        self.directory = directory
        self.maximumBytes = maximumBytes
        self.maximumPixels = maximumPixels
        self.store = store
        self.renditions = renditions
    }

    /// The file name for `bytes` of `format`: the first 128 bits of their SHA-256 in hex.
    static func fileName(for bytes: [UInt8], format: ImageFormat) -> String {
        let digest = SHA256.hash(data: bytes)
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "." + format.fileExtension
    }

    /// The record of an upload of `bytes` with the text `describe` gives: the existing one when the
    /// same file was uploaded before, otherwise a new one whose bytes go to the store and the folder.
    /// libvips reads its header (and with `decoding`, decodes it at a small size, so that a
    /// damaged file is refused here rather than failing later: uploads do; imports, where one bad
    /// file must not hold up thousands, leave that to the renditions) before it is accepted; its
    /// size is recorded as shown, after its EXIF orientation, and its renditions are asked for.
    func add(_ bytes: [UInt8], decoding: Bool = true, describe: (_ fileName: String, _ info: ImageInfo) throws -> NewMedia) async throws -> Media {
        let inspected = try ImageInspection.inspect(bytes, maximumPixels: maximumPixels)
        let fileName = Self.fileName(for: bytes, format: inspected.format)
        if let existing = try await store.media(fileName: fileName) {
            _ = try describe(fileName, inspected)
            return existing
        }
        let shown = try await Self.check(bytes, decoding: decoding)
        var new = try describe(fileName, ImageInfo(format: inspected.format, width: shown.width, height: shown.height))
        new.renditionsWanted = RenditionPlan.key(focus: .centre, avif: Imaging.canEncodeAVIF)
        let media = try await store.addMedia(new, bytes: bytes)
        try await MediaFolder.keep(bytes, as: new.fileName, in: directory)
        renditions.wake(first: media.id)
        return media
    }

    /// The header libvips reads from `bytes`, after decoding them into a small rendition when
    /// `decoding`; what libvips cannot read is refused with a message.
    static func check(_ bytes: [UInt8], decoding: Bool) async throws -> ImageHeader {
        let trial = Rendition(name: "check", width: 32, height: 32, encoding: .jpeg)
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                if decoding { _ = try Imaging.render(bytes, as: trial, focus: .centre) }
                return try Imaging.header(of: bytes)
            }
        } catch let error as ImagingError {
            throw ValidationError(field: "file", message: "This image cannot be read: it is damaged or cut short (\(error.description)).")
        }
    }

    /// Deletes `image` if no page uses it (its record, bytes and renditions from the store, its
    /// file from this folder); throws `StoreError.inUse` otherwise.
    func delete(_ image: Media) async throws {
        try await store.deleteMedia(image.id) { try MediaRules.checkDeletable(usageCount: $0.usageCount) }
        try await MediaFolder.remove(image.fileName, from: directory)
    }

    /// Stores the bytes of media recorded before the store kept them, from this node's folder, so
    /// other nodes and copies of the database have them too; returns how many were stored.
    public static func storeMissingBytes(from directory: String, in store: Store) async throws -> Int {
        var stored = 0
        for name in try await store.mediaWithoutBytes(limit: 100_000) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            guard let data = try? await NIOThreadPool.singleton.runIfActive({ try Data(contentsOf: url) }) else { continue }
            try await store.storeMediaBytes(Array(data), fileName: name)
            stored += 1
        }
        return stored
    }
}

/// One part of a `multipart/form-data` body.
struct FormPart {
    /// The field name.
    var name = ""
    /// The file name the browser sent, for file fields.
    var fileName: String?
    /// The part's bytes.
    var body: [UInt8] = []
}

/// Reading `multipart/form-data` bodies with MultipartKit's parser.
enum MultipartForm {
    /// The parts of the request's body, refusing bodies above `limit` bytes with a message.
    static func read(_ request: Request, limit: Int) async throws -> [FormPart] {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = parameter("boundary", in: contentType) else {
            throw NewsroomRefusal.badRequest("Upload the file with the form on the media page.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit + 64 * 1024)
        } catch {
            throw ValidationError(field: "file", message: "The file is larger than the limit of \(limit >> 20) MB.")
        }
        var parts: [FormPart] = []
        var current = FormPart()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            current.name = parameter("name", in: value) ?? ""
            current.fileName = parameter("filename", in: value)
        }
        parser.onBody = { chunk in current.body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            parts.append(current)
            current = FormPart()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw NewsroomRefusal.badRequest("The upload was cut short or malformed; try again.")
        }
        return parts
    }

    /// The value of `name=` in a header like `form-data; name="file"; filename="a.png"`.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// A node's media folder: its copies of files whose bytes live in the store.
enum MediaFolder {
    /// Writes `bytes` to `directory` as `name` (atomically, on the thread pool), unless the file is there.
    static func keep(_ bytes: [UInt8], as name: String, in directory: String) async throws {
        try await NIOThreadPool.singleton.runIfActive {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: url.path) else { return }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        }
    }

    /// Removes the file `name` from `directory`, if it is there (on the thread pool).
    static func remove(_ name: String, from directory: String) async throws {
        try await NIOThreadPool.singleton.runIfActive {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }
}
