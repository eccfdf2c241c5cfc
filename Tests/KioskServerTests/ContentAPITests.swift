import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

@Suite("Content API")
struct ContentAPITests {
    func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test("lists published articles newest first with pagination totals, never drafts")
    func list() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/content/v1/articles?limit=4", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            #expect(response.headers[.eTag] != nil)
            let body = try object(response)
            let articles = try #require(body["articles"] as? [[String: Any]])
            #expect(articles.map { $0["slug"] as? String } == ["unrelated-europe", "port-strike", "vote-count", "letter-three"])
            let pagination = try #require((body["meta"] as? [String: Any])?["pagination"] as? [String: Any])
            #expect(pagination["total"] as? Int == 6 && pagination["pages"] as? Int == 2 && pagination["next"] as? Int == 2)
            let all = String(buffer: try await client.execute(uri: "/api/content/v1/articles?limit=100", method: .get).body)
            #expect(!all.contains("secret-draft") && !all.contains("A draft nobody may read"))
        }
    }

    @Test("filters, field selection and lookups by id or slug")
    func filtersAndLookups() async throws {
        let site = try await TestSite.make()
        let id = try site.publication.article("letter-two").id
        try await site.application.test(.router) { client in
            let series = try object(try await client.execute(uri: "/api/content/v1/articles?series=harbour-letters&fields=slug,title", method: .get))
            let items = try #require(series["articles"] as? [[String: Any]])
            #expect(items.count == 3 && items.allSatisfy { Set($0.keys) == ["slug", "title"] })
            let byID = try object(try await client.execute(uri: "/api/content/v1/articles/\(id)?include=html", method: .get))
            let article = try #require(byID["article"] as? [String: Any])
            #expect(article["slug"] as? String == "letter-two")
            #expect((article["html"] as? String)?.contains("In other harbour news") == true)
            #expect((article["topics"] as? [[String: Any]])?.first?["slug"] as? String == "ports")
            let bySlug = try await client.execute(uri: "/api/content/v1/articles/letter-two", method: .get)
            #expect(bySlug.status == .ok)
            let sections = try object(try await client.execute(uri: "/api/content/v1/sections", method: .get))
            #expect((sections["sections"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["europe", "africa"])
            let settings = try object(try await client.execute(uri: "/api/content/v1/settings", method: .get))
            #expect((settings["settings"] as? [String: Any])?["name"] as? String == "The Test Gazette")
        }
    }

    @Test(
        "bad requests get a problem document",
        arguments: [
            ("/api/content/v1/articles?limit=0", 400), ("/api/content/v1/articles?limit=abc", 400), ("/api/content/v1/articles?page=-2", 400),
            ("/api/content/v1/articles?fields=password", 400), ("/api/content/v1/articles?section=europe&topic=ports", 400),
            ("/api/content/v1/articles?section=%3Cx%3E", 400), ("/api/content/v1/articles?section=antarctica", 404),
            ("/api/content/v1/articles/secret-draft", 404), ("/api/content/v1/articles/999999", 404), ("/api/content/v1/articles/0", 404),
        ])
    func problems(path: String, status: Int) async throws {
        let site = try await TestSite.make()
        let draftID = site.publication.draft.id
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status.code == status)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try object(response)
            #expect(problem["status"] as? Int == status && (problem["detail"] as? String)?.isEmpty == false)
            let draft = try await client.execute(uri: "/api/content/v1/articles/\(draftID)", method: .get)
            #expect(draft.status == .notFound)
        }
    }

    @Test("an access key, when set, is required")
    func accessKey() async throws {
        let site = try await TestSite.make(contentAPIKey: "s3cret-key")
        try await site.application.test(.router) { client in
            let missing = try await client.execute(uri: "/api/content/v1/articles", method: .get)
            let wrong = try await client.execute(uri: "/api/content/v1/articles?key=wrong", method: .get)
            let right = try await client.execute(uri: "/api/content/v1/articles?key=s3cret-key", method: .get)
            #expect(missing.status == .unauthorized && wrong.status == .unauthorized && right.status == .ok)
        }
    }
}
