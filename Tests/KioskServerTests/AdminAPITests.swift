import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

@Suite("Admin API with integration tokens")
struct AdminAPITests {
    /// Makes a token through the newsroom's Integrations page and returns it as shown once.
    static func token(_ admin: inout NewsroomVisitor, _ client: some TestClientProtocol, scope: String) async throws -> String {
        let page = String(buffer: try await admin.post(client, "/admin/integrations", [("name", "Wire importer"), ("scope", scope)]).body)
        let start = try #require(page.range(of: "id=\"new-token\" readonly value=\"")).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    static func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil,
        body: [UInt8]? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any], HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var payload: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            payload = ByteBuffer(string: json)
        } else if let body {
            headers[.contentType] = "application/octet-stream"
            payload = ByteBuffer(bytes: body)
        }
        let response = try await client.execute(uri: "/api/admin/v1" + path, method: method, headers: headers, body: payload)
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        return (response.status, object, response.headers)
    }

    @Test("no token, a wrong one, a revoked one: 401 problems; a read token cannot write")
    func authentication() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let (missing, problem, headers) = try await Self.call(client, .get, "/articles", token: nil)
            #expect(missing == .unauthorized)
            #expect(headers[.contentType] == "application/problem+json")
            #expect((problem["detail"] as? String)?.contains("Authorization: Bearer") == true)
            #expect(try await Self.call(client, .get, "/articles", token: "kiosk_not-a-real-token").0 == .unauthorized)
            let reader = try await Self.token(&admin, client, scope: "read")
            #expect(reader.hasPrefix("kiosk_"))
            #expect(try await Self.call(client, .get, "/articles", token: reader).0 == .ok)
            let (forbidden, refusal, _) = try await Self.call(client, .post, "/sections", token: reader, json: #"{"name": "Oceans"}"#)
            #expect(forbidden == .forbidden)
            #expect((refusal["detail"] as? String)?.contains("may only read") == true)
            let id = try #require(try await site.publication.store.apiTokens().first?.id)
            #expect(try await admin.post(client, "/admin/integrations/\(id)/revoke", []).status == .seeOther)
            #expect(try await Self.call(client, .get, "/articles", token: reader).0 == .unauthorized)
            let stored = try await site.publication.store.apiTokens()
            #expect(stored.count == 1 && stored[0].revokedAt != nil)
        }
    }

    @Test("create, read, update with a version, schedule and publish an article; drafts stay out of the Content API")
    func articleLifecycle() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let token = try await Self.token(&admin, client, scope: "write")
            let create = #"{"title": "Tugs return to the quay", "section": "europe", "authors": ["ada-test"], "topics": ["ports"], "markdown": "The tugs came back at *noon*."}"#
            let (created, body, _) = try await Self.call(client, .post, "/articles", token: token, json: create)
            #expect(created == .created)
            let article = try #require(body["article"] as? [String: Any])
            let id = try #require(article["id"] as? Int)
            #expect(article["status"] as? String == "draft")
            #expect(article["slug"] as? String == "tugs-return-to-the-quay")
            #expect((article["html"] as? String)?.contains("<em>noon</em>") == true)
            #expect(article["version"] as? Int == 1)
            #expect(try await client.execute(uri: "/api/content/v1/articles/\(id)", method: .get).status == .notFound)

            let update = #"{"title": "Tugs return to the quay at noon", "section": "europe", "authors": ["ada-test", "bea-test"], "version": 1}"#
            let (updated, changed, _) = try await Self.call(client, .put, "/articles/\(id)", token: token, json: update)
            #expect(updated == .ok)
            #expect((changed["article"] as? [String: Any])?["version"] as? Int == 2)
            let (stale, conflict, _) = try await Self.call(client, .put, "/articles/\(id)", token: token, json: update)
            #expect(stale == .conflict)
            #expect((conflict["detail"] as? String)?.contains("now at version 2") == true)
            let revisions = try await site.publication.store.revisions(of: Article.ID(Int64(id)))
            #expect(revisions.first?.kind == .conflict && revisions.first?.savedBy == "Integration: Wire importer")

            let (badTime, _, _) = try await Self.call(client, .post, "/articles/\(id)/schedule", token: token, json: #"{"publish_at": "tomorrow"}"#)
            #expect(badTime == .unprocessableContent)
            let later = site.clock.now.addingTimeInterval(3600).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
            let (scheduled, plan, _) = try await Self.call(client, .post, "/articles/\(id)/schedule", token: token, json: #"{"publish_at": "\#(later)"}"#)
            #expect(scheduled == .ok)
            #expect((plan["article"] as? [String: Any])?["status"] as? String == "scheduled")
            #expect(try await client.execute(uri: "/api/content/v1/articles/\(id)", method: .get).status == .notFound)
            let (published, live, _) = try await Self.call(client, .post, "/articles/\(id)/publish", token: token)
            #expect(published == .ok)
            #expect((live["article"] as? [String: Any])?["url"] as? String == "https://gazette.example/articles/tugs-return-to-the-quay-at-noon")
            #expect(try await client.execute(uri: "/api/content/v1/articles/\(id)", method: .get).status == .ok)
            let (again, _, _) = try await Self.call(client, .post, "/articles/\(id)/publish", token: token)
            #expect(again == .conflict)
            let (drafts, list, _) = try await Self.call(client, .get, "/articles?status=draft", token: token)
            #expect(drafts == .ok)
            #expect((list["articles"] as? [[String: Any]])?.contains { $0["id"] as? Int == Int(site.publication.draft.id.rawValue) } == true)
        }
    }

    @Test("bad bodies get a problem naming what is wrong, and store nothing")
    func badInput() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let token = try await Self.token(&admin, client, scope: "write")
            let before = try await site.snapshot()
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("not json", .badRequest, "not valid JSON"),
                (#"{"section": "europe", "authors": ["ada-test"]}"#, .unprocessableContent, "“title” is required"),
                (#"{"title": 7, "section": "europe", "authors": ["ada-test"]}"#, .unprocessableContent, "“title” has the wrong type"),
                (#"{"title": "T", "section": "oceans", "authors": ["ada-test"]}"#, .unprocessableContent, "There is no section “oceans”"),
                (#"{"title": "T", "section": "europe", "authors": []}"#, .unprocessableContent, "at least one author"),
                (#"{"title": "\#(String(repeating: "x", count: 10_000))", "section": "europe", "authors": ["ada-test"]}"#, .unprocessableContent, "at most 300"),
                (#"{"title": "T", "slug": "Bad Slug", "section": "europe", "authors": ["ada-test"]}"#, .unprocessableContent, "A slug may only contain"),
            ]
            for (json, status, message) in cases {
                let (answer, problem, _) = try await Self.call(client, .post, "/articles", token: token, json: json)
                #expect(answer == status, "\(message)")
                #expect((problem["detail"] as? String)?.contains(message) == true, "\(message): \(problem)")
            }
            let (fake, problem, _) = try await Self.call(client, .post, "/media?alt=Crane", token: token, body: Array("<html>".utf8))
            #expect(fake == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("not a JPEG, PNG, WebP or GIF") == true)
            #expect(try await site.snapshot() == before)
        }
    }

    @Test("media uploads and taxonomy changes through the API")
    func mediaAndTaxonomy() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let token = try await Self.token(&admin, client, scope: "write")
            let (uploaded, media, _) = try await Self.call(
                client, .post, "/media?alt=Three%20red%20pixels&credit=Test", token: token, body: NewsroomMediaAndSchedulingTests.png)
            #expect(uploaded == .created)
            #expect((media["media"] as? [String: Any])?["width"] as? Int == 3)
            let (created, section, _) = try await Self.call(client, .post, "/sections", token: token, json: #"{"name": "Oceans", "position": 5}"#)
            #expect(created == .created)
            let id = try #require((section["section"] as? [String: Any])?["id"] as? Int)
            let (renamed, _, _) = try await Self.call(client, .put, "/sections/\(id)", token: token, json: #"{"name": "Seas", "slug": "seas"}"#)
            #expect(renamed == .ok)
            #expect(try await client.execute(uri: "/sections/oceans", method: .get).status == .movedPermanently)
            let (taken, _, _) = try await Self.call(client, .post, "/sections", token: token, json: #"{"name": "Europe again", "slug": "europe"}"#)
            #expect(taken == .unprocessableContent)
        }
    }

    @Test("a read token lists newsletter subscribers; drafts and subscribers never reach the Content API")
    func subscribers() async throws {
        let site = try await TestSite.make()
        let weekly = try #require(try await site.publication.store.newsletters().first)
        _ = try await site.publication.store.signUp(
            email: EmailAddress("reader@example.org"), newsletters: [weekly.id], now: site.clock.now)
        try await site.application.test(.router) { client in
            var admin = try await site.visitor(.admin, client: client)
            let reader = try await Self.token(&admin, client, scope: "read")
            let (status, body, _) = try await Self.call(client, .get, "/subscribers?status=pending", token: reader)
            #expect(status == .ok)
            let list = try #require(body["subscribers"] as? [[String: Any]])
            #expect(list.map { $0["email"] as? String } == ["reader@example.org"])
            #expect(list.first?["newsletters"] as? [String] == ["weekly-roundup"])
            let content = String(buffer: try await client.execute(uri: "/api/content/v1/articles?limit=100", method: .get).body)
            #expect(!content.contains("reader@example.org"))
            #expect(try await client.execute(uri: "/api/content/v1/subscribers", method: .get).status == .notFound)
        }
    }
}
