import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskRender
import KioskStore
import Logging

/// The Admin API under `/api/admin/v1`, for integrations holding a token an administrator made in
/// the newsroom: articles in any state (create, update with optimistic concurrency, publish,
/// schedule, unpublish), media uploads, sections, topics, series and authors, and subscribers (read).
struct AdminAPIController<Store: PublicationStore>: Sendable {
    /// Where the API lives.
    static var base: String { "/api/admin/v1" }
    /// Articles per page unless `limit` says otherwise, and the most it may say.
    static var defaultLimit: Int { 15 }
    static var maximumLimit: Int { 100 }
    /// The largest JSON body accepted.
    static var maximumJSONBytes: Int { 2 << 20 }

    let store: Store
    let media: MediaLibrary<Store>
    let publicURL: String
    let now: @Sendable () -> Date
    let logger: Logger
    let markdown = MarkdownRenderer()

    func addRoutes(to router: Router<KioskRequestContext>) {
        let api = router.group(RouterPath(stringLiteral: Self.base)).add(middleware: AdminAPIMiddleware(store: store, logger: logger))
        api.get("/articles") { request, context in try await respond(request, .read) { try await articles(request) } }
        api.post("/articles") { request, context in
            try await respond(request, .write, status: .created) { token in try await createArticle(request, token: token) }
        }
        api.get("/articles/:id") { request, context in
            try await respond(request, .read) { ["article": try await articleObject(try await article(context))] }
        }
        api.put("/articles/:id") { request, context in
            try await respond(request, .write) { token in try await updateArticle(request, context, token: token) }
        }
        for (name, action) in [("publish", WorkflowAction.publish), ("unpublish", .unpublish)] {
            api.post(RouterPath("/articles/:id/" + name)) { request, context in
                try await respond(request, .write) { try await workflow(action, context) }
            }
        }
        api.post("/articles/:id/schedule") { request, context in
            try await respond(request, .write) {
                let input = try await Self.decode(ScheduleInput.self, from: request)
                guard let time = try? Date(input.publish_at, strategy: .iso8601) else {
                    throw Problem(.unprocessableContent, "publish_at must be a date and time like 2026-12-01T09:00:00Z.")
                }
                return try await workflow(.schedule(time), context)
            }
        }
        api.get("/media") { request, context in try await respond(request, .read) { try await mediaList(request) } }
        api.get("/subscribers") { request, context in try await respond(request, .read) { try await subscribers(request) } }
        api.post("/media") { request, context in try await respond(request, .write, status: .created) { try await upload(request) } }
        for kind in TaxonomyKind.allCases {
            api.get(RouterPath("/" + kind.rawValue)) { request, context in
                try await respond(request, .read) { [kind.rawValue: try await terms(kind)] }
            }
            api.post(RouterPath("/" + kind.rawValue)) { request, context in
                try await respond(request, .write, status: .created) { try await saveTerm(kind, id: nil, request) }
            }
            api.put(RouterPath("/" + kind.rawValue + "/:id")) { request, context in
                guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem(.notFound, "There is no \(kind.noun) with this id.") }
                return try await respond(request, .write) { try await saveTerm(kind, id: id, request) }
            }
        }
    }

    // MARK: Plumbing

    /// Checks the token's scope, runs `build` and answers its object as JSON.
    private func respond(
        _ request: Request, _ scope: TokenScope, status: HTTPResponse.Status = .ok, build: (APIToken) async throws -> [String: Any]
    ) async throws -> Response {
        let token = try await AdminAPIMiddleware<Store>.token(for: request, store: store)
        guard scope == .read || token.scope == .write else {
            throw Problem(.forbidden, "The token “\(token.name)” may only read; ask an administrator for a read and write token.")
        }
        let body = try await build(token)
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func respond(_ request: Request, _ scope: TokenScope, status: HTTPResponse.Status = .ok, build: () async throws -> [String: Any]) async throws -> Response {
        try await respond(request, scope, status: status) { _ in try await build() }
    }

    /// Decodes a JSON body, with a problem naming what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json") else {
            throw Problem(.unsupportedMediaType, "Send the body as JSON with Content-Type: application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumJSONBytes)
        } catch {
            throw Problem(.contentTooLarge, "The body is larger than \(maximumJSONBytes >> 20) MB.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem(.unprocessableContent, "The field “\(key.stringValue)” is required.")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem(.unprocessableContent, "The field “\(path)” has the wrong type.")
        } catch {
            throw Problem(.badRequest, "The body is not valid JSON.")
        }
    }

    private static func timestamp(_ date: Date?) -> Any {
        date.map(APIQuery.timestamp) ?? NSNull()
    }

    // MARK: Articles

    private func articles(_ request: Request) async throws -> [String: Any] {
        let query = request.uri.queryParameters
        let request = try APIQuery.page(query.get("page"), limit: query.get("limit"), defaultLimit: Self.defaultLimit, maximumLimit: Self.maximumLimit)
        var filter = ArticleListFilter()
        if let status = query.get("status") {
            guard let state = WorkflowState(rawValue: status) else {
                throw Problem(.badRequest, "status must be one of draft, review, scheduled, published, trash.")
            }
            filter.state = state
        }
        let page = try await store.newsroomArticles(filter, page: request)
        return [
            "articles": page.items.map { item -> [String: Any] in
                [
                    "id": item.id.rawValue, "title": item.title, "status": item.state.rawValue, "section": item.sectionName,
                    "authors": item.authorNames, "published_at": Self.timestamp(item.publishedAt), "updated_at": Self.timestamp(item.updatedAt),
                ]
            },
            "meta": ["pagination": ["page": page.number, "limit": page.size, "pages": page.totalPages, "total": page.totalItems]],
        ]
    }

    private func article(_ context: KioskRequestContext) async throws -> Article {
        guard let id = context.parameters.get("id", as: Int64.self), let article = try await store.article(Article.ID(id)) else {
            throw Problem(.notFound, "There is no article with this id.")
        }
        return article
    }

    private func articleObject(_ article: Article) async throws -> [String: Any] {
        let taxonomy = try await store.taxonomy()
        let content = article.content
        func slug<T: Identifiable>(_ records: [T], _ id: T.ID?, _ slugOf: (T) -> Slug) -> Any {
            records.first { $0.id == id }.map { slugOf($0).rawValue } ?? NSNull()
        }
        return [
            "id": article.id.rawValue, "version": article.version, "status": WorkflowState(of: article).rawValue,
            "slug": content.slug.rawValue, "title": content.title, "dek": content.dek, "format": content.format.rawValue,
            "section": slug(taxonomy.sections, content.sectionID, \.slug),
            "series": slug(taxonomy.series, content.seriesID, \.slug),
            "topics": content.topicIDs.compactMap { id in taxonomy.topics.first { $0.id == id }?.slug.rawValue },
            "authors": content.authorIDs.compactMap { id in taxonomy.authors.first { $0.id == id }?.slug.rawValue },
            "top_media_id": content.topMediaID?.rawValue as Any? ?? NSNull(),
            "markdown": content.body.markdown, "html": content.body.html,
            "seo_title": content.seo.title as Any? ?? NSNull(), "seo_description": content.seo.description as Any? ?? NSNull(),
            "canonical_url": content.seo.canonicalURL as Any? ?? NSNull(),
            "url": article.status == .published ? publicURL + SitePaths.article(content.slug) : NSNull(),
            "published_at": Self.timestamp(article.publishedAt), "created_at": Self.timestamp(article.createdAt),
            "updated_at": Self.timestamp(article.updatedAt),
        ]
    }

    private func createArticle(_ request: Request, token: APIToken) async throws -> [String: Any] {
        let input = try await Self.decode(ArticleInput.self, from: request)
        let content = try await content(input)
        let article = try await ArticleDesk(store: store).createDraft(content, by: ChangeAuthor(integration: token.name), now: now())
        return ["article": try await articleObject(article)]
    }

    private func updateArticle(_ request: Request, _ context: KioskRequestContext, token: APIToken) async throws -> [String: Any] {
        let existing = try await article(context)
        let input = try await Self.decode(ArticleInput.self, from: request)
        guard let version = input.version else {
            throw Problem(.unprocessableContent, "The field “version” is required: send the version you read, so no one's changes are lost.")
        }
        let saved = try await ArticleDesk(store: store).save(
            existing.id, content: try await content(input), expectedVersion: version, by: ChangeAuthor(integration: token.name), kind: .saved,
            now: now())
        return ["article": try await articleObject(saved)]
    }

    private func workflow(_ action: WorkflowAction, _ context: KioskRequestContext) async throws -> [String: Any] {
        let existing = try await article(context)
        return ["article": try await articleObject(try await ArticleDesk(store: store).apply(action, to: existing.id, now: now()))]
    }

    /// Validated content from the JSON input; taxonomy is named by slug.
    private func content(_ input: ArticleInput) async throws -> ArticleContent {
        let taxonomy = try await store.taxonomy()
        func find<T>(_ records: [T], _ slug: String, _ kind: String, _ slugOf: (T) -> Slug) throws -> T {
            guard let found = records.first(where: { slugOf($0).rawValue == slug }) else { throw Problem(.unprocessableContent, "There is no \(kind) “\(slug)”.") }
            return found
        }
        guard let format = ArticleFormat(rawValue: input.format ?? "reporting") else {
            throw Problem(.unprocessableContent, "format must be one of \(ArticleFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let slug = try input.slug.map { try Slug($0) } ?? Slug.derived(from: input.title)
        guard let slug else { throw Problem(.unprocessableContent, "Give a slug: the title has no letters or digits to make one from.") }
        let markdown: String
        do {
            markdown = try ArticleForm.checkedBody(input.markdown ?? "")
        } catch {
            throw Problem(.unprocessableContent, "markdown: \(error.message)")
        }
        guard (input.dek ?? "").count <= ArticleForm.maximumDekLength else { throw Problem(.unprocessableContent, "dek is too long.") }
        let canonical = try ArticleForm.checkedCanonicalURL(input.canonical_url ?? "")
        return try ArticleContent(
            slug: slug, title: input.title, dek: input.dek ?? "", format: format,
            sectionID: try find(taxonomy.sections, input.section, "section", \.slug).id,
            topicIDs: try (input.topics ?? []).map { try find(taxonomy.topics, $0, "topic", \.slug).id },
            seriesID: try input.series.map { try find(taxonomy.series, $0, "series", \.slug).id },
            authorIDs: try input.authors.map { try find(taxonomy.authors, $0, "author", \.slug).id },
            topMediaID: input.top_media_id.map(Media.ID.init), body: self.markdown.render(markdown),
            seo: SEOFields(title: input.seo_title, description: input.seo_description, canonicalURL: canonical))
    }

    // MARK: Media

    private func mediaList(_ request: Request) async throws -> [String: Any] {
        let query = request.uri.queryParameters
        let request = try APIQuery.page(query.get("page"), limit: query.get("limit"), defaultLimit: 50, maximumLimit: Self.maximumLimit)
        let page = try await store.mediaLibrary(search: String((query.get("search") ?? "").prefix(200)), page: request)
        return [
            "media": page.items.map { mediaObject($0.media, uses: $0.usageCount) },
            "meta": ["pagination": ["page": page.number, "limit": page.size, "pages": page.totalPages, "total": page.totalItems]],
        ]
    }

    private func mediaObject(_ media: Media, uses: Int) -> [String: Any] {
        [
            "id": media.id.rawValue, "url": publicURL + SitePaths.media(media.fileName), "content_type": media.contentType,
            "width": media.width, "height": media.height, "alt": media.alt, "caption": media.caption, "credit": media.credit, "uses": uses,
        ]
    }

    /// Stores an image sent as the raw body, with its text in the query.
    private func upload(_ request: Request) async throws -> [String: Any] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: media.maximumBytes)
        } catch {
            throw Problem(.contentTooLarge, "The image is larger than the limit of \(media.maximumBytes >> 20) MB.")
        }
        let bytes = [UInt8](buffer: buffer)
        let query = request.uri.queryParameters
        let created = try await media.add(bytes) { fileName, info in
            try NewMedia(
                fileName: fileName, contentType: info.format.contentType, width: info.width, height: info.height,
                alt: String((query.get("alt") ?? "").prefix(1_000)), caption: String((query.get("caption") ?? "").prefix(1_000)),
                credit: String((query.get("credit") ?? "").prefix(1_000)))
        }
        return ["media": mediaObject(created, uses: 0)]
    }

    // MARK: Subscribers

    private func subscribers(_ request: Request) async throws -> [String: Any] {
        let query = request.uri.queryParameters
        let request = try APIQuery.page(query.get("page"), limit: query.get("limit"), defaultLimit: 50, maximumLimit: Self.maximumLimit)
        var filter = SubscriberFilter(search: String((query.get("search") ?? "").prefix(254)))
        if let status = query.get("status") {
            guard let parsed = SubscriberStatus(rawValue: status) else {
                throw Problem(.badRequest, "status must be one of pending, active, unsubscribed, bounced.")
            }
            filter.status = parsed
        }
        let newsletters = try await store.newsletters()
        let page = try await store.subscribers(filter, page: request)
        return [
            "subscribers": page.items.map { subscriber -> [String: Any] in
                [
                    "id": subscriber.id.rawValue, "email": subscriber.email.rawValue, "status": subscriber.status.rawValue, "source": subscriber.source,
                    "created_at": Self.timestamp(subscriber.createdAt), "confirmed_at": Self.timestamp(subscriber.confirmedAt),
                    "newsletters": newsletters.filter { subscriber.newsletterIDs.contains($0.id) }.map(\.slug.rawValue),
                ]
            },
            "meta": ["pagination": ["page": page.number, "limit": page.size, "pages": page.totalPages, "total": page.totalItems]],
        ]
    }

    // MARK: Taxonomy

    private func terms(_ kind: TaxonomyKind) async throws -> [[String: Any]] {
        let taxonomy = try await store.taxonomy()
        func object(_ id: Int64, _ slug: Slug, _ name: String, _ description: String) -> [String: Any] {
            ["id": id, "slug": slug.rawValue, "name": name, "description": description]
        }
        return switch kind {
        case .sections: taxonomy.sections.map { object($0.id.rawValue, $0.slug, $0.name, $0.description).merging(["position": $0.position]) { $1 } }
        case .topics: taxonomy.topics.map { object($0.id.rawValue, $0.slug, $0.name, $0.description) }
        case .series: taxonomy.series.map { object($0.id.rawValue, $0.slug, $0.name, $0.description) }
        case .authors: taxonomy.authors.map { object($0.id.rawValue, $0.slug, $0.name, $0.bio) }
        }
    }

    private func saveTerm(_ kind: TaxonomyKind, id: Int64?, _ request: Request) async throws -> [String: Any] {
        let input = try await Self.decode(TermInput.self, from: request)
        let change = try TermChange(name: input.name, slug: input.slug, description: input.description ?? "", position: input.position)
        try await change.save(kind, id: id, in: store)
        guard let saved = try await terms(kind).first(where: { ($0["slug"] as? String) == change.slug.rawValue }) else {
            throw Problem(.notFound, "There is no \(kind.noun) with this id.")
        }
        return [kind.noun: saved]
    }
}

/// An article as the Admin API accepts it; taxonomy is named by slug.
struct ArticleInput: Decodable {
    let title: String
    let slug: String?
    let dek: String?
    let format: String?
    let section: String
    let topics: [String]?
    let series: String?
    let authors: [String]
    let top_media_id: Int64?
    let markdown: String?
    let seo_title: String?
    let seo_description: String?
    let canonical_url: String?
    /// The version the change is based on; required to update.
    let version: Int?
}

/// When to publish.
struct ScheduleInput: Decodable {
    let publish_at: String
}

/// A section, topic, series or author as the Admin API accepts it.
struct TermInput: Decodable {
    let name: String
    let slug: String?
    let description: String?
    let position: Int?
}

/// Checks the bearer token of every Admin API request and answers every error as a problem document.
struct AdminAPIMiddleware<Store: PublicationStore>: RouterMiddleware {
    typealias Context = KioskRequestContext

    let store: Store
    let logger: Logger

    /// The live token the request carries in `Authorization: Bearer …`, or a 401 problem.
    static func token(for request: Request, store: Store) async throws -> APIToken {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Problem(.unauthorized, "Send an integration token as Authorization: Bearer TOKEN; administrators make tokens in the newsroom under Integrations.")
        }
        let secret = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard secret.utf8.count <= 200, let token = try await store.apiToken(hash: SessionToken.digest(secret)) else {
            throw Problem(.unauthorized, "This token is not valid or was revoked.")
        }
        return token
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error, notFound: "There is nothing at this address in the Admin API.", logger: logger, path: AccessLogMiddleware.loggedPath(request: request, context: context))
            var response = problem.response
            if problem.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"kiosk-admin-api\"" }
            return response
        }
    }
}
