import CKioskImaging
import KioskCore

/// A failure reported by libvips, with its message.
public struct ImagingError: Error, CustomStringConvertible {
    /// What libvips said, in one line.
    public let description: String

    /// A failure described by `description`.
    public init(description: String) {
        self.description = description
    }
}

/// What libvips reads from an image's header, before decoding any pixel.
public struct ImageHeader: Sendable, Hashable {
    /// The width as displayed, after the EXIF orientation.
    public let width: Int
    /// The height as displayed, after the EXIF orientation.
    public let height: Int
    /// The number of pages or animation frames.
    public let pages: Int
    /// Whether the image has an alpha band.
    public let hasAlpha: Bool
    /// The loader libvips picked from the bytes, such as "jpegload_buffer".
    public let loader: String
}

/// Image decoding and encoding through libvips, started once per process with every loader
/// blocked except JPEG, PNG, WebP and GIF. Calls block their thread: run them off the event loops.
public enum Imaging {
    /// The message libvips gave when it could not start, or `nil` once started.
    private static let startFailure: String? = {
        var error = [CChar](repeating: 0, count: 512)
        return kiosk_imaging_start(1, &error, error.count) == 0 ? nil : message(error)
    }()

    /// Whether this machine's libvips writes AVIF, tried once.
    public static let canEncodeAVIF: Bool = {
        guard startFailure == nil else { return false }
        return kiosk_imaging_can_encode_avif() != 0
    }()

    /// Also lets libvips read SVG: only for drawings Kiosk made itself (the demo's), never uploads.
    public static func allowSVG() throws(ImagingError) {
        try started()
        kiosk_imaging_allow_svg()
    }

    /// Reads the header of the image in `bytes`.
    public static func header(of bytes: [UInt8]) throws(ImagingError) -> ImageHeader {
        try started()
        var header = kiosk_image_header()
        var error = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBytes { kiosk_imaging_read_header($0.baseAddress, $0.count, &header, &error, error.count) }
        guard status == 0 else { throw ImagingError(description: message(error)) }
        let loader = withUnsafeBytes(of: header.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return ImageHeader(width: Int(header.width), height: Int(header.height), pages: Int(header.pages), hasAlpha: header.has_alpha != 0, loader: loader)
    }

    /// Makes `rendition` of the image in `bytes` with its focal point at `focus`: oriented,
    /// in sRGB, without metadata.
    public static func render(_ bytes: [UInt8], as rendition: Rendition, focus: FocalPoint) throws(ImagingError) -> [UInt8] {
        try started()
        var request = kiosk_rendition_request(
            width: Int32(rendition.width), height: Int32(rendition.height), focus_x: focus.x, focus_y: focus.y,
            encoding: rendition.encoding.libvipsEncoding, quality: Int32(rendition.encoding.quality), effort: 0)
        var output: UnsafeMutableRawPointer?
        var length = 0
        var error = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBytes { kiosk_imaging_render($0.baseAddress, $0.count, &request, &output, &length, &error, error.count) }
        guard status == 0, let output else { throw ImagingError(description: message(error)) }
        defer { kiosk_imaging_free(output) }
        let bytes = Array(UnsafeRawBufferPointer(start: output, count: length))
        guard rendition.encoding == .webp else { return bytes }
        guard let stripped = WebPMetadata.stripped(bytes) else { throw ImagingError(description: "libvips wrote a WebP file Kiosk cannot read back.") }
        return stripped
    }

    /// Gives the calling thread the lowest scheduling priority, so that work on it takes only the
    /// processor time other threads leave.
    public static func lowerThisThreadPriority() {
        kiosk_imaging_lower_thread_priority()
    }

    /// The text the C wrappers wrote into `buffer`, up to its terminating zero.
    private static func message(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws why libvips could not start, if it could not.
    private static func started() throws(ImagingError) {
        if let startFailure { throw ImagingError(description: startFailure) }
    }
}

extension RenditionEncoding {
    /// The encoding's number in the C wrappers.
    var libvipsEncoding: kiosk_encoding {
        switch self {
        case .jpeg: KIOSK_ENCODING_JPEG
        case .png: KIOSK_ENCODING_PNG
        case .webp: KIOSK_ENCODING_WEBP
        case .avif: KIOSK_ENCODING_AVIF
        }
    }
}
