import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
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

        var description: String { "\(method) \(path)" }
    }

    /// `ID` stands for a published article nobody in the newsroom owns; `MEDIA` for the fixture image;
    /// `SECTION` and `USER` for a section and the editor account.
    static let routes: [Route] = [
        Route(method: .get, path: "/admin/articles", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/articles/new", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/articles/ID", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/articles/ID/preview", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/articles/ID/render", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/articles/ID/revisions", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/media", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/media/MEDIA", minimum: .contributor, form: []),
        Route(method: .get, path: "/admin/sections", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/topics", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/series", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/authors", minimum: .editor, form: []),
        Route(method: .get, path: "/admin/users", minimum: .admin, form: []),
        Route(method: .get, path: "/admin/settings", minimum: .admin, form: []),
        Route(method: .get, path: "/admin/integrations", minimum: .admin, form: []),
        Route(method: .get, path: "/admin/account", minimum: .contributor, form: []),
        Route(method: .post, path: "/admin/articles", minimum: .contributor, form: ArticleFields.valid(title: "A new draft")),
        Route(method: .post, path: "/admin/articles/ID", minimum: .editor, form: ArticleFields.valid(title: "Changed headline") + [("version", "1")]),
        Route(method: .post, path: "/admin/articles/ID/autosave", minimum: .editor, form: ArticleFields.valid(title: "Autosaved") + [("version", "1")]),
        Route(method: .post, path: "/admin/articles/ID/workflow", minimum: .editor, form: [("action", "unpublish")]),
        Route(method: .post, path: "/admin/articles/ID/revisions/1/restore", minimum: .editor, form: [("version", "1")]),
        Route(method: .post, path: "/admin/preview", minimum: .contributor, form: [("body", "Some *text*.")]),
        Route(method: .post, path: "/admin/media/MEDIA", minimum: .editor, form: [("alt", "A crane"), ("caption", ""), ("credit", "")]),
        Route(method: .post, path: "/admin/media/MEDIA/delete", minimum: .editor, form: []),
        Route(method: .post, path: "/admin/sections", minimum: .editor, form: [("name", "Oceans"), ("slug", ""), ("description", "")]),
        Route(method: .post, path: "/admin/sections/SECTION", minimum: .editor, form: [("name", "Europe"), ("slug", "europe"), ("description", "")]),
        Route(method: .post, path: "/admin/topics", minimum: .editor, form: [("name", "Rivers")]),
        Route(method: .post, path: "/admin/series", minimum: .editor, form: [("name", "River Letters")]),
        Route(method: .post, path: "/admin/authors", minimum: .editor, form: [("name", "New Writer")]),
        Route(method: .post, path: "/admin/users/invite", minimum: .admin, form: [("email", "new@gazette.example"), ("role", "editor")]),
        Route(method: .post, path: "/admin/users/USER/role", minimum: .admin, form: [("role", "contributor")]),
        Route(method: .post, path: "/admin/integrations", minimum: .admin, form: [("name", "Importer"), ("scope", "read")]),
        Route(method: .post, path: "/admin/settings", minimum: .admin, form: [("name", "The Gazette"), ("time_zone", "Europe/London")]),
        Route(method: .post, path: "/admin/account/sign-out-everywhere", minimum: .contributor, form: []),
    ]

    @Test("each route allows exactly the roles it should", arguments: [nil] + Role.allCases)
    func matrix(role: Role?) async throws {
        for route in Self.routes {
            let site = try await TestSite.make()
            let editor = try await site.createUser(.editor, email: "matrix-editor@gazette.example")
            try await site.application.test(.router) { client in
                var visitor = try await role.asyncMap { try await site.visitor($0, client: client) } ?? .signedOut
                let path = route.path
                    .replacingOccurrences(of: "ID", with: "\(site.publication.articles["letter-two"]!.id)")
                    .replacingOccurrences(of: "MEDIA", with: "\(site.publication.image.id)")
                    .replacingOccurrences(of: "SECTION", with: "\(site.publication.europe.id)")
                    .replacingOccurrences(of: "USER", with: "\(editor.id)")
                let response =
                    route.method == .get
                    ? try await visitor.send(client, .get, path)
                    : try await visitor.post(client, path, route.form + [("section", "\(site.publication.europe.id)")])
                let location = response.headers[.location] ?? ""
                guard let role else {
                    #expect(response.status == .seeOther && location.hasPrefix("/admin/login"), "\(route) signed out gave \(response.status)")
                    return
                }
                if role.includes(route.minimum) {
                    #expect(response.status != .forbidden && !location.hasPrefix("/admin/login"), "\(route) as \(role) was refused")
                    #expect(response.status.code < 500, "\(route) as \(role) failed: \(String(buffer: response.body))")
                } else {
                    #expect(response.status == .forbidden, "\(route) as \(role) gave \(response.status), not 403")
                }
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

    @Test("forms without the session's token change nothing")
    func csrf() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let before = try await site.snapshot()
            let missing = try await editor.send(client, .post, "/admin/sections", form: [("name", "Oceans")])
            #expect(missing.status == .forbidden)
            #expect(String(buffer: missing.body).contains("nothing was changed"))
            let wrong = try await editor.send(client, .post, "/admin/sections", form: [("csrf", String(repeating: "x", count: 43)), ("name", "Oceans")])
            #expect(wrong.status == .forbidden)
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
