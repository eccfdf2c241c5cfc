import Foundation
import Hummingbird
import KioskCore
import KioskRender
import KioskStore

/// What the rest of the web reads: feeds of the site and of every listing, sitemaps, robots.txt.
struct DiscoveryController<Store: PublicationStore> {
    /// Entries per feed.
    static var feedLength: Int { 20 }
    /// Addresses per article sitemap; the sitemap protocol allows 50,000.
    static var sitemapSize: Int { 50_000 }
    /// How far back the Google News sitemap reaches, and how many articles it may list.
    static var newsWindow: TimeInterval { 2 * 86_400 }
    static var newsLimit: Int { 1_000 }

    let store: Store
    let site: SiteContextCache<Store>
    let feeds: FeedRenderer
    let pages: PageResponder
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<KioskRequestContext>) {
        for format in FeedFormat.allCases {
            router.get(RouterPath(stringLiteral: SitePaths.feed(of: SitePaths.home, format: format))) { request, _ in
                try await pages.respond(to: request) { try await feed(.site, format: format) }
            }
            let listings: [(String, @Sendable (Slug) -> FeedScope, @Sendable (Slug) -> String)] = [
                ("sections", FeedScope.section, SitePaths.section), ("topics", FeedScope.topic, SitePaths.topic),
                ("series", FeedScope.series, SitePaths.series), ("authors", FeedScope.author, SitePaths.author),
            ]
            for (prefix, scope, path) in listings {
                router.get(RouterPath(stringLiteral: "/\(prefix)/:slug/feed.\(format.fileExtension)")) { request, context in
                    guard let slug = context.parameters.get("slug").flatMap(Slug.parse) else { throw HTTPError(.notFound) }
                    return try await pages.respond(to: request) {
                        try await feed(scope(slug), format: format, movedPath: path)
                    }
                }
            }
        }
        router.get(RouterPath(stringLiteral: SitePaths.sitemapIndex)) { request, _ in
            try await pages.respond(to: request) { try await sitemapIndex() }
        }
        router.get("/sitemaps/:name") { request, context in
            try await pages.respond(to: request) { try await sitemap(named: context.parameters.get("name") ?? "") }
        }
        router.get(RouterPath(stringLiteral: SitePaths.newsSitemap)) { request, _ in
            try await pages.respond(to: request) {
                let articles = try await store.newsSitemapArticles(since: now().addingTimeInterval(-Self.newsWindow), limit: Self.newsLimit)
                return .document(feeds.newsSitemap(articles, site: try await site.current()), contentType: Self.xml)
            }
        }
        router.get(RouterPath(stringLiteral: SitePaths.robots)) { request, _ in
            try await pages.respond(to: request) { .document(robots(try await site.current()), contentType: "text/plain; charset=utf-8") }
        }
    }

    static var xml: String { "application/xml; charset=utf-8" }

    private func feed(_ scope: FeedScope, format: FeedFormat, movedPath: (@Sendable (Slug) -> String)? = nil) async throws -> PageOutcome {
        switch try await store.feed(scope, limit: Self.feedLength) {
        case .found(let content):
            let lengths = try await store.renditionLengths(named: FeedRenderer.imageNames(in: content))
            return .document(feeds.feed(content, format: format, site: try await site.current(), imageLengths: lengths), contentType: format.contentType)
        case .moved(let slug):
            guard let movedPath else { throw HTTPError(.notFound) }
            return .redirect(to: SitePaths.feed(of: movedPath(slug), format: format))
        case .notFound:
            throw HTTPError(.notFound)
        }
    }

    private func sitemapIndex() async throws -> PageOutcome {
        var sitemaps = try await store.sitemapArticleChanges(chunkSize: Self.sitemapSize).enumerated().map { index, changed in
            SitemapEntry(path: "/sitemaps/articles-\(index + 1).xml", lastModified: changed)
        }
        for kind in SitemapListing.allCases {
            let entries = try await store.sitemapListings(kind)
            sitemaps.append(SitemapEntry(path: "/sitemaps/\(kind.rawValue).xml", lastModified: entries.compactMap(\.lastModified).max()))
        }
        sitemaps.append(SitemapEntry(path: SitePaths.newsSitemap, lastModified: nil))
        return .document(feeds.sitemapIndex(sitemaps), contentType: Self.xml)
    }

    private func sitemap(named name: String) async throws -> PageOutcome {
        if let kind = SitemapListing.allCases.first(where: { "\($0.rawValue).xml" == name }) {
            return .document(feeds.sitemap(try await store.sitemapListings(kind)), contentType: Self.xml)
        }
        guard name.hasPrefix("articles-"), name.hasSuffix(".xml"),
            let page = PageRequest(query: String(name.dropFirst("articles-".count).dropLast(".xml".count)), size: Self.sitemapSize)
        else { throw HTTPError(.notFound) }
        let entries = try await store.sitemapArticles(offset: page.offset, limit: page.size)
        guard !entries.isEmpty || page.number == 1 else { throw HTTPError(.notFound) }
        var home = [SitemapEntry(path: SitePaths.home, lastModified: nil), SitemapEntry(path: SitePaths.latest, lastModified: nil)]
        if page.number > 1 { home = [] }
        return .document(feeds.sitemap(home + entries), contentType: Self.xml)
    }

    private func robots(_ site: SiteContext) -> String {
        var text = "User-agent: *\nAllow: /\n"
        let rules = site.settings.robotsRules.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rules.isEmpty { text += rules + "\n" }
        let base = feeds.publicURL
        return text + "\nSitemap: \(base)\(SitePaths.sitemapIndex)\nSitemap: \(base)\(SitePaths.newsSitemap)\n"
    }
}
