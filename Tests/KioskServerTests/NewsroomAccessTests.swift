import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// Who may do what in the newsroom, checked on the server for every route.
@Suite("Newsroom access: every admin route × every role × signed out")
struct NewsroomAccessTests {
    /// A route and the least role allowed to use it.
    struct Route: CustomStringConvertible, Sendable {
        let method: HTTPRequest.Method
        let path: String
        let minimum: Role
        let form: [(String, String)]
        /// A file sent with the form, as `multipart/form-data` (an upload or an import).
        var file: (name: String, bytes: [UInt8])? = nil

        var description: String { "\(method) \(path)" }

        /// The path as the router writes it, each placeholder a parameter.
        var pattern: String {
            Self.placeholders.reduce(path) { path, placeholder in
                let parameter = ["REVISION", "PAGEREV"].contains(placeholder) ? "{revision}" : placeholder == "FILENAME" ? "{file}" : "{id}"
                return path.replacingOccurrences(of: placeholder, with: parameter)
            }
        }

        static let placeholders = ["ARTICLE", "PAGEREV", "PAGE", "FILENAME", "MEDIA", "SECTION", "TOPIC", "SERIES", "AUTHOR", "USER", "ISSUE", "SUBSCRIBER", "TOKEN", "INVITATION", "REVISION", "IMPORT"]
    }

    /// Placeholders: `ARTICLE` is an article another contributor owns, in each state in turn (with
    /// `REVISION` one of its revisions); `MEDIA` the fixture image; `SECTION`, `TOPIC`, `SERIES`,
    /// `AUTHOR` fixture terms; `USER` another editor's account; `ISSUE` a newsletter issue being
    /// drafted; `SUBSCRIBER` a subscriber; `TOKEN` an integration token; `INVITATION` a pending invitation;
    /// `PAGE` a published page (with `PAGEREV` its first revision).
    static let routes: [Route] = [
        Route(method: .get, path: "/admin/articles", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/articles/new", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/articles/ARTICLE", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/articles/ARTICLE/preview", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/articles/ARTICLE/render", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/articles/ARTICLE/revisions", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/articles", minimum: .contributor, form: ArticleFields.valid(title: "A new draft")),
        Route(method: .post, path: "/admin/articles/ARTICLE", minimum: .editor, form: ArticleFields.valid(title: "Changed headline") + [("version", "1")]),
        Route(method: .post, path: "/admin/articles/ARTICLE/autosave", minimum: .editor, form: ArticleFields.valid(title: "Autosaved") + [("version", "1")]),
        Route(method: .post, path: "/admin/articles/ARTICLE/workflow", minimum: .editor, form: [("action", "trash")]),
        Route(method: .post, path: "/admin/articles/ARTICLE/revisions/REVISION/restore", minimum: .editor, form: [("version", "1")]),
        Route(method: .post, path: "/admin/preview", minimum: .contributor, form: [("body", "Some *text*.")]),
        Route(method: .get, path: "/admin/pages", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/pages/new", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/pages/PAGE", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/pages/PAGE/preview", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/pages/PAGE/revisions", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/pages", minimum: .editor, form: [("title", "Contact"), ("body", "Write to us."), ("placement", "footer")]),
        Route(method: .post, path: "/admin/pages/PAGE", minimum: .editor, form: [("title", "About us"), ("slug", "about"), ("body", "Changed."), ("version", "1")]),
        Route(method: .post, path: "/admin/pages/PAGE/delete", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/pages/PAGE/revisions/PAGEREV/restore", minimum: .editor, form: [("version", "1")]),
        Route(method: .get, path: "/admin/media", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/media/MEDIA", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/media/file/FILENAME", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/media/choose", minimum: .contributor, form: []),
        Route(
            method: .post, path: "/admin/media", minimum: .contributor, form: [("alt", "Three red pixels")],
            file: ("pixels.png", NewsroomMediaAndSchedulingTests.png)),
        Route(method: .post, path: "/admin/media/MEDIA", minimum: .editor, form: [("alt", "A crane"), ("caption", ""), ("credit", "")]),
        Route(method: .post, path: "/admin/media/MEDIA/delete", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/sections", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/topics", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/series", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/authors", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/sections", minimum: .editor, form: [("name", "Oceans"), ("slug", ""), ("description", "")]),
        Route(method: .post, path: "/admin/sections/SECTION", minimum: .editor, form: [("name", "Europe"), ("slug", "europe"), ("description", "")]),
        Route(method: .post, path: "/admin/topics", minimum: .editor, form: [("name", "Rivers")]),
        Route(method: .post, path: "/admin/topics/TOPIC", minimum: .editor, form: [("name", "Harbours"), ("slug", "harbours")]),
        Route(method: .post, path: "/admin/series", minimum: .editor, form: [("name", "River Letters")]),
        Route(method: .post, path: "/admin/series/SERIES", minimum: .editor, form: [("name", "Harbour Letters"), ("slug", "harbour-letters")]),
        Route(method: .post, path: "/admin/authors", minimum: .editor, form: [("name", "New Writer")]),
        Route(method: .post, path: "/admin/authors/AUTHOR", minimum: .editor, form: [("name", "Ada Renamed"), ("slug", "ada")]),
        Route(method: .get, path: "/admin/newsletter", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/newsletter/schedule", minimum: .editor, form: [("newsletter", "1"), ("weekday", "2"), ("time", "09:00")]),
        Route(method: .post, path: "/admin/newsletter/draft", minimum: .editor, form: [("newsletter", "1")]),
        Route(method: .post, path: "/admin/newsletter/new", minimum: .editor, form: [("newsletter", "1")]),
        Route(method: .get, path: "/admin/newsletter/issues/ISSUE", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/newsletter/issues/ISSUE", minimum: .editor, form: [("action", "send"), ("subject", "The week"), ("intro", "")]),
        Route(method: .get, path: "/admin/subscribers", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/subscribers.csv", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/subscribers/SUBSCRIBER", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/subscribers/SUBSCRIBER", minimum: .editor, form: [("action", "delete")]),
        Route(
            method: .post, path: "/admin/subscribers/import", minimum: .editor, form: [],
            file: ("list.csv", Array("email,consent_date\nnew-reader@example.org,2026-03-01\n".utf8))),
        Route(method: .get, path: "/admin/users", minimum: .admin, form: []),
        Route(method: .post, path: "/admin/users/invite", minimum: .admin, form: [("email", "new@gazette.example"), ("role", "editor")]),
        Route(method: .post, path: "/admin/users/USER/role", minimum: .admin, form: [("role", "contributor")]),
        Route(method: .post, path: "/admin/users/USER/status", minimum: .admin, form: [("change", "suspend")]),
        Route(method: .post, path: "/admin/users/invitations/INVITATION/revoke", minimum: .admin, form: []),
        Route(method: .get, path: "/admin/imports", minimum: .admin, form: []),
        Route(method: .get, path: "/admin/imports/IMPORT", minimum: .admin, form: []),
        Route(
            method: .post, path: "/admin/imports", minimum: .admin, form: [("platform", "ghost")],
            file: ("export.json", Array(#"{"db": [{"meta": {"version": "5.0.0"}, "data": {"posts": []}}]}"#.utf8))),
        Route(method: .get, path: "/admin/integrations", minimum: .admin, form: []),
        Route(method: .post, path: "/admin/integrations", minimum: .admin, form: [("name", "Importer"), ("scope", "read")]),
        Route(method: .post, path: "/admin/integrations/TOKEN/revoke", minimum: .admin, form: []),
        Route(method: .get, path: "/admin/settings", minimum: .admin, form: []),
        Route(method: .post, path: "/admin/settings", minimum: .admin, form: [("name", "The Gazette"), ("time_zone", "Europe/London")]),
        Route(method: .get, path: "/admin/account", minimum: .contributor, form: []),
        Route(
            method: .post, path: "/admin/account/password", minimum: .contributor,
            form: [("current_password", NewsroomVisitor.password), ("password", "a-brand-new-lantern"), ("password_again", "a-brand-new-lantern")]),
        Route(method: .post, path: "/admin/account/sessions/end", minimum: .contributor, form: [("session", String(repeating: "ab", count: 32))]),
        Route(method: .post, path: "/admin/account/sign-out-everywhere", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/account/two-factor", minimum: .contributor, form: []),
        Route(method: .post, path: "/admin/account/two-factor", minimum: .contributor, form: [("secret", "ABCDEFGHIJKLMNOPQRST"), ("code", "000000")]),
        Route(method: .post, path: "/admin/account/two-factor/off", minimum: .contributor, form: [("current_password", NewsroomVisitor.password)]),
        Route(method: .post, path: "/admin/logout", minimum: .contributor, form: []),
    ]

    /// Newsroom routes anyone may use signed out: signing in, first run, invitations, password
    /// resets, the newsroom's assets, and `/admin` itself, which only points to the articles.
    static let signedOutRoutes: Set<String> = [
        "GET /admin", "GET /admin/login", "POST /admin/login", "POST /admin/login/code", "GET /admin/setup/{token}", "POST /admin/setup/{token}",
        "GET /admin/invitations/{token}", "POST /admin/invitations/{token}", "GET /admin/password-reset", "POST /admin/password-reset",
        "GET /admin/password-reset/{token}", "POST /admin/password-reset/{token}", "GET /admin/assets/{file}",
    ]

    @Test("every newsroom route the router knows is in the matrix or is one of the signed-out routes")
    func everyRouteCovered() async throws {
        let site = try await TestSite.make()
        let known = Set(site.router.routes.map(\.description).filter { $0.split(separator: " ")[1].hasPrefix("/admin") })
        let covered = Set(Self.routes.map { "\($0.method) \($0.pattern)" }).union(Self.signedOutRoutes)
        #expect(known.subtracting(covered).isEmpty, "routes outside the matrix: \(known.subtracting(covered).sorted())")
        #expect(covered.subtracting(known).isEmpty, "matrix routes the router does not have: \(covered.subtracting(known).sorted())")
    }

    /// The states an article of another contributor is tried in.
    static let states: [WorkflowState] = [.draft, .review, .scheduled, .published, .trash]

    @Test("each route allows exactly the roles it should, on another contributor's article in every state", arguments: [nil] + Role.allCases)
    func matrix(role: Role?) async throws {
        for route in Self.routes {
            for state in route.path.contains("ARTICLE") ? Self.states : [.published] {
                try await check(route, role: role, state: state)
            }
        }
    }

    private func check(_ route: Route, role: Role?, state: WorkflowState) async throws {
        let site = try await TestSite.make()
        let fixture = try await MatrixFixture.make(site, articleState: state)
        try await site.application.test(.router) { client in
            var visitor = try await role.asyncMap { try await site.visitor($0, client: client) } ?? .signedOut
            let path = fixture.fill(route.path)
            let fields = route.form + [("section", "\(site.publication.europe.id)")]
            let response: TestResponse
            if route.method == .get {
                response = try await visitor.send(client, .get, path)
            } else if let file = route.file {
                let (body, type) = NewsroomMediaAndSchedulingTests.multipart([("csrf", visitor.csrf)] + fields, file: file.bytes, fileName: file.name)
                response = try await visitor.send(client, .post, path, body: body, contentType: type)
            } else {
                response = try await visitor.post(client, path, fields)
            }
            let location = response.headers[.location] ?? ""
            let label = "\(route) (\(state.rawValue) article)"
            guard let role else {
                #expect(response.status == .seeOther && location.hasPrefix("/admin/login"), "\(label) signed out gave \(response.status)")
                return
            }
            if route.path == "/admin/logout" {
                #expect(response.status == .seeOther && location == "/admin/login", "\(label) as \(role) gave \(response.status)")
                #expect(try await visitor.send(client, .get, "/admin/account").status == .seeOther, "signing out ended the session")
            } else if role.includes(route.minimum) {
                #expect(response.status != .forbidden && !location.hasPrefix("/admin/login"), "\(label) as \(role) was refused")
                #expect(response.status.code < 500, "\(label) as \(role) failed: \(String(buffer: response.body))")
            } else {
                #expect(response.status == .forbidden, "\(label) as \(role) gave \(response.status), not 403")
                #expect(try await fixture.article() == fixture.before, "\(label) as \(role) changed the article")
                #expect(try await fixture.page() == fixture.pageBefore, "\(label) as \(role) changed the page")
            }
        }
    }

    @Test("a contributor edits their own draft but cannot publish it, even by calling the action directly")
    func contributorOwnDraft() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var contributor = try await site.visitor(.contributor, client: client)
            let created = try await contributor.post(client, "/admin/articles", ArticleFields.valid(title: "My first draft", section: site.publication.europe.id))
            #expect(created.status == .seeOther)
            let path = try #require(created.headers[.location]?.split(separator: "?").first.map(String.init))
            #expect(try await contributor.send(client, .get, path).status == .ok)
            let saved = try await contributor.post(client, path, ArticleFields.valid(title: "My first draft, revised", section: site.publication.europe.id) + [("version", "1")])
            #expect(saved.status == .seeOther)
            let publish = try await contributor.post(client, path, ArticleFields.valid(title: "Sneaky", section: site.publication.europe.id) + [("version", "2"), ("action", "publish")])
            #expect(publish.status == .forbidden)
            let direct = try await contributor.post(client, path + "/workflow", [("action", "publish")])
            #expect(direct.status == .forbidden)
            let submit = try await contributor.post(client, path + "/workflow", [("action", "submit")])
            #expect(submit.status == .seeOther)
            let id = Article.ID(Int64(path.split(separator: "/").last!)!)
            let article = try #require(try await site.publication.store.article(id))
            #expect(article.status == .draft)
            #expect(article.submittedAt != nil)
            #expect(article.content.title == "My first draft, revised")
        }
    }

    @Test("forms without the session's token change nothing: plain forms, uploads, imports, autosave, preview and sign-out")
    func csrf() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let draft = site.publication.draft.id
            let before = try await site.snapshot()
            let page = try #require(PageRequest(number: 1, size: 100))
            let mediaBefore = try await site.store.mediaLibrary(search: "", page: page).items.count
            let wrongToken = String(repeating: "x", count: 43)
            let forms: [(String, [(String, String)])] = [
                ("/admin/sections", [("name", "Oceans")]),
                ("/admin/articles/\(draft)/autosave", ArticleFields.valid(title: "Autosaved", section: site.publication.europe.id) + [("version", "1")]),
                ("/admin/preview", [("body", "Some *text*.")]),
                ("/admin/logout", []),
                ("/admin/account/sign-out-everywhere", []),
            ]
            for (path, fields) in forms {
                for token in [nil, wrongToken] {
                    let sent = fields + (token.map { [("csrf", $0)] } ?? [])
                    let response = try await editor.send(client, .post, path, form: sent)
                    #expect(response.status == .forbidden, "\(path) with token \(token ?? "none") gave \(response.status)")
                    #expect(String(buffer: response.body).contains("nothing was changed"), "\(path)")
                }
            }
            for (path, file, name) in [
                ("/admin/media", NewsroomMediaAndSchedulingTests.png, "pixels.png"),
                ("/admin/subscribers/import", Array("email,consent_date\nforged@example.org,2026-03-01\n".utf8), "list.csv"),
            ] {
                for token in [nil, wrongToken] {
                    let (body, type) = NewsroomMediaAndSchedulingTests.multipart(
                        (token.map { [("csrf", $0)] } ?? []) + [("alt", "Forged")], file: file, fileName: name)
                    let response = try await editor.send(client, .post, path, body: body, contentType: type)
                    #expect(response.status == .forbidden, "\(path) with token \(token ?? "none") gave \(response.status)")
                }
            }
            #expect(try await site.store.mediaLibrary(search: "", page: page).items.count == mediaBefore, "no image was uploaded")
            #expect(try await site.store.subscribers(SubscriberFilter(), page: page).items.isEmpty, "no subscriber was imported")
            #expect(try await editor.send(client, .get, "/admin/articles").status == .ok, "the session was not signed out")
            var guest = NewsroomVisitor.signedOut
            let signIn = try await guest.send(client, .post, "/admin/login", form: [("email", "editor@gazette.example"), ("password", NewsroomVisitor.password)])
            #expect(signIn.status == .forbidden)
            #expect(try await site.snapshot() == before)
        }
    }
}

/// Form fields of a valid article for the editor.
enum ArticleFields {
    static func valid(title: String, section: Section.ID? = nil, body: String = "A paragraph of text.") -> [(String, String)] {
        var fields = [("title", title), ("dek", "A dek."), ("format", "reporting"), ("authors", "1"), ("body", body)]
        if let section { fields.append(("section", "\(section)")) }
        return fields
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// The records the matrix's placeholders stand for, made afresh for each request.
struct MatrixFixture {
    let site: TestSite
    /// An article owned by another contributor, as it was before the request.
    let before: Article
    /// A published page, as it was before the request.
    let pageBefore: SitePage
    let values: [String: String]

    static func make(_ site: TestSite, articleState state: WorkflowState) async throws -> MatrixFixture {
        let now = site.clock.now
        let store = site.store
        let owner = try await site.createUser(.contributor, email: "owner@gazette.example")
        let editor = try await site.createUser(.editor, email: "matrix-editor@gazette.example")
        var content = try site.publication.article("vote-count").content
        content.slug = try Slug("owned-story")
        let names = ContentNames(of: content, in: try await store.taxonomy(), topImage: nil)
        var article = try await store.createDraft(
            content, owner: owner.id, revision: NewRevision(kind: .saved, by: ChangeAuthor(owner), content: content, names: names), now: now)
        switch state {
        case .draft: break
        case .review: article = try await store.applyWorkflow(.submit, to: article.id, now: now)
        case .scheduled: article = try await store.applyWorkflow(.schedule(now.addingTimeInterval(86_400)), to: article.id, now: now)
        case .published: article = try await store.applyWorkflow(.publish, to: article.id, now: now)
        case .trash: article = try await store.applyWorkflow(.trash, to: article.id, now: now)
        }
        #expect(WorkflowState(of: article) == state)
        let revision = try #require(try await store.revisions(of: article.id).first)
        let weekly = try #require(try await store.newsletters().first)
        let issue = try #require(
            try await store.createIssue(NewIssue(newsletterID: weekly.id, subject: "The week", intro: "", articleIDs: [], period: now..<now), now: now))
        _ = try await store.signUp(email: EmailAddress("reader@example.org"), newsletters: [weekly.id], now: now)
        let subscriber = try #require(try await store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 10)!).items.first)
        let token = try await store.createAPIToken(try NewAPIToken(name: "Wire", scope: .read, tokenHash: [7, 7, 7]), createdBy: editor.id, now: now)
        let invitation = try await store.createInvitation(
            email: EmailAddress("invited@gazette.example"), role: .editor, invitedBy: editor.id, now: now, expiresAt: now.addingTimeInterval(3600))
        let pageContent = try PageContent(
            slug: Slug("about"), title: "About", body: RenderedBody(markdown: "Us.", html: "<p>Us.</p>", openingHTML: "<p>Us.</p>", excerpt: "Us."))
        let page = try await store.createPage(
            pageContent, status: .published, revision: NewPageRevision(kind: .created, by: ChangeAuthor(editor), content: pageContent), now: now)
        let pageRevision = try #require(try await store.pageRevisions(of: page.id).first)
        let job = try await store.createImportJob(platform: .wordpress, fileName: "export.xml", requestedBy: editor.id, now: now)
        return MatrixFixture(
            site: site, before: article, pageBefore: page,
            values: [
                "ARTICLE": "\(article.id)", "REVISION": "\(revision.id)", "MEDIA": "\(site.publication.image.id)", "FILENAME": site.publication.image.fileName,
                "SECTION": "\(site.publication.europe.id)", "TOPIC": "\(site.publication.ports.id)", "SERIES": "\(site.publication.series.id)",
                "AUTHOR": "\(site.publication.ada.id)", "USER": "\(editor.id)", "ISSUE": "\(issue.id)", "SUBSCRIBER": "\(subscriber.id)",
                "TOKEN": "\(token.id)", "INVITATION": "\(invitation.id)", "PAGE": "\(page.id)", "PAGEREV": "\(pageRevision.id)",
                "IMPORT": "\(job)",
            ])
    }

    /// `path` with each placeholder replaced by its record's id.
    func fill(_ path: String) -> String {
        NewsroomAccessTests.Route.placeholders.reduce(path) { path, placeholder in
            path.replacingOccurrences(of: placeholder, with: values[placeholder] ?? placeholder)
        }
    }

    /// The owned article as it is now.
    func article() async throws -> Article? {
        try await site.store.article(before.id)
    }

    /// The page as it is now.
    func page() async throws -> SitePage? {
        try await site.store.page(pageBefore.id)
    }
}
