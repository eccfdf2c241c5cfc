import Foundation
import KioskCore
import KioskDemo
import KioskRender
import KioskSQLite
import KioskStore

/// Command-line settings: the theme folder and how many runs to time.
struct Options {
    /// The theme folder; `Themes/default` under the current directory unless given.
    var themeDirectory = "Themes/default"
    /// Timed runs per measurement.
    var iterations = 5_000
    /// Untimed runs before each measurement, to fill caches and settle allocations.
    var warmUps = 500
    /// The letters (a, b, c, d) of the measurements to run; all of them unless `--only` narrows it, e.g. for a profiler.
    var only: Set<String> = ["a", "b", "c", "d"]

    /// Reads `arguments` (without the program name): `[theme-folder] [--iterations N] [--warm-ups N] [--only a,b,c,d]`.
    init(arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--iterations":
                iterations = Self.count(after: argument, in: &rest)
            case "--warm-ups":
                warmUps = Self.count(after: argument, in: &rest)
            case "--only":
                only = Self.letters(after: argument, in: &rest)
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default:
                guard !argument.hasPrefix("-") else { Self.fail("unknown option \(argument)") }
                themeDirectory = argument
            }
        }
    }

    /// How to call the benchmark.
    static let usage = "usage: KioskBench [theme-folder] [--iterations N] [--warm-ups N] [--only a,b,c,d]"

    /// The positive whole number following `option`, or exits with the usage.
    private static func count(after option: String, in rest: inout ArraySlice<String>) -> Int {
        guard let text = rest.popFirst(), let value = Int(text), value > 0 else { fail("\(option) needs a positive number") }
        return value
    }

    /// The comma-separated measurement letters following `option`, or exits with the usage.
    private static func letters(after option: String, in rest: inout ArraySlice<String>) -> Set<String> {
        let letters = Set((rest.popFirst() ?? "").split(separator: ",").map(String.init))
        guard !letters.isEmpty, letters.isSubset(of: ["a", "b", "c", "d"]) else { fail("\(option) needs letters from a,b,c,d") }
        return letters
    }

    /// Prints `message` and the usage to standard error and exits with status 2.
    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("KioskBench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}

/// The timings of one measurement, in microseconds per page.
struct Timings {
    /// What was measured.
    let name: String
    /// Every timed run in microseconds, fastest first.
    let samples: [Double]

    /// The middle run.
    var median: Double { percentile(50) }
    /// The run 90 % of runs are no slower than.
    var p90: Double { percentile(90) }
    /// The run 99 % of runs are no slower than.
    var p99: Double { percentile(99) }
    /// The average run.
    var mean: Double { samples.reduce(0, +) / Double(samples.count) }
    /// Pages per second one core manages at the median time.
    var pagesPerSecond: Double { 1_000_000 / median }

    /// The nearest-rank percentile: the smallest run that at least `percent` % of runs do not exceed.
    func percentile(_ percent: Double) -> Double {
        let rank = Int((percent / 100 * Double(samples.count)).rounded(.up))
        return samples[min(max(rank - 1, 0), samples.count - 1)]
    }
}

/// A benchmark set-up that did not go as expected.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
}

/// The article page benchmark: seeds the demo publication, then times fetching and rendering one article.
enum Benchmark {
    /// The article whose page is measured.
    static let articleSlug = "statecraft-red-sea-underwriters-return"
    /// How many related stories the article page asks for, as the public site does.
    static let relatedLimit = 4
    /// The public address links are built from; it only changes the length of a few URLs.
    static let publicURL = "https://meridian.example"

    /// Runs every measurement and prints the results table.
    static func run(_ options: Options) async throws {
        let theme = try Theme(directory: options.themeDirectory)
        let renderer = PageRenderer(theme: theme, publicURL: publicURL)
        let markdownRenderer = MarkdownRenderer()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("kiosk.sqlite").path)
        let seedStart = ContinuousClock.now
        try await DemoSeeder(store: store).seed(now: Date())
        let seedTime = ContinuousClock.now - seedStart
        print("Seeded \(DemoSeeder<SQLiteStore>.articleCount) demo articles into \(folder.path) in \(seedTime.formatted(.units(allowed: [.milliseconds])))")

        let slug = try Slug(articleSlug)
        let detail = try await fetchDetail(store, slug: slug)
        let site = try await store.siteContext()
        let markdown = detail.article.content.body.markdown
        let page = renderer.articlePage(detail, site: site, bodyImages: [:])
        let bodyHTML = markdownRenderer.render(markdown).html
        guard !markdown.isEmpty, !page.isEmpty else { throw BenchError(description: "empty Markdown body or page") }

        print("Article:   \(articleSlug) (series: \(detail.series?.name ?? "none"), \(detail.related.count) related, \(detail.topics.count) topics, \(detail.authors.count) authors)")
        print("Page size: \(page.utf8.count) bytes of HTML (\(page.count) characters)")
        print("Body:      \(markdown.utf8.count) bytes of Markdown -> \(bodyHTML.utf8.count) bytes of HTML; matches the stored HTML: \(bodyHTML == detail.article.content.body.html ? "yes" : "NO")")
        print("Runs:      \(options.warmUps) warm-up + \(options.iterations) timed per measurement, one at a time, ContinuousClock")
        print("")

        var results: [Timings] = []
        if options.only.contains("a") {
            results.append(try await measure("a. store read (articlePage + siteContext)", options) {
                let detail = try await fetchDetail(store, slug: slug)
                let site = try await store.siteContext()
                return detail.related.count + site.sections.count
            })
        }
        if options.only.contains("b") {
            results.append(try await measure("b. render only (PageRenderer.articlePage)", options) {
                renderer.articlePage(detail, site: site, bodyImages: [:]).utf8.count
            })
        }
        if options.only.contains("c") {
            results.append(try await measure("c. whole page, no cache (a + b)", options) {
                let detail = try await fetchDetail(store, slug: slug)
                let site = try await store.siteContext()
                return renderer.articlePage(detail, site: site, bodyImages: [:]).utf8.count
            })
        }
        var reference: Timings?
        if options.only.contains("d") {
            let timings = try await measure("d. reference: MarkdownRenderer().render(body)", options) {
                MarkdownRenderer().render(markdown).html.utf8.count
            }
            results.append(timings)
            reference = timings
        }

        printTable(results, reference: reference)
    }

    /// Fetches the article's page data, failing if the slug is not a published article.
    static func fetchDetail(_ store: SQLiteStore, slug: Slug) async throws -> ArticleDetail {
        guard case .found(let detail) = try await store.articlePage(slug, relatedLimit: relatedLimit) else {
            throw BenchError(description: "no published article at \(slug)")
        }
        return detail
    }

    /// Times `work` after warming it up; `work` returns a size that must be the same on every run.
    static func measure(_ name: String, _ options: Options, _ work: () async throws -> Int) async throws -> Timings {
        var expected = 0
        for _ in 0..<options.warmUps {
            expected = try await work()
        }
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(options.iterations)
        for _ in 0..<options.iterations {
            let start = clock.now
            let size = try await work()
            let elapsed = start.duration(to: clock.now)
            guard size == expected else { throw BenchError(description: "\(name): output changed between runs") }
            samples.append(microseconds(elapsed))
        }
        return Timings(name: name, samples: samples.sorted())
    }

    /// `duration` in microseconds.
    static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }

    /// Prints the results as a Markdown table, with each median compared to `reference`'s when it was measured.
    static func printTable(_ results: [Timings], reference: Timings?) {
        let header = ["measurement", "median µs", "p90 µs", "p99 µs", "mean µs", "pages/s (1 core)", "× reference"]
        let rows = results.map { result in
            [
                result.name,
                decimal(result.median, places: 1),
                decimal(result.p90, places: 1),
                decimal(result.p99, places: 1),
                decimal(result.mean, places: 1),
                decimal(result.pagesPerSecond, places: 0),
                reference.map { decimal(result.median / $0.median, places: 2) } ?? "–",
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        /// One table line, the first column left-aligned and the numbers right-aligned.
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        print(line(header))
        print("|" + widths.enumerated().map { column, width in
            column == 0 ? String(repeating: "-", count: width + 2) : String(repeating: "-", count: width + 1) + ":"
        }.joined(separator: "|") + "|")
        for row in rows {
            print(line(row))
        }
    }

    /// `value` with `places` decimals and no grouping, e.g. "1234.5".
    static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}

// Runs the benchmark off the main actor, as a request handler would, and reports failures.
do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "edit-under-load" {
        guard arguments.count == 4, let port = Int(arguments[2]), let seconds = Int(arguments[3]) else {
            throw BenchError(description: "usage: KioskBench edit-under-load DATABASE PORT SECONDS")
        }
        try await EditUnderLoad.run(database: arguments[1], port: port, seconds: seconds, themeDirectory: "Themes/default")
    } else {
        try await Benchmark.run(Options(arguments: arguments))
    }
} catch {
    FileHandle.standardError.write(Data("KioskBench: \(error)\n".utf8))
    exit(1)
}
