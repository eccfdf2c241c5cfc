import Foundation
import KioskCore
import Testing

/// A real 3 × 2 image file, made with Pillow 13 and kept as Base64, and how many bytes of it hold the size.
struct ImageFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let base64: String
    let format: ImageFormat
    /// The length of the shortest prefix from which the size can be read.
    let headerLength: Int
    /// The length of the signature that names the format.
    let signatureLength: Int

    var bytes: [UInt8] { [UInt8](Data(base64Encoded: base64)!) }
    var testDescription: String { name }

    static let all: [ImageFixture] = [png, gif, jpeg, progressiveJPEG, exifJPEG, lossyWebP, losslessWebP, extendedWebP]

    static let png = ImageFixture(
        name: "PNG", base64: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAFUlEQVR4nGM8ISfHwMDAwMDAxAADABMuAQhqwGVhAAAAAElFTkSuQmCC",
        format: .png, headerLength: 24, signatureLength: 8)
    static let gif = ImageFixture(
        name: "GIF87a", base64: "R0lGODdhAwACAIEAAMgeHgAAAAAAAAAAACwAAAAAAwACAAAIBgABCBwYEAA7",
        format: .gif, headerLength: 10, signatureLength: 6)
    static let jpeg = ImageFixture(
        name: "baseline JPEG (SOF0)",
        base64: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOACqH/9k=",
        format: .jpeg, headerLength: 167, signatureLength: 3)
    static let progressiveJPEG = ImageFixture(
        name: "progressive JPEG (SOF2)",
        base64: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wgARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAVAQEBAAAAAAAAAAAAAAAAAAADBf/aAAwDAQACEAMQAAABjAVP/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABBQJ//8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAgBAwEBPwF//8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAgBAgEBPwF//8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAGPwJ//8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPyF//9oADAMBAAIAAwAAABAD/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAgBAwEBPxB//8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAgBAgEBPxB//8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxB//9k=",
        format: .jpeg, headerLength: 167, signatureLength: 3)
    static let exifJPEG = ImageFixture(
        name: "JPEG with an Exif APP1 segment before the frame header",
        base64: "/9j/4AAQSkZJRgABAQAAAQABAAD/4QAoRXhpZgAATU0AKgAAAAgAAQEPAAIAAAAGAAAAGgAAAABLaW9zawD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOACqH/9k=",
        format: .jpeg, headerLength: 209, signatureLength: 3)
    static let lossyWebP = ImageFixture(
        name: "lossy WebP (VP8)", base64: "UklGRjYAAABXRUJQVlA4ICoAAACQAQCdASoDAAIAAsBMJaACdLoAA5gA/u2QP4hd7G2//PTP62/j/xkAAAA=",
        format: .webp, headerLength: 30, signatureLength: 12)
    static let losslessWebP = ImageFixture(
        name: "lossless WebP (VP8L)", base64: "UklGRh4AAABXRUJQVlA4TBEAAAAvAkAAAAdQjyLXo/+BiOh/AAA=",
        format: .webp, headerLength: 25, signatureLength: 12)
    static let extendedWebP = ImageFixture(
        name: "WebP with alpha (VP8X)",
        base64: "UklGRlgAAABXRUJQVlA4WAoAAAAQAAAAAgAAAQAAQUxQSAcAAAAAgICAgICAAFZQOCAqAAAAkAEAnQEqAwACAALATCWgAnS6AAOYAP7tkD+IXextv/z0z+tv4/8ZAAAA",
        format: .webp, headerLength: 30, signatureLength: 12)
}

private let notAnImage = ValidationError(field: "file", message: "This file is not a JPEG, PNG, WebP or GIF image.")
private let damaged = ValidationError(field: "file", message: "This image is damaged: its size cannot be read.")
private let tooLarge = ValidationError(field: "file", message: "This image is larger than 30000 pixels on a side.")

/// Returns `bytes` with the bytes at `offset` replaced by `replacement`.
private func patched(_ bytes: [UInt8], at offset: Int, with replacement: [UInt8]) -> [UInt8] {
    var result = bytes
    result.replaceSubrange(offset..<offset + replacement.count, with: replacement)
    return result
}

/// The error `ImageInspection.inspect` throws for `bytes`, or `nil` when it accepts them.
private func inspectionError(_ bytes: [UInt8]) -> ValidationError? {
    do {
        _ = try ImageInspection.inspect(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("Image inspection")
struct ImageInspectionTests {
    @Test("reads the type and size of real files", arguments: ImageFixture.all)
    func readsRealFiles(_ fixture: ImageFixture) throws {
        #expect(try ImageInspection.inspect(fixture.bytes) == ImageInfo(format: fixture.format, width: 3, height: 2))
        #expect(try ImageInspection.inspect(Data(fixture.bytes)) == ImageInfo(format: fixture.format, width: 3, height: 2))
    }

    @Test("needs only the header", arguments: ImageFixture.all)
    func needsOnlyTheHeader(_ fixture: ImageFixture) throws {
        let header = Array(fixture.bytes.prefix(fixture.headerLength))
        #expect(try ImageInspection.inspect(header) == ImageInfo(format: fixture.format, width: 3, height: 2))
    }

    @Test("a file cut short inside its header is damaged", arguments: ImageFixture.all)
    func truncatedHeaders(_ fixture: ImageFixture) {
        for length in fixture.signatureLength..<fixture.headerLength {
            #expect(inspectionError(Array(fixture.bytes.prefix(length))) == damaged, "cut at \(length) bytes")
        }
    }

    @Test("a file cut short inside its signature is not an image", arguments: ImageFixture.all)
    func truncatedSignatures(_ fixture: ImageFixture) {
        for length in 0..<fixture.signatureLength {
            #expect(inspectionError(Array(fixture.bytes.prefix(length))) == notAnImage, "cut at \(length) bytes")
        }
    }

    @Test("reads a slice of a larger buffer, whose indices do not start at zero")
    func readsSlices() throws {
        let buffer = Data([0, 1, 2, 3] + ImageFixture.png.bytes)
        let slice = buffer[4...]
        #expect(slice.startIndex == 4)
        #expect(try ImageInspection.inspect(slice) == ImageInfo(format: .png, width: 3, height: 2))
    }

    @Test(
        "text, HTML and other files are not images, whatever their name",
        arguments: [
            "<script>alert(document.cookie)</script>",
            "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
            "%PDF-1.7\n",
            "GIF88a",
            "RIFF\u{24}\0\0\0WAVEfmt ",
            "",
        ])
    func rejectsOtherFiles(_ text: String) {
        #expect(inspectionError(Array(text.utf8)) == notAnImage)
    }

    @Test("reads a handmade GIF89a logical screen")
    func readsGIF89a() throws {
        let header = Array("GIF89a".utf8) + [0x2C, 0x01, 0xC8, 0x00]
        #expect(try ImageInspection.inspect(header) == ImageInfo(format: .gif, width: 300, height: 200))
    }

    @Test("a PNG whose first chunk is not IHDR is damaged")
    func pngWithoutLeadingIHDR() {
        #expect(inspectionError(patched(ImageFixture.png.bytes, at: 12, with: Array("IDAT".utf8))) == damaged)
    }

    @Test("walks fill bytes, standalone markers and tables to the first frame header")
    func walksJPEGSegments() throws {
        let header: [UInt8] = [
            0xFF, 0xD8,  // SOI
            0xFF, 0xFF, 0xFF, 0xE1, 0x00, 0x06, 0x45, 0x78, 0x69, 0x66,  // fill bytes, then APP1 "Exif"
            0xFF, 0x01,  // TEM, without a length
            0xFF, 0xD0,  // RST0, without a length
            0xFF, 0xC4, 0x00, 0x07, 0x08, 0x11, 0x11, 0x22, 0x22,  // DHT, whose bytes must not be read as a size
            0xFF, 0xCC, 0x00, 0x04, 0x00, 0x00,  // DAC
            0xFF, 0xC1, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x01, 0x01, 0x11, 0x00,  // SOF1: 400 × 300
        ]
        #expect(try ImageInspection.inspect(header) == ImageInfo(format: .jpeg, width: 400, height: 300))
    }

    @Test(
        "a JPEG without a readable frame header is damaged",
        arguments: [
            [0xFF, 0xD8, 0xFF, 0xD9],  // the end of the image
            [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00],  // image data before a frame header
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01],  // a segment length below 2
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34],  // no marker where the next segment should start
            [0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0x00, 0x00, 0x00],  // a segment longer than the file
            [0xFF, 0xD8, 0xFF, 0x00],  // a stuffed zero byte instead of a marker
            [0xFF, 0xD8, 0xFF, 0xFF, 0xFF],  // only fill bytes
        ] as [[UInt8]])
    func jpegWithoutFrameHeader(_ bytes: [UInt8]) {
        #expect(inspectionError(bytes) == damaged)
    }

    @Test("a WebP with an unknown first chunk or a broken VP8/VP8L header is damaged")
    func brokenWebP() {
        #expect(inspectionError(patched(ImageFixture.lossyWebP.bytes, at: 12, with: Array("VP8Z".utf8))) == damaged)
        #expect(inspectionError(patched(ImageFixture.lossyWebP.bytes, at: 23, with: [0x9D, 0x01, 0x2B])) == damaged)
        #expect(inspectionError(patched(ImageFixture.losslessWebP.bytes, at: 20, with: [0x2E])) == damaged)
        #expect(inspectionError(patched(ImageFixture.losslessWebP.bytes, at: 24, with: [0x20])) == damaged)  // version 1
    }

    @Test("reads the largest VP8L and the ignored VP8 scaling bits")
    func webPBitFields() throws {
        // VP8L: 14 bits of width - 1 and height - 1, all ones, with the alpha bit set.
        let lossless = patched(ImageFixture.losslessWebP.bytes, at: 21, with: [0xFF, 0xFF, 0xFF, 0x1F])
        #expect(try ImageInspection.inspect(lossless, maximumPixels: .max) == ImageInfo(format: .webp, width: 16384, height: 16384))
        // VP8: width 3 and height 2, each with both scaling bits set.
        let lossy = patched(ImageFixture.lossyWebP.bytes, at: 26, with: [0x03, 0xC0, 0x02, 0xC0])
        #expect(try ImageInspection.inspect(lossy) == ImageInfo(format: .webp, width: 3, height: 2))
    }

    @Test("a zero width or height is damaged")
    func zeroSize() {
        #expect(inspectionError(patched(ImageFixture.png.bytes, at: 16, with: [0, 0, 0, 0])) == damaged)
        #expect(inspectionError(patched(ImageFixture.gif.bytes, at: 8, with: [0, 0])) == damaged)
        #expect(inspectionError(patched(ImageFixture.jpeg.bytes, at: 165, with: [0, 0])) == damaged)
        #expect(inspectionError(patched(ImageFixture.jpeg.bytes, at: 163, with: [0, 0])) == damaged)  // height left to a DNL segment
        #expect(inspectionError(patched(ImageFixture.lossyWebP.bytes, at: 26, with: [0x00, 0xC0])) == damaged)
    }

    @Test("accepts 30000 pixels on a side and refuses more")
    func sizeLimit() throws {
        let png = patched(ImageFixture.png.bytes, at: 16, with: [0, 0, 0x75, 0x30])
        #expect(try ImageInspection.inspect(png) == ImageInfo(format: .png, width: 30_000, height: 2))
        #expect(inspectionError(patched(ImageFixture.png.bytes, at: 16, with: [0, 0, 0x75, 0x31])) == tooLarge)
        #expect(inspectionError(patched(ImageFixture.png.bytes, at: 20, with: [0xFF, 0xFF, 0xFF, 0xFF])) == tooLarge)
        #expect(inspectionError(patched(ImageFixture.gif.bytes, at: 6, with: [0xFF, 0xFF])) == tooLarge)
        #expect(inspectionError(patched(ImageFixture.jpeg.bytes, at: 163, with: [0x75, 0x31])) == tooLarge)
        #expect(inspectionError(patched(ImageFixture.extendedWebP.bytes, at: 24, with: [0x30, 0x75, 0x00])) == tooLarge)
        let webP = patched(ImageFixture.extendedWebP.bytes, at: 27, with: [0x2F, 0x75, 0x00])
        #expect(try ImageInspection.inspect(webP) == ImageInfo(format: .webp, width: 3, height: 30_000))
    }

    @Test("refuses more pixels than the limit from the header alone: a 20,000 × 20,000 bomb, and 10 × 10 under a limit of 99")
    func pixelLimit() throws {
        let bomb = patched(ImageFixture.png.bytes, at: 16, with: [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20])
        #expect(
            inspectionError(bomb)?.message
                == "This image is 20000 × 20000 pixels, 400 megapixels; the limit is 100. Make it smaller and upload it again.")
        let small = patched(ImageFixture.png.bytes, at: 16, with: [0, 0, 0, 10, 0, 0, 0, 10])
        #expect(try ImageInspection.inspect(small, maximumPixels: 100) == ImageInfo(format: .png, width: 10, height: 10))
        #expect(throws: ValidationError.self) { try ImageInspection.inspect(small, maximumPixels: 99) }
    }

    @Test("names the media type and file extension of each format")
    func formatNames() {
        #expect(ImageFormat.allCases.map(\.contentType) == ["image/jpeg", "image/png", "image/gif", "image/webp"])
        #expect(ImageFormat.allCases.map(\.fileExtension) == ["jpg", "png", "gif", "webp"])
    }
}
