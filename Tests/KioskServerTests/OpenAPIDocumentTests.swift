import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTestSupport
import Testing

/// The OpenAPI document is served, parses, and describes every Content API path.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// Every path the Content API serves.
    static let contentPaths = [
        "/api/content/v1/articles", "/api/content/v1/articles/{ref}", "/api/content/v1/sections", "/api/content/v1/topics",
        "/api/content/v1/series", "/api/content/v1/authors", "/api/content/v1/settings",
    ]

    /// Serves the document as OpenAPI 3.1 JSON listing every Content API path with a GET operation.
    @Test("is served as OpenAPI 3.1 JSON listing every Content API path")
    func served() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect((object["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(object["paths"] as? [String: Any])
            for path in Self.contentPaths {
                #expect((paths[path] as? [String: Any])?["get"] != nil, "missing GET \(path)")
            }
        }
    }
}
