import Foundation
import Hummingbird
import KioskCore
import KioskRender
import KioskStore

/// The reader's site: front page, Latest, articles and listings. Reads only; nothing here writes.
struct PublicController<Store: PublicationStore> {
    /// Stories per listing page.
    static var pageSize: Int { 12 }
    /// Stories after the lead on the front page.
    static var frontPageCount: Int { 12 }
    /// Related teaser cards under an article.
    static var relatedCount: Int { 4 }

    let store: Store
    let site: SiteContextCache<Store>
    let renderer: PageRenderer
    let pages: PageResponder

    func addRoutes(to router: Router<KioskRequestContext>) {
        router.get("/", use: cached(frontPage))
        router.get(RouterPath(stringLiteral: SitePaths.search), use: search)
        router.get("/latest", use: cached(latest))
        router.get("/articles/:slug", use: cached(article))
        router.get("/:slug", use: cached(standingPage))
        router.get("/sections/:slug", use: cached { request, context in
            try await listing(request, context) { slug, page in
                try await store.sectionListing(slug, page: page).outcome(path: SitePaths.section) {
                    ListingContent(kind: .section, heading: $0.owner.name, description: $0.owner.description, path: SitePaths.section($0.owner.slug), page: $0.page)
                }
            }
        })
        router.get("/topics/:slug", use: cached { request, context in
            try await listing(request, context) { slug, page in
                try await store.topicListing(slug, page: page).outcome(path: SitePaths.topic) {
                    ListingContent(kind: .topic, heading: $0.owner.name, description: $0.owner.description, path: SitePaths.topic($0.owner.slug), page: $0.page)
                }
            }
        })
        router.get("/series/:slug", use: cached { request, context in
            try await listing(request, context) { slug, page in
                try await store.seriesListing(slug, page: page).outcome(path: SitePaths.series) {
                    ListingContent(kind: .series, heading: $0.owner.name, description: $0.owner.description, path: SitePaths.series($0.owner.slug), page: $0.page)
                }
            }
        })
        router.get("/authors/:slug", use: cached { request, context in
            try await listing(request, context) { slug, page in
                let found = try await store.authorListing(slug, page: page)
                var photo: Media?
                if case .found(let listing) = found, let id = listing.owner.photoID { photo = try await store.media(id) }
                return found.outcome(path: SitePaths.author) {
                    ListingContent(
                        kind: .author, heading: $0.owner.name, description: $0.owner.bio, path: SitePaths.author($0.owner.slug),
                        links: $0.owner.links, photo: photo, page: $0.page)
                }
            }
        })
    }

    /// Wraps a page handler so its pages are served from, and stored in, the page cache.
    private func cached(
        _ handler: @escaping @Sendable (Request, KioskRequestContext) async throws -> PageOutcome
    ) -> @Sendable (Request, KioskRequestContext) async throws -> Response {
        { [pages] request, context in
            try await pages.respond(to: request) { try await handler(request, context) }
        }
    }

    @Sendable func frontPage(_ request: Request, context: KioskRequestContext) async throws -> PageOutcome {
        async let front = store.frontPage(latestCount: Self.frontPageCount)
        async let site = self.site.current()
        return .page(renderer.frontPage(try await front, site: try await site))
    }

    @Sendable func latest(_ request: Request, context: KioskRequestContext) async throws -> PageOutcome {
        let page = try Self.pageRequest(request)
        async let stories = store.latest(page)
        async let site = self.site.current()
        let content = ListingContent(
            kind: .latest, heading: "Latest", description: "Everything we have published, newest first.", path: SitePaths.latest,
            page: try await stories)
        try Self.rejectBeyondEnd(content.page)
        return .page(renderer.listingPage(content, site: try await site))
    }

    /// Search results are never cached: every query is different, and the page cache would only fill up.
    @Sendable func search(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let page = try Self.pageRequest(request)
        let section = request.formQueryValue("section").flatMap(Slug.parse)
        let query = SearchQuery(request.formQueryValue("q") ?? "", section: section)
        async let results = ServerMetrics.search { try await store.search(query, page: page) }
        async let site = self.site.current()
        let found = try await results
        if found.isBeyondEnd && page.number > 1 { throw HTTPError(.notFound) }
        return HTMLPage.response(renderer.searchPage(query, results: found, site: try await site))
    }

    @Sendable func article(_ request: Request, context: KioskRequestContext) async throws -> PageOutcome {
        let slug = try Self.slug(context)
        async let lookup = store.articlePage(slug, relatedLimit: Self.relatedCount)
        async let site = self.site.current()
        switch try await lookup {
        case .found(let detail):
            let images = try await store.bodyImages(in: detail.article.content.body.html)
            return .page(renderer.articlePage(detail, site: try await site, bodyImages: images))
        case .moved(let newSlug):
            return .redirect(to: SitePaths.article(newSlug))
        case .notFound:
            throw HTTPError(.notFound)
        }
    }

    /// A standing page at the site's root; the router tries every route of its own first, and no
    /// page may take one of their first segments (`ReservedPaths`).
    @Sendable func standingPage(_ request: Request, context: KioskRequestContext) async throws -> PageOutcome {
        let slug = try Self.slug(context)
        async let lookup = store.publishedPage(slug)
        async let site = self.site.current()
        switch try await lookup {
        case .found(let detail):
            let images = try await store.bodyImages(in: detail.page.content.body.html)
            return .page(renderer.standingPage(detail, site: try await site, bodyImages: images))
        case .moved(let newSlug):
            return .redirect(to: SitePaths.page(newSlug))
        case .notFound:
            throw HTTPError(.notFound)
        }
    }

    private func listing(
        _ request: Request, _ context: KioskRequestContext,
        fetch: (Slug, PageRequest) async throws -> ListingOutcome
    ) async throws -> PageOutcome {
        let slug = try Self.slug(context)
        let page = try Self.pageRequest(request)
        switch try await fetch(slug, page) {
        case .found(let content):
            try Self.rejectBeyondEnd(content.page)
            return .page(renderer.listingPage(content, site: try await site.current()))
        case .moved(let newPath):
            return .redirect(to: SitePaths.page(page.number, of: newPath))
        case .notFound:
            throw HTTPError(.notFound)
        }
    }

    private static func slug(_ context: KioskRequestContext) throws -> Slug {
        guard let text = context.parameters.get("slug"), let slug = Slug.parse(text) else { throw HTTPError(.notFound) }
        return slug
    }

    private static func pageRequest(_ request: Request) throws -> PageRequest {
        guard let page = PageRequest(query: request.uri.queryParameters.get("page"), size: pageSize) else { throw HTTPError(.notFound) }
        return page
    }

    private static func rejectBeyondEnd(_ page: Page<ArticleSummary>) throws {
        if page.isBeyondEnd { throw HTTPError(.notFound) }
    }
}

/// What a listing route found: content to render, the listing's new address, or nothing.
enum ListingOutcome {
    case found(ListingContent)
    case moved(path: String)
    case notFound
}

extension SlugLookup {
    /// Turns a store lookup into a listing outcome: found values into content, moved slugs into paths.
    fileprivate func outcome(path: (Slug) -> String, _ content: (Value) -> ListingContent) -> ListingOutcome {
        switch self {
        case .found(let value): .found(content(value))
        case .moved(let slug): .moved(path: path(slug))
        case .notFound: .notFound
        }
    }
}
