/// Draws the demo publication's illustrations as SVG, deterministically from a seed.
///
/// Each drawing is 1200×675 and described by the alt text it returns, so the alt always
/// says what is really in the picture.
struct DemoIllustrator {
    /// Width of every illustration in pixels.
    static let width = 1200
    /// Height of every illustration in pixels.
    static let height = 675

    private struct Palette {
        let name: String
        let sky: String
        let horizon: String
        let land: String
        let accent: String
        let ink: String
    }

    private static let palettes = [
        Palette(name: "dusk blue and amber", sky: "#1f3a5f", horizon: "#f2a65a", land: "#2b2d42", accent: "#f6d186", ink: "#0d1b2a"),
        Palette(name: "sea green and sand", sky: "#2a9d8f", horizon: "#e9c46a", land: "#264653", accent: "#f4a261", ink: "#1b3a40"),
        Palette(name: "brick red and cream", sky: "#9d0208", horizon: "#ffddb0", land: "#370617", accent: "#faa307", ink: "#1a0307"),
        Palette(name: "slate and mint", sky: "#3d5a80", horizon: "#98c1d9", land: "#293241", accent: "#e0fbfc", ink: "#141a24"),
        Palette(name: "olive and ochre", sky: "#606c38", horizon: "#fefae0", land: "#283618", accent: "#dda15e", ink: "#151c0c"),
        Palette(name: "violet and peach", sky: "#5e548e", horizon: "#f7c59f", land: "#231942", accent: "#e0b1cb", ink: "#120c22"),
    ]

    /// The SVG document and its alt text for `motif`, varied by `seed`.
    func draw(_ motif: DemoMotif, seed: String) -> (svg: String, alt: String) {
        var random = SeededRandom(seed: seed)
        let palette = Self.palettes[random.next(below: Self.palettes.count)]
        let shapes: String
        let subject: String
        switch motif {
        case .coastline:
            shapes = coastline(palette, &random)
            subject = "a stylised coastline with dotted shipping lanes crossing the sea"
        case .skyline:
            shapes = skyline(palette, &random)
            subject = "city rooftops and towers silhouetted against a low sun"
        case .rings:
            shapes = rings(palette, &random)
            subject = "concentric rings spreading outward like a radar sweep"
        case .columns:
            shapes = columns(palette, &random)
            subject = "a row of classical columns under a triangular pediment"
        case .hills:
            shapes = hills(palette, &random)
            subject = "layered rolling hills with a road winding towards the horizon"
        case .windows:
            shapes = windows(palette, &random)
            subject = "the facade of an office block with a scattering of lit windows at night"
        }
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)">
            <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stop-color="\(palette.sky)"/><stop offset="1" stop-color="\(palette.horizon)"/>
            </linearGradient></defs>
            <rect width="\(Self.width)" height="\(Self.height)" fill="url(#sky)"/>
            \(shapes)
            </svg>

            """
        return (svg, "Illustration: \(subject), in \(palette.name) tones.")
    }

    /// The publication's logo: a meridian line through a globe, on a transparent background.
    func logo() -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <circle cx="32" cy="32" r="27" fill="none" stroke="#a4161a" stroke-width="5"/>
        <ellipse cx="32" cy="32" rx="11" ry="27" fill="none" stroke="#1b1b1f" stroke-width="3"/>
        <line x1="32" y1="3" x2="32" y2="61" stroke="#1b1b1f" stroke-width="3"/>
        <line x1="6" y1="32" x2="58" y2="32" stroke="#1b1b1f" stroke-width="2"/>
        </svg>

        """
    }

    private func coastline(_ palette: Palette, _ random: inout SeededRandom) -> String {
        var points = "0,675 0,\(300 + random.next(below: 80))"
        var x = 0
        while x < 700 {
            x += 40 + random.next(below: 60)
            points += " \(x),\(260 + random.next(below: 200))"
        }
        points += " \(x + 60),675"
        var lanes = ""
        for lane in 0..<3 {
            let y = 380 + lane * 80 + random.next(below: 30)
            lanes += "<path d=\"M\(x - 100) \(y) C \(x + 150) \(y - 60), \(x + 300) \(y + 60), 1200 \(y - 20)\" fill=\"none\" stroke=\"\(palette.accent)\" stroke-width=\"4\" stroke-dasharray=\"12 14\"/>"
        }
        return "<rect y=\"330\" width=\"1200\" height=\"345\" fill=\"\(palette.ink)\" opacity=\"0.55\"/><polygon points=\"\(points)\" fill=\"\(palette.land)\"/>\(lanes)"
    }

    private func skyline(_ palette: Palette, _ random: inout SeededRandom) -> String {
        var shapes = "<circle cx=\"\(300 + random.next(below: 600))\" cy=\"430\" r=\"110\" fill=\"\(palette.accent)\" opacity=\"0.85\"/>"
        var x = 0
        while x < 1200 {
            let width = 50 + random.next(below: 90)
            let height = 120 + random.next(below: 300)
            shapes += "<rect x=\"\(x)\" y=\"\(675 - height)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(palette.land)\"/>"
            if random.next(below: 3) == 0 {
                shapes += "<rect x=\"\(x + width / 2 - 3)\" y=\"\(675 - height - 60)\" width=\"6\" height=\"60\" fill=\"\(palette.land)\"/>"
            }
            x += width + random.next(below: 12)
        }
        return shapes
    }

    private func rings(_ palette: Palette, _ random: inout SeededRandom) -> String {
        let cx = 350 + random.next(below: 500)
        let cy = 250 + random.next(below: 200)
        var shapes = "<rect width=\"1200\" height=\"675\" fill=\"\(palette.ink)\" opacity=\"0.45\"/>"
        for ring in 1...9 {
            shapes += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(ring * 70)\" fill=\"none\" stroke=\"\(palette.accent)\" stroke-width=\"\(ring % 3 == 0 ? 5 : 2)\" opacity=\"\(String(format: 1.0 - Double(ring) * 0.08))\"/>"
        }
        shapes += "<path d=\"M\(cx) \(cy) L\(cx + 600) \(cy - 260) A 650 650 0 0 1 \(cx + 640) \(cy + 40) Z\" fill=\"\(palette.horizon)\" opacity=\"0.35\"/>"
        return shapes
    }

    private func columns(_ palette: Palette, _ random: inout SeededRandom) -> String {
        let count = 6 + random.next(below: 4)
        let left = 160
        let span = 880
        var shapes = "<polygon points=\"\(left - 40),260 600,120 \(left + span + 40),260\" fill=\"\(palette.land)\"/>"
        shapes += "<rect x=\"\(left - 40)\" y=\"260\" width=\"\(span + 80)\" height=\"30\" fill=\"\(palette.land)\"/>"
        for index in 0..<count {
            let x = left + index * span / (count - 1) - 22
            shapes += "<rect x=\"\(x)\" y=\"300\" width=\"44\" height=\"290\" fill=\"\(palette.accent)\"/>"
        }
        shapes += "<rect x=\"\(left - 60)\" y=\"590\" width=\"\(span + 120)\" height=\"30\" fill=\"\(palette.land)\"/><rect y=\"620\" width=\"1200\" height=\"55\" fill=\"\(palette.ink)\"/>"
        return shapes
    }

    private func hills(_ palette: Palette, _ random: inout SeededRandom) -> String {
        var shapes = ""
        let colours = [palette.accent, palette.sky, palette.land, palette.ink]
        for (layer, colour) in colours.enumerated() {
            let base = 330 + layer * 80
            let peak = base - 60 - random.next(below: 80)
            shapes += "<path d=\"M0 \(base) Q 300 \(peak) 600 \(base - 20) T 1200 \(base) V 675 H 0 Z\" fill=\"\(colour)\" opacity=\"0.9\"/>"
        }
        shapes += "<path d=\"M560 675 C 620 580, 520 520, 610 450\" stroke=\"\(palette.horizon)\" stroke-width=\"14\" fill=\"none\"/>"
        return shapes
    }

    private func windows(_ palette: Palette, _ random: inout SeededRandom) -> String {
        var shapes = "<rect width=\"1200\" height=\"675\" fill=\"\(palette.ink)\" opacity=\"0.8\"/><rect x=\"140\" y=\"60\" width=\"920\" height=\"615\" fill=\"\(palette.land)\"/>"
        for row in 0..<8 {
            for column in 0..<12 {
                let lit = random.next(below: 4) == 0
                shapes += "<rect x=\"\(170 + column * 74)\" y=\"\(90 + row * 72)\" width=\"48\" height=\"44\" fill=\"\(lit ? palette.accent : palette.ink)\" opacity=\"\(lit ? "0.95" : "0.6")\"/>"
            }
        }
        return shapes
    }
}

/// A small deterministic generator (SplitMix64) so the same slug always draws the same picture.
struct SeededRandom {
    private var state: UInt64

    init(seed: String) {
        state = 0x9E37_79B9_7F4A_7C15
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(bound))
    }
}

extension String {
    fileprivate init(format value: Double) {
        self = String(Double(Int(value * 100)) / 100)
    }
}
