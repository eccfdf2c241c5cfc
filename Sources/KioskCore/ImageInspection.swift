/// An image file type Kiosk accepts for upload.
public enum ImageFormat: String, Sendable, CaseIterable {
    /// The accepted types; the raw value is the lowercase name.
    case jpeg, png, gif, webp

    /// The media type the image is served with, e.g. "image/jpeg".
    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        }
    }

    /// The file name extension the image is stored under, without the dot, e.g. "jpg".
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        }
    }
}

/// The type and pixel size of an image, as read from its bytes.
public struct ImageInfo: Sendable, Hashable {
    /// The file type, decided by the file's signature.
    public let format: ImageFormat
    /// The width in pixels, between 1 and `ImageInspection.maximumSide`.
    public let width: Int
    /// The height in pixels, between 1 and `ImageInspection.maximumSide`.
    public let height: Int

    /// Describes a `width` × `height` image of type `format`.
    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }
}

/// Reads the type and pixel size of an uploaded image from its bytes alone, never from its file name.
public enum ImageInspection {
    /// The largest width or height accepted, in pixels.
    public static let maximumSide = 30_000

    /// The most pixels an image may have unless configured otherwise: 100 megapixels.
    public static let defaultMaximumPixels = 100_000_000

    /// Reads the format and size from the header of the image in `bytes`, or throws a `ValidationError` for the field "file";
    /// an image of more than `maximumPixels` pixels is refused before anything decodes it.
    public static func inspect(_ bytes: some RandomAccessCollection<UInt8>, maximumPixels: Int = defaultMaximumPixels) throws(ValidationError) -> ImageInfo {
        let header = ImageHeader(bytes: bytes)
        guard let format = header.format else {
            throw ValidationError(field: "file", message: "This file is not a JPEG, PNG, WebP or GIF image.")
        }
        let size = switch format {
        case .jpeg: header.jpegSize
        case .png: header.pngSize
        case .gif: header.gifSize
        case .webp: header.webpSize
        }
        guard let size, size.width > 0, size.height > 0 else {
            throw ValidationError(field: "file", message: "This image is damaged: its size cannot be read.")
        }
        guard size.width <= maximumSide, size.height <= maximumSide else {
            throw ValidationError(field: "file", message: "This image is larger than \(maximumSide) pixels on a side.")
        }
        guard size.width * size.height <= maximumPixels else {
            throw ValidationError(
                field: "file",
                message: "This image is \(size.width) × \(size.height) pixels, \(megapixels(size.width * size.height)) megapixels; "
                    + "the limit is \(megapixels(maximumPixels)). Make it smaller and upload it again.")
        }
        return ImageInfo(format: format, width: size.width, height: size.height)
    }
}

/// `pixels` in megapixels, with one decimal when under ten.
private func megapixels(_ pixels: Int) -> String {
    pixels < 10_000_000 ? String(Double(pixels / 100_000) / 10) : String(pixels / 1_000_000)
}

/// The start of an image file, read in place: every value is `nil` when the bytes end before it.
private struct ImageHeader<Bytes: RandomAccessCollection<UInt8>> {
    let bytes: Bytes

    /// The format named by the file's signature.
    var format: ImageFormat? {
        if matches([0xFF, 0xD8, 0xFF], at: 0) { return .jpeg }
        if matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) { return .png }
        if matches(ascii: "GIF87a", at: 0) || matches(ascii: "GIF89a", at: 0) { return .gif }
        if matches(ascii: "RIFF", at: 0), matches(ascii: "WEBP", at: 8) { return .webp }
        return nil
    }

    /// The size in the IHDR chunk, which must come first, right after the signature.
    var pngSize: (width: Int, height: Int)? {
        guard bigEndian(at: 8, size: 4) == 13, matches(ascii: "IHDR", at: 12),
              let width = bigEndian(at: 16, size: 4), let height = bigEndian(at: 20, size: 4)
        else { return nil }
        return (width, height)
    }

    /// The logical screen size that follows the signature.
    var gifSize: (width: Int, height: Int)? {
        guard let width = littleEndian(at: 6, size: 2), let height = littleEndian(at: 8, size: 2) else { return nil }
        return (width, height)
    }

    /// The size in the first frame header (SOF0–SOF15 except DHT, JPG and DAC), found by walking the marker segments.
    var jpegSize: (width: Int, height: Int)? {
        var offset = 2
        while true {
            guard byte(at: offset) == 0xFF else { return nil }
            offset += 1
            while byte(at: offset) == 0xFF { offset += 1 }
            guard let marker = byte(at: offset) else { return nil }
            offset += 1
            switch marker {
            case 0x01, 0xD0...0xD8:
                continue  // TEM, RST0–RST7 and SOI stand alone, without a length
            case 0x00, 0xD9, 0xDA:
                return nil  // a stuffed byte, the end of the image or the image data, all before any frame header
            default:
                guard let length = bigEndian(at: offset, size: 2), length >= 2 else { return nil }
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    // length (2), sample precision (1), height (2), width (2)
                    guard let height = bigEndian(at: offset + 3, size: 2), let width = bigEndian(at: offset + 5, size: 2)
                    else { return nil }
                    return (width, height)
                }
                offset += length
            }
        }
    }

    /// The size in the first chunk after "RIFF", the file size and "WEBP": VP8 (lossy), VP8L (lossless) or VP8X (extended).
    var webpSize: (width: Int, height: Int)? {
        let chunk = 20
        if matches(ascii: "VP8 ", at: 12) {
            // a 3-byte frame tag, the key frame start code, then 14-bit width and height with 2 scaling bits each
            guard matches([0x9D, 0x01, 0x2A], at: chunk + 3),
                  let width = littleEndian(at: chunk + 6, size: 2), let height = littleEndian(at: chunk + 8, size: 2)
            else { return nil }
            return (width & 0x3FFF, height & 0x3FFF)
        }
        if matches(ascii: "VP8L", at: 12) {
            // the signature 0x2F, then 14 bits width - 1, 14 bits height - 1, 1 alpha bit and a 3-bit version that must be 0
            guard byte(at: chunk) == 0x2F, let bits = littleEndian(at: chunk + 1, size: 4), bits >> 29 == 0 else { return nil }
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        if matches(ascii: "VP8X", at: 12) {
            // 1 byte of flags, 3 reserved bytes, then 24-bit canvas width - 1 and height - 1
            guard let width = littleEndian(at: chunk + 4, size: 3), let height = littleEndian(at: chunk + 7, size: 3) else { return nil }
            return (width + 1, height + 1)
        }
        return nil
    }

    private func byte(at offset: Int) -> UInt8? {
        guard offset < bytes.count else { return nil }
        return bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
    }

    private func bigEndian(at offset: Int, size: Int) -> Int? {
        var value = 0
        for position in offset..<offset + size {
            guard let byte = byte(at: position) else { return nil }
            value = (value << 8) | Int(byte)
        }
        return value
    }

    private func littleEndian(at offset: Int, size: Int) -> Int? {
        var value = 0
        for position in (offset..<offset + size).reversed() {
            guard let byte = byte(at: position) else { return nil }
            value = (value << 8) | Int(byte)
        }
        return value
    }

    private func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        expected.indices.allSatisfy { byte(at: offset + $0) == expected[$0] }
    }

    private func matches(ascii text: String, at offset: Int) -> Bool {
        matches(Array(text.utf8), at: offset)
    }
}
