import KioskCore
import Testing

/// The renditions planned for an image: widths, types, crops, and names that change only with their inputs.
@Suite("Rendition plans")
struct RenditionPlanTests {
    func media(_ width: Int, _ height: Int, type: String = "image/jpeg", focus: FocalPoint = .centre) -> Media {
        Media(
            id: .init(1), fileName: "0123456789abcdef0123456789abcdef.jpg", contentType: type, width: width, height: height, alt: "A photo",
            caption: "", credit: "", focus: focus)
    }

    @Test("widths narrower than the original and the original's own, each once, up to 1920", arguments: [
        (4000, [320, 640, 960, 1280, 1920]), (1920, [320, 640, 960, 1280, 1920]), (1000, [320, 640, 960, 1000]), (200, [200]),
    ])
    func widths(original: Int, expected: [Int]) {
        let plan = RenditionPlan(media: media(original, original / 2), avif: true)
        for encoding in [RenditionEncoding.avif, .webp, .jpeg] {
            #expect(plan.sizes[encoding]?.map(\.width) == expected, "\(encoding)")
        }
        #expect(plan.largest.width == expected.last)
        #expect(Set(plan.all.map(\.name)).count == plan.all.count, "no rendition planned twice")
    }

    @Test("heights keep the aspect ratio; PNG and GIF originals fall back to PNG, the rest to JPEG; no AVIF without it")
    func typesAndHeights() {
        let plan = RenditionPlan(media: media(3000, 2000), avif: false)
        #expect(plan.sizes[.jpeg]?.map(\.height) == [213, 427, 640, 853, 1280])
        #expect(plan.sizes[.avif] == nil && plan.fallback == .jpeg)
        #expect(RenditionPlan(media: media(800, 600, type: "image/png"), avif: true).fallback == .png)
        #expect(RenditionPlan(media: media(800, 600, type: "image/gif"), avif: true).fallback == .png)
    }

    @Test("the crops are JPEG at 1200 pixels wide and move with the focal point; resized copies do not")
    func crops() throws {
        let centred = RenditionPlan(media: media(3000, 2000), avif: true)
        let moved = RenditionPlan(media: media(3000, 2000, focus: try FocalPoint(x: 0.1, y: 0.9)), avif: true)
        #expect(CropShape.allCases.compactMap { centred.crops[$0] }.map { "\($0.width)x\($0.height) \($0.encoding)" }
            == ["1200x675 jpeg", "1200x900 jpeg", "1200x1200 jpeg", "1200x630 jpeg"])
        for shape in CropShape.allCases {
            #expect(centred.crops[shape]?.name != moved.crops[shape]?.name)
        }
        #expect(centred.sizes == moved.sizes)
        #expect(centred.key != moved.key)
        #expect(centred.key != RenditionPlan(media: media(3000, 2000), avif: false).key)
    }

    @Test("a focal point outside the image is refused")
    func focalPointBounds() {
        #expect(throws: ValidationError.self) { try FocalPoint(x: 1.01, y: 0.5) }
        #expect(throws: ValidationError.self) { try FocalPoint(x: 0.5, y: -0.1) }
    }

    @Test("the made plan is found again from its key, with or without AVIF; another focal point's is not")
    func madePlan() throws {
        var image = media(3000, 2000)
        let plan = RenditionPlan(media: image, avif: false)
        image.renditionsMade = plan.key
        #expect(image.madeRenditions == plan)
        image.focus = try FocalPoint(x: 0.2, y: 0.2)
        #expect(image.madeRenditions == nil)
        #expect(image.path(atLeast: 640) == "/media/0123456789abcdef0123456789abcdef.jpg", "the original's address until made")
    }
}
