import Foundation
import KioskCore
import KioskImaging
import Testing

/// libvips through the C wrappers, on the test images in `Tests/fixtures/images`.
struct ImagingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/images")

    static func image(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func rendition(_ width: Int, _ height: Int, _ encoding: RenditionEncoding) -> Rendition {
        Rendition(name: "test", width: width, height: height, encoding: encoding)
    }

    /// Whether `bytes` contain `text` anywhere.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.indices.dropLast(needle.count - 1).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func headerReportsTheDisplayedSizeAfterTheOrientation() throws {
        let header = try Imaging.header(of: try Self.image("photo-gps.jpg"))
        #expect(header.width == 1067)
        #expect(header.height == 1600)
        #expect(header.loader == "VipsForeignLoadJpegBuffer")
        #expect(!header.hasAlpha)
    }

    @Test func aRenditionIsUprightResizedAndCarriesNoMetadata() throws {
        let original = try Self.image("photo-gps.jpg")
        #expect(Self.contains(original, "Exif"))
        #expect(Self.contains(original, "CAM123456"))
        for encoding in [RenditionEncoding.jpeg, .webp] + (Imaging.canEncodeAVIF ? [.avif] : []) {
            let bytes = try Imaging.render(original, as: Self.rendition(320, 480, encoding), focus: .centre)
            if encoding == .avif {
                #expect(Self.contains(Array(bytes.prefix(32)), "ftypavif"))
            } else {
                let header = try Imaging.header(of: bytes)
                #expect(header.width == 320 && header.height == 480, "\(encoding)")
            }
            let leaks = ["Exif", "EXIF", "CAM123456", "Test Photographer", "ICCP", "ICC_PROFILE"].filter { Self.contains(bytes, $0) }
            #expect(leaks.isEmpty, "\(encoding) carries \(leaks)")
        }
    }

    @Test(arguments: ["cmyk.jpg", "deep.png", "anim.gif", "huge-icc.jpg", "big-exif.jpg", "transparent.png"])
    func awkwardImagesBecomePlainSRGBRenditions(name: String) throws {
        let original = try Self.image(name)
        for encoding in [RenditionEncoding.jpeg, .png, .webp] {
            let bytes = try Imaging.render(original, as: Self.rendition(64, 40, encoding), focus: .centre)
            let header = try Imaging.header(of: bytes)
            #expect(header.width == 64 && header.height == 40)
            #expect(header.pages == 1)
            let leaks = ["Exif", "EXIF", "ICCP", "iCCP", "ICC_PROFILE", "eXIf"].filter { Self.contains(bytes, $0) }
            #expect(leaks.isEmpty, "\(name) as \(encoding) carries \(leaks)")
            #expect(bytes.count < 20_000, "\(name) as \(encoding) is \(bytes.count) bytes")
        }
    }

    @Test func transparencyStaysInPNGAndIsFlattenedInJPEG() throws {
        let original = try Self.image("transparent.png")
        #expect(try Imaging.header(of: try Imaging.render(original, as: Self.rendition(150, 100, .png), focus: .centre)).hasAlpha)
        #expect(try !Imaging.header(of: try Imaging.render(original, as: Self.rendition(150, 100, .jpeg), focus: .centre)).hasAlpha)
    }

    @Test func theCropFollowsTheFocalPoint() throws {
        let original = try Self.image("photo-gps.jpg")
        let square = Self.rendition(100, 100, .png)
        let top = try Imaging.render(original, as: square, focus: FocalPoint(x: 0.5, y: 0))
        let bottom = try Imaging.render(original, as: square, focus: FocalPoint(x: 0.5, y: 1))
        let middle = try Imaging.render(original, as: square, focus: .centre)
        #expect(top != bottom && top != middle && bottom != middle)
    }

    @Test func aDecompressionBombIsMeasuredWithoutDecoding() throws {
        let header = try Imaging.header(of: try Self.image("bomb.png"))
        #expect(header.width == 20_000 && header.height == 20_000)
    }

    @Test func aTruncatedImageIsRefused() throws {
        let error = #expect(throws: ImagingError.self) {
            try Imaging.render(try Self.image("truncated.jpg"), as: Self.rendition(64, 64, .jpeg), focus: .centre)
        }
        #expect(error?.description.isEmpty == false)
    }

    @Test(arguments: ["pdf-named.jpg", "svg-named.jpg"])
    func documentsNamedLikeImagesAreRefused(name: String) throws {
        #expect(throws: ImagingError.self) { try Imaging.header(of: try Self.image(name)) }
        #expect(throws: ImagingError.self) { try Imaging.render(try Self.image(name), as: Self.rendition(64, 64, .jpeg), focus: .centre) }
    }
}
