import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

@Suite("Newsroom editing: concurrency, revisions, bad input")
struct NewsroomEditingTests {
    /// Creates a draft through the editor and returns its editor path.
    static func createDraft(_ visitor: inout NewsroomVisitor, _ client: some TestClientProtocol, _ site: TestSite, body: String) async throws -> String {
        let created = try await visitor.post(client, "/admin/articles", ArticleFields.valid(title: "Harbour pilots strike", section: site.publication.europe.id, body: body))
        #expect(created.status == .seeOther)
        return try #require(created.headers[.location]?.split(separator: "?").first.map(String.init))
    }

    static func id(_ path: String) -> Article.ID { Article.ID(Int64(path.split(separator: "/").last!)!) }

    @Test("two people edit the same article: the second save is refused, nothing is lost")
    func concurrentEdit() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var first = try await site.visitor(.editor, client: client)
            let second = try await site.createUser(.editor, email: "second@gazette.example", name: "Second Editor")
            var other = try await NewsroomVisitor.signIn(client, email: second.email.rawValue).0
            let path = try await Self.createDraft(&first, client, site, body: "The pilots met at dawn.")
            let openedByFirst = try #require(NewsroomVisitor.hiddenValue("version", in: String(buffer: try await first.send(client, .get, path).body)))
            let openedByOther = try #require(NewsroomVisitor.hiddenValue("version", in: String(buffer: try await other.send(client, .get, path).body)))
            #expect(openedByFirst == openedByOther)

            let saved = try await first.post(
                client, path, ArticleFields.valid(title: "Harbour pilots strike", section: site.publication.europe.id, body: "The pilots met at dawn and voted.") + [("version", openedByFirst)])
            #expect(saved.status == .seeOther)
            let refused = try await other.post(
                client, path, ArticleFields.valid(title: "Pilots strike at the harbour", section: site.publication.europe.id, body: "Words of the second editor.") + [("version", openedByOther)])
            #expect(refused.status == .conflict)
            let page = String(buffer: refused.body)
            #expect(page.contains("Someone else saved this article"))
            #expect(page.contains("Words of the second editor."))

            let stored = try #require(try await site.publication.store.article(Self.id(path)))
            #expect(stored.content.body.markdown == "The pilots met at dawn and voted.")
            let revisions = try await site.publication.store.revisions(of: stored.id)
            #expect(revisions.contains { $0.kind == .conflict && $0.draft.markdown == "Words of the second editor." && $0.savedBy == "Second Editor" })
            let history = String(buffer: try await first.send(client, .get, path + "/revisions").body)
            #expect(history.contains("Not saved (conflict)"))
        }
    }

    @Test("an older revision is compared and restored as a new revision")
    func restoreRevision() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let path = try await Self.createDraft(&editor, client, site, body: "First version of the text.")
            for (version, body) in [("1", "Second version of the text."), ("2", "Third version, much changed.")] {
                let response = try await editor.post(
                    client, path, ArticleFields.valid(title: "Harbour pilots strike", section: site.publication.europe.id, body: body) + [("version", version)])
                #expect(response.status == .seeOther)
            }
            let revisions = try await site.publication.store.revisions(of: Self.id(path))
            #expect(revisions.map(\.kind) == [.saved, .saved, .created])
            let first = try #require(revisions.last)
            let diff = String(buffer: try await editor.send(client, .get, path + "/revisions?from=\(first.id)&to=\(revisions[0].id)").body)
            #expect(diff.contains("class=\"line removed\""))
            #expect(diff.contains("<mark class=\"word\">First</mark> version <mark class=\"word\">of</mark> <mark class=\"word\">the text</mark>."), "the words that changed are marked")
            #expect(diff.contains("<mark class=\"word\">Third</mark> version<mark class=\"word\">,</mark> <mark class=\"word\">much</mark> <mark class=\"word\">changed</mark>."))

            let restored = try await editor.post(client, path + "/revisions/\(first.id)/restore", [("version", "3")])
            #expect(restored.status == .seeOther)
            let article = try #require(try await site.publication.store.article(Self.id(path)))
            #expect(article.content.body.markdown == "First version of the text.")
            #expect(article.content.body.html.contains("<p>First version of the text.</p>"))
            #expect(article.version == 4)
            let after = try await site.publication.store.revisions(of: article.id)
            #expect(after.count == 4)
            #expect(after.first?.kind == .restored)
            let stale = try await editor.post(client, path + "/revisions/\(first.id)/restore", [("version", "3")])
            #expect(stale.status == .conflict)
        }
    }

    @Test("the worst History a contributor can make (two unrelated bodies at the longest) is bounded in work and size")
    func worstHistory() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var contributor = try await site.visitor(.contributor, client: client)
            let path = try await Self.createDraft(&contributor, client, site, body: "A first line.")
            var generator = SystemRandomNumberGenerator()
            for version in ["1", "2"] {
                // Lines of one letter drawn from two: no two bodies share long runs, the costliest case.
                let body = (0..<(ArticleFormLimits.maximumBodyLength / 2)).map { _ in Bool.random(using: &generator) ? "a" : "b" }.joined(separator: "\n")
                let saved = try await contributor.post(
                    client, path, ArticleFields.valid(title: "Harbour pilots strike", section: site.publication.europe.id, body: body) + [("version", version)])
                #expect(saved.status == .seeOther)
            }
            let history = try await contributor.send(client, .get, path + "/revisions")
            #expect(history.status == .ok)
            let page = String(buffer: history.body)
            #expect(page.contains("more line(s) of changes, not shown"))
            #expect(page.components(separatedBy: "class=\"line ").count - 1 <= 5_000, "at most 5,000 lines shown")
            #expect(history.body.readableBytes < 1_000_000)
        }
    }

    @Test("a 10,000-character headline, empty fields and unknown references are refused with a message; nothing is stored")
    func badArticleInput() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let before = try await site.publication.store.articleCount()
            let europe = site.publication.europe.id
            let cases: [([(String, String)], String)] = [
                (ArticleFields.valid(title: String(repeating: "x", count: 10_000), section: europe), "at most 300 characters"),
                (ArticleFields.valid(title: "   ", section: europe), "A headline is required."),
                (ArticleFields.valid(title: "No section"), "Choose a section."),
                (ArticleFields.valid(title: "Ghost section", section: Section.ID(999)), "no longer exists"),
                (ArticleFields.valid(title: "Bad slug", section: europe) + [("slug", "Not A Slug!")], "A slug may only contain"),
                (ArticleFields.valid(title: "Bad canonical", section: europe) + [("canonical_url", "javascript:alert(1)")], "canonical URL"),
                ([("title", "No author"), ("format", "reporting"), ("section", "\(europe)")], "at least one author"),
                (ArticleFields.valid(title: "Too long", section: europe, body: String(repeating: "a", count: 400_001)), "at most 400000 characters"),
                (
                    ArticleFields.valid(title: "Too wide", section: europe, body: "|" + String(repeating: "a|", count: 5_000) + "\n|" + String(repeating: "-|", count: 5_000)),
                    "a table at most 200 columns"
                ),
            ]
            for (fields, message) in cases {
                let response = try await editor.post(client, "/admin/articles", fields)
                #expect(response.status == .unprocessableContent, "\(message)")
                #expect(String(buffer: response.body).contains(message), "\(message)")
            }
            #expect(try await site.publication.store.articleCount() == before)
        }
    }

    @Test("script payloads in every text field are shown as text in the newsroom")
    func payloadsInert() async throws {
        let site = try await TestSite.make()
        let payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let path = try await Self.createDraft(&admin, client, site, body: "Body " + payload)
            let saved = try await admin.post(
                client, path,
                [("title", payload), ("dek", payload), ("format", "reporting"), ("authors", "1"), ("section", "\(site.publication.europe.id)"),
                 ("body", payload), ("seo_title", payload), ("version", "1")])
            #expect(saved.status == .seeOther)
            _ = try await admin.post(client, "/admin/media/\(site.publication.image.id)", [("alt", payload), ("caption", payload), ("credit", payload)])
            _ = try await admin.post(client, "/admin/sections/\(site.publication.europe.id)", [("name", payload), ("slug", "europe"), ("description", payload)])
            _ = try await admin.post(client, "/admin/authors/\(site.publication.ada.id)", [("name", payload), ("slug", "ada-test"), ("description", payload)])
            for page in [path, "/admin/articles", path + "/revisions", "/admin/media", "/admin/media/\(site.publication.image.id)", "/admin/sections", "/admin/authors", path + "/render"] {
                let html = String(buffer: try await admin.send(client, .get, page).body)
                #expect(!html.contains("<script>alert"), "\(page)")
                #expect(!html.contains("<img src=x"), "\(page)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page)")
            }
        }
    }
}

/// The longest article body the editor accepts, as `ArticleForm` sets it.
enum ArticleFormLimits {
    static let maximumBodyLength = 400_000
}
