import Crypto
import Foundation
import Hummingbird
import KioskCore
import MultipartKit

/// Uploaded images on disk: checked from their bytes, stored under a name derived from their content
/// so two uploads never collide and the same file is never stored twice.
struct MediaLibrary: Sendable {
    /// The media folder, also served under `/media/`.
    let directory: String
    /// The largest upload accepted, in bytes.
    let maximumBytes: Int

    /// The file name for `bytes` of `format`: the first 128 bits of their SHA-256 in hex.
    static func fileName(for bytes: [UInt8], format: ImageFormat) -> String {
        let digest = SHA256.hash(data: bytes)
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "." + format.fileExtension
    }

    /// Checks `bytes` and writes them under their content-derived name unless that file exists already.
    func store(_ bytes: [UInt8]) throws -> (fileName: String, info: ImageInfo) {
        let info = try ImageInspection.inspect(bytes)
        let name = Self.fileName(for: bytes, format: info.format)
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        }
        return (name, info)
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
