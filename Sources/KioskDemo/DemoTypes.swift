import KioskCore

/// One article of the demo publication, written by us, in the shape the seeder saves.
struct DemoArticle: Sendable {
    /// URL slug, lowercase words joined by hyphens.
    let slug: String
    /// Headline.
    let title: String
    /// Standfirst shown under the headline and used as meta description.
    let dek: String
    /// Editorial format shown in the kicker.
    let format: ArticleFormat
    /// Slug of the primary section.
    let section: String
    /// Slugs of the topics (tags).
    let topics: [String]
    /// Slug of the series (recurring column), if any.
    let series: String?
    /// Slugs of the authors, in byline order.
    let authors: [String]
    /// How many days before seeding the article was published (0...90).
    let daysAgo: Int
    /// The generated top illustration.
    let image: DemoImage
    /// A second illustration, shown in the text as a figure after the second paragraph.
    var figure: DemoImage? = nil
    /// Markdown body.
    let body: String
}

/// The drawing style of a generated demo illustration.
enum DemoMotif: String, Sendable, CaseIterable {
    /// A stylised coastline and sea lanes.
    case coastline
    /// City rooftops against the sky.
    case skyline
    /// Concentric rings, like ripples or radar sweeps.
    case rings
    /// Rows of columns, like a parliament or a court.
    case columns
    /// Rolling hills and a road.
    case hills
    /// A grid of lit windows.
    case windows
}

/// The top illustration of a demo article: what it shows and who is credited.
struct DemoImage: Sendable {
    /// What the generator draws.
    let motif: DemoMotif
    /// Caption printed under the image.
    let caption: String
    /// Credit line, e.g. "Illustration: Name / The Meridian".
    let credit: String
}

/// A demo author with a short biography.
struct DemoAuthor: Sendable {
    let slug: String
    let name: String
    let bio: String
    /// Social profiles as (label, URL) pairs.
    let links: [(label: String, url: String)]
}

/// A demo section, topic or series: slug, name and description.
struct DemoTerm: Sendable {
    let slug: String
    let name: String
    let description: String
}
