import Benchmark
import Foundation
import KioskCore
import KioskDemo
import KioskRender
import KioskSQLite
import KioskStore

/// The micro-benchmarks, one per component: page rendering, Markdown, store reads. Run them with `bench/micro`.
let benchmarks: @Sendable () -> Void = {
    // Each sample times 1,000 calls, since Linux counts CPU time in 10 ms scheduler ticks;
    // the table divides by 1,000 and shows the figures of one call (marked `*`).
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 100
    )

    Benchmark("Render articlePage", closure: { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(fixture.renderer.articlePage(fixture.article, site: fixture.site, bodyImages: [:]))
        }
    }, setup: Fixture.shared)

    Benchmark("Render frontPage", closure: { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(fixture.renderer.frontPage(fixture.front, site: fixture.site))
        }
    }, setup: Fixture.shared)

    Benchmark("Markdown render", closure: { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(MarkdownRenderer().render(fixture.markdown))
        }
    }, setup: Fixture.shared)

    Benchmark("Store articlePage", closure: { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.store.articlePage(fixture.slug, relatedLimit: Fixture.relatedLimit))
        }
    }, setup: Fixture.shared)

    Benchmark("Store latest", closure: { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.store.latest(fixture.latestPage))
        }
    }, setup: Fixture.shared)

    Benchmark("Store siteContext", closure: { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.store.siteContext())
        }
    }, setup: Fixture.shared)
}

/// What the benchmarks work on: the demo publication seeded into a temporary SQLite store, with one article's page data read beforehand.
struct Fixture: Sendable {
    /// The article whose page is measured, the same as in `bench/run`: in a series, with 4 related stories and a top image.
    static let articleSlug = "statecraft-red-sea-underwriters-return"
    /// How many related stories an article page asks for, as the public site does.
    static let relatedLimit = 4
    /// How many stories the front page and each Latest page show, as on the public site.
    static let pageSize = 12
    /// The public address links are built from.
    static let publicURL = "https://meridian.example"
    /// The default theme, found from this file so the benchmarks run from any directory.
    static let themeDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes/default").path
    /// This process's temporary folder for the database and media; removed when the process exits.
    static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("kiosk-micro-\(ProcessInfo.processInfo.processIdentifier)")
    /// The fixture of this process, made once on first use (package-benchmark runs each benchmark in a process of its own).
    static let made = Task { try await Fixture() }

    /// The seeded store.
    let store: SQLiteStore
    /// The renderer over the default theme.
    let renderer: PageRenderer
    /// The site settings and sections, as every page reads them.
    let site: SiteContext
    /// Everything the measured article's page shows.
    let article: ArticleDetail
    /// The lead story and the stories after it.
    let front: FrontPage
    /// The measured article's slug.
    let slug: Slug
    /// The first Latest page.
    let latestPage: PageRequest
    /// The measured article's Markdown body (2,016 bytes).
    let markdown: String

    /// The fixture, seeding the store the first time it is asked for in this process.
    static func shared() async throws -> Fixture {
        try await made.value
    }

    /// Seeds the demo publication into `folder` and reads what the render benchmarks need.
    private init() async throws {
        atexit { try? FileManager.default.removeItem(at: Fixture.folder) }
        store = try SQLiteStore.open(path: Self.folder.appendingPathComponent("kiosk.sqlite").path)
        try await DemoSeeder(store: store).seed(now: Date())
        renderer = PageRenderer(theme: try Theme(directory: Self.themeDirectory), publicURL: Self.publicURL)
        site = try await store.siteContext()
        slug = try Slug(Self.articleSlug)
        guard case .found(let detail) = try await store.articlePage(slug, relatedLimit: Self.relatedLimit) else {
            throw FixtureError(description: "no published article at \(Self.articleSlug)")
        }
        article = detail
        front = try await store.frontPage(latestCount: Self.pageSize)
        latestPage = PageRequest(number: 1, size: Self.pageSize)!
        markdown = detail.article.content.body.markdown
    }
}

/// A fixture that could not be built as expected.
struct FixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
}
