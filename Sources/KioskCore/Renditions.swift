/// Where the subject of an image is, as fractions of its displayed width and height from the top
/// left corner; crops keep it in view.
public struct FocalPoint: Hashable, Sendable {
    /// The centre of the image, the focal point until an editor moves it.
    public static let centre = FocalPoint(uncheckedX: 0.5, y: 0.5)

    /// Across, from 0 (left edge) to 1 (right edge).
    public let x: Double
    /// Down, from 0 (top edge) to 1 (bottom edge).
    public let y: Double

    /// A focal point, refused with a message unless both fractions are between 0 and 1.
    public init(x: Double, y: Double) throws(ValidationError) {
        guard (0...1).contains(x), (0...1).contains(y) else {
            throw ValidationError(field: "focus", message: "The focal point must lie inside the image.")
        }
        self.init(uncheckedX: x, y: y)
    }

    /// A focal point read back from the store, which only ever holds checked ones.
    public init(uncheckedX x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The file types renditions are written in.
public enum RenditionEncoding: String, Sendable, CaseIterable {
    /// The types; the raw value is the file name extension.
    case avif, webp, jpeg = "jpg", png

    /// The media type the rendition is served with.
    public var contentType: String {
        switch self {
        case .avif: "image/avif"
        case .webp: "image/webp"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// The encoder's quality setting: good enough that nobody sees the difference at the size shown.
    public var quality: Int {
        switch self {
        case .avif: 50
        case .webp: 75
        case .jpeg: 80
        case .png: 100
        }
    }
}

/// One stripped, resized (and perhaps cropped) copy of an image, served instead of the original.
public struct Rendition: Hashable, Sendable {
    /// The file name it is served under, below `/media/r/`: a hash of everything it is made from.
    public let name: String
    /// Its width in pixels.
    public let width: Int
    /// Its height in pixels.
    public let height: Int
    /// Its file type.
    public let encoding: RenditionEncoding

    /// Describes a rendition named `name`.
    public init(name: String, width: Int, height: Int, encoding: RenditionEncoding) {
        self.name = name
        self.width = width
        self.height = height
        self.encoding = encoding
    }

    /// The address it is served at on the site.
    public var path: String { "/media/r/\(name)" }
}

/// The shapes of the crops made of every image: the three aspect ratios search engines ask for
/// in articles' structured data, and the card social networks show for a shared link.
public enum CropShape: String, Sendable, CaseIterable {
    /// 16:9, 4:3 and 1:1 at 1,200 pixels wide; the share card at 1,200 × 630.
    case wide, standard, square, card

    /// The crop's size in pixels.
    public var size: (width: Int, height: Int) {
        switch self {
        case .wide: (1200, 675)
        case .standard: (1200, 900)
        case .square: (1200, 1200)
        case .card: (1200, 630)
        }
    }
}

/// Every rendition Kiosk makes of one image, and the names they are served under. The names hash
/// the original's name (itself a hash of its bytes), the focal point, the size and the type, so
/// that moving the focal point gives new addresses despite year-long cache lifetimes.
public struct RenditionPlan: Hashable, Sendable {
    /// Changes whenever the way renditions are made changes, so that every image is made again.
    public static let recipe = 1
    /// The widths made for pages to choose from (those narrower than the original, and the original's width).
    public static let widths = [320, 640, 960, 1280, 1920]

    /// Identifies this set of renditions: the store records it once they are all made.
    public let key: String
    /// The resized copies for `srcset`, narrowest first, in each type: AVIF (when made), WebP, and JPEG or PNG.
    public let sizes: [RenditionEncoding: [Rendition]]
    /// The type every browser and mail program shows: PNG for graphics (PNG and GIF originals), JPEG otherwise.
    public let fallback: RenditionEncoding
    /// The JPEG crops, by shape.
    public let crops: [CropShape: Rendition]

    /// The plan for `media`; with `avif` false no AVIF copies are planned.
    public init(media: Media, avif: Bool) {
        let stem = media.fileName.split(separator: ".").first.map(String.init) ?? media.fileName
        let focus = "\(media.focus.x),\(media.focus.y)"
        func rendition(_ width: Int, _ height: Int, _ encoding: RenditionEncoding, cropped: Bool) -> Rendition {
            let inputs = "\(Self.recipe)|\(media.fileName)|\(cropped ? focus : "")|\(width)x\(height)|\(encoding.rawValue)"
            let name = "\(stem.prefix(12))-\(width)x\(height)-\(Self.hash(inputs)).\(encoding.rawValue)"
            return Rendition(name: name, width: width, height: height, encoding: encoding)
        }
        fallback = media.contentType == "image/png" || media.contentType == "image/gif" ? .png : .jpeg
        let widest = min(media.width, Self.widths.last!)
        let widths = Self.widths.filter { $0 < widest } + [widest]
        var sizes: [RenditionEncoding: [Rendition]] = [:]
        for encoding in (avif ? [.avif, .webp] : [.webp]) + [fallback] {
            sizes[encoding] = widths.map { width in
                rendition(width, max(1, (media.height * width + media.width / 2) / media.width), encoding, cropped: false)
            }
        }
        self.sizes = sizes
        var crops: [CropShape: Rendition] = [:]
        for shape in CropShape.allCases {
            crops[shape] = rendition(shape.size.width, shape.size.height, .jpeg, cropped: true)
        }
        self.crops = crops
        key = Self.key(focus: media.focus, avif: avif)
    }

    /// The key of the plan for an image with its subject at `focus`, with or without AVIF.
    public static func key(focus: FocalPoint, avif: Bool) -> String {
        "\(recipe)-\(avif ? "avif" : "plain")-\(hash("\(focus.x),\(focus.y)"))"
    }

    /// Every rendition in the plan, in the order they are made (the fallback sizes first, so that
    /// the original's address can point somewhere as soon as possible).
    public var all: [Rendition] {
        let order: [RenditionEncoding] = [fallback, .webp, .avif]
        return order.flatMap { sizes[$0] ?? [] } + CropShape.allCases.compactMap { crops[$0] }
    }

    /// The widest copy of the fallback type: where the original's public address leads.
    public var largest: Rendition { sizes[fallback]!.last! }

    /// The fallback copy at least `width` wide (or the widest there is).
    public func fallback(atLeast width: Int) -> Rendition {
        let copies = sizes[fallback]!
        return copies.first { $0.width >= width } ?? copies.last!
    }

    /// 64-bit FNV-1a of `text`, in 16 hexadecimal digits: the inputs are Kiosk's own, so a fast
    /// non-cryptographic hash is enough to tell them apart.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension Media {
    /// The plan whose renditions are all made, or `nil` while they are not (or were made for an
    /// earlier focal point and the new ones are under way): pages then use the original's address,
    /// which leads readers to a rendition.
    public var madeRenditions: RenditionPlan? {
        renditionsMade.flatMap(plan(keyed:))
    }

    /// The plan, with or without AVIF, whose key is `key`; `nil` when neither is (another recipe,
    /// or another focal point).
    public func plan(keyed key: String) -> RenditionPlan? {
        let avif = key == RenditionPlan.key(focus: focus, avif: true)
        guard avif || key == RenditionPlan.key(focus: focus, avif: false) else { return nil }
        return RenditionPlan(media: self, avif: avif)
    }

    /// The address of the image for readers at about `width` pixels: the fallback rendition at
    /// least that wide, or the original's address while none is made.
    public func path(atLeast width: Int) -> String {
        madeRenditions?.fallback(atLeast: width).path ?? SitePaths.media(fileName)
    }
}
