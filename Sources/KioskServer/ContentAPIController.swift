import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskStore
import Logging

/// The public, read-only Content API under `/api/content/v1`: published articles and the taxonomy
/// as JSON, cached and validated like pages. Drafts and anything private never appear.
struct ContentAPIController<Store: PublicationStore> {
    /// Where the API lives.
    static var base: String { "/api/content/v1" }
    /// Articles per page unless `limit` says otherwise, and the most it may say.
    static var defaultLimit: Int { 15 }
    static var maximumLimit: Int { 100 }
    /// The fields an article has; `fields=` picks among them.
    static var articleFields: [String] {
        ["id", "slug", "url", "title", "dek", "format", "section", "series", "authors", "excerpt", "image", "published_at"]
    }

    let store: Store
    let site: SiteContextCache<Store>
    let pages: PageResponder
    let publicURL: String
    /// When set, every request must carry it as `key=`.
    let accessKey: String?
    /// Where failures of ours are logged.
    let logger: Logger

    func addRoutes(to router: Router<KioskRequestContext>) {
        let api = router.group(RouterPath(stringLiteral: Self.base))
            .add(middleware: ContentAPIMiddleware(accessKey: accessKey, logger: logger))
        api.get("/articles") { request, _ in try await json(request) { try await articles(request) } }
        api.get("/articles/:ref") { request, context in
            try await json(request) { try await article(context.parameters.get("ref") ?? "", request: request) }
        }
        api.get("/sections") { request, _ in
            try await json(request) {
                Self.list("sections", try await store.taxonomy().sections) { term($0.slug, $0.name, $0.description, SitePaths.section) }
            }
        }
        api.get("/topics") { request, _ in
            try await json(request) {
                Self.list("topics", try await store.taxonomy().topics) { term($0.slug, $0.name, $0.description, SitePaths.topic) }
            }
        }
        api.get("/series") { request, _ in
            try await json(request) {
                Self.list("series", try await store.taxonomy().series) { term($0.slug, $0.name, $0.description, SitePaths.series) }
            }
        }
        api.get("/authors") { request, _ in
            try await json(request) {
                Self.list("authors", try await store.taxonomy().authors) { author in
                    var object = term(author.slug, author.name, nil, SitePaths.author)
                    object["bio"] = author.bio
                    object["links"] = author.links.map { ["label": $0.label, "url": $0.url] }
                    return object
                }
            }
        }
        api.get("/settings") { request, _ in
            try await json(request) {
                let settings = try await site.current().settings
                return [
                    "settings": [
                        "name": settings.name, "description": settings.description, "about": settings.about, "locale": settings.locale,
                        "time_zone": settings.timeZone, "url": publicURL,
                        "social_profiles": settings.socialProfiles.map { ["label": $0.label, "url": $0.url] },
                    ] as [String: Any]
                ]
            }
        }
    }

    /// Answers through the page cache, keyed by the whole query, with the body `build` makes.
    private func json(_ request: Request, build: () async throws -> [String: Any]) async throws -> Response {
        try await pages.respond(to: request, key: request.uri.path + "?" + (request.uri.query ?? "")) {
            let data = try JSONSerialization.data(withJSONObject: try await build(), options: [.sortedKeys, .withoutEscapingSlashes])
            return .document(String(decoding: data, as: UTF8.self), contentType: "application/json; charset=utf-8")
        }
    }

    private func articles(_ request: Request) async throws -> [String: Any] {
        let parameters = request.uri.queryParameters
        let page = try APIQuery.page(parameters.get("page"), limit: parameters.get("limit"), defaultLimit: Self.defaultLimit, maximumLimit: Self.maximumLimit)
        let fields = try Self.fields(parameters.get("fields"))
        let filters = ["section", "topic", "series", "author"].compactMap { name in parameters.get(name).map { (name, $0) } }
        guard filters.count <= 1 else { throw Problem(.badRequest, "Filter by one of section, topic, series or author at a time.") }
        let result: Page<ArticleSummary>
        if let (name, value) = filters.first {
            guard let slug = Slug.parse(value) else { throw Problem(.badRequest, "“\(value)” is not a valid \(name) slug.") }
            let found: Page<ArticleSummary>? =
                switch name {
                case "section": try await store.sectionListing(slug, page: page).found?.page
                case "topic": try await store.topicListing(slug, page: page).found?.page
                case "series": try await store.seriesListing(slug, page: page).found?.page
                default: try await store.authorListing(slug, page: page).found?.page
                }
            guard let found else { throw Problem(.notFound, "There is no \(name) “\(slug)”.") }
            result = found
        } else {
            result = try await store.latest(page)
        }
        return [
            "articles": result.items.map { Self.select(fields, from: articleObject($0)) },
            "meta": [
                "pagination": [
                    "page": result.number, "limit": result.size, "pages": result.totalPages, "total": result.totalItems,
                    "next": result.hasNext ? result.number + 1 : NSNull(), "prev": result.hasPrevious ? result.number - 1 : NSNull(),
                ] as [String: Any]
            ],
        ]
    }

    private func article(_ reference: String, request: Request) async throws -> [String: Any] {
        let parameters = request.uri.queryParameters
        let fields = try Self.fields(parameters.get("fields"))
        let includeHTML = (parameters.get("include") ?? "").split(separator: ",").contains("html")
        let slug: Slug?
        if let id = Int64(reference), id > 0 {
            slug = try await store.publishedArticleSlug(Article.ID(id))
        } else {
            slug = Slug.parse(reference)
        }
        guard let slug, case .found(let detail) = try await store.articlePage(slug, relatedLimit: 0) else {
            throw Problem(.notFound, "There is no published article “\(reference)”.")
        }
        let content = detail.article.content
        let summary = detail.summary
        var object = Self.select(fields, from: articleObject(summary))
        object["topics"] = detail.topics.map { ["slug": $0.slug.rawValue, "name": $0.name] }
        object["updated_at"] = APIQuery.timestamp(detail.article.updatedAt)
        if includeHTML { object["html"] = content.body.html }
        return ["article": object]
    }

    /// A list response: the items under `name`, and their count.
    private static func list<Item>(_ name: String, _ items: [Item], object: (Item) -> [String: Any]) -> [String: Any] {
        [name: items.map(object), "meta": ["total": items.count]]
    }

    /// A section, topic, series or author as JSON; authors have a bio instead of a description.
    private func term(_ slug: Slug, _ name: String, _ description: String?, _ path: (Slug) -> String) -> [String: Any] {
        var object: [String: Any] = ["slug": slug.rawValue, "name": name, "url": publicURL + path(slug)]
        if let description { object["description"] = description }
        return object
    }

    private func articleObject(_ article: ArticleSummary) -> [String: Any] {
        [
            "id": article.id.rawValue,
            "slug": article.slug.rawValue,
            "url": publicURL + SitePaths.article(article.slug),
            "title": article.title,
            "dek": article.dek,
            "format": article.format.rawValue,
            "section": ["slug": article.section.slug.rawValue, "name": article.section.name],
            "series": article.series.map { ["slug": $0.slug.rawValue, "name": $0.name] as Any } ?? NSNull(),
            "authors": article.authors.map { ["slug": $0.slug.rawValue, "name": $0.name, "url": publicURL + SitePaths.author($0.slug)] },
            "excerpt": article.excerpt,
            "image": article.topMedia.map { image in
                let largest = image.madeRenditions?.largest
                return [
                    "url": publicURL + image.path(atLeast: .max), "alt": image.alt, "caption": image.caption, "credit": image.credit,
                    "width": largest?.width ?? image.width, "height": largest?.height ?? image.height,
                ] as Any
            } ?? NSNull(),
            "published_at": APIQuery.timestamp(article.publishedAt),
        ]
    }

    private static func select(_ fields: Set<String>?, from object: [String: Any]) -> [String: Any] {
        guard let fields else { return object }
        return object.filter { fields.contains($0.key) }
    }

    private static func fields(_ text: String?) throws -> Set<String>? {
        guard let text, !text.isEmpty else { return nil }
        let fields = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let unknown = fields.subtracting(articleFields)
        guard unknown.isEmpty else {
            throw Problem(.badRequest, "Unknown fields \(unknown.sorted().joined(separator: ", ")); choose from \(articleFields.joined(separator: ", ")).")
        }
        return fields
    }
}

extension SlugLookup {
    /// The value if found.
    var found: Value? {
        if case .found(let value) = self { return value }
        return nil
    }
}

/// Reading and writing the values both APIs share: page numbers, limits and timestamps.
enum APIQuery {
    /// The page asked for with `page` and `limit`, or a 400 problem naming the bad one.
    static func page(_ page: String?, limit: String?, defaultLimit: Int, maximumLimit: Int) throws -> PageRequest {
        let size = try number(limit, name: "limit", default: defaultLimit, range: 1...maximumLimit)
        let number = try number(page, name: "page", default: 1, range: 1...PageRequest.maximumNumber)
        guard let request = PageRequest(number: number, size: size) else { throw Problem(.badRequest, "page and limit must be positive whole numbers.") }
        return request
    }

    /// A whole number in `range`, `value` when absent, or a 400 problem.
    static func number(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(.badRequest, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(text.prefix(40))”.")
        }
        return number
    }

    /// An instant as ISO 8601 in UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}

/// Makes every Content API answer JSON: CORS open to any origin, the access key checked when one is
/// set, and every error (ours or the router's) a problem document instead of an HTML page.
struct ContentAPIMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    let accessKey: String?
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            if let accessKey, !constantTimeEquals(request.uri.queryParameters.get("key") ?? "", accessKey) {
                throw Problem(.unauthorized, "This Content API needs its access key as the key query parameter.")
            }
            response = try await next(request, context)
        } catch {
            response = Problem.from(error, notFound: "Nothing is published at this address.", logger: logger, path: AccessLogMiddleware.loggedPath(request: request, context: context)).response
        }
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }
}
