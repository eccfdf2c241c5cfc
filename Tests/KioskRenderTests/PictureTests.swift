import Foundation
import KioskCore
import KioskRender
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// How pages show an image once its renditions are made: `<picture>` with every type and width,
/// JPEG crops for sharing and search engines; the original's address before then.
@Suite("Responsive images")
struct PictureTests {
    let metadata = MetadataTests()

    /// Records the fixture image's renditions as made (with AVIF when `avif`), as a node's maker would.
    func markMade(_ fixture: TestPublication, avif: Bool) async throws -> RenditionPlan {
        let store = fixture.store
        let plan = RenditionPlan(media: fixture.image, avif: avif)
        _ = try await store.requestRenditions(fixture.image.id, focus: .centre, key: plan.key)
        _ = try await store.claimRenditionWork(node: "test", now: TestPublication.now, until: TestPublication.now + 60, preferring: nil)
        try await store.finishRenditions(fixture.image.id, key: plan.key, keeping: [], node: "test")
        return plan
    }

    /// The slug of a fixture article whose top image is the fixture image.
    func illustratedSlug(_ fixture: TestPublication) throws -> String {
        try #require(fixture.articles.first { $0.value.content.topMediaID == fixture.image.id }?.key)
    }

    @Test("the top image is a picture of AVIF, WebP and the fallback at every width, with its size and a high fetch priority")
    func picture() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let slug = try illustratedSlug(fixture)
        let before = try await metadata.articleHTML(slug, store: fixture.store)
        #expect(!before.contains("<picture>") && before.contains("src=\"/media/test-harbour.svg\""), "the original's address until they are made")
        let plan = try await markMade(fixture, avif: true)
        let html = try await metadata.articleHTML(slug, store: fixture.store)
        let figure = try #require(html.firstRange(of: "<figure class=\"top-image\">").map { String(html[$0.lowerBound...].prefix(3000)) })
        let avif = try #require(plan.sizes[.avif])
        let fallback = try #require(plan.sizes[plan.fallback]?.first)
        #expect(figure.contains("<picture><source type=\"image/avif\" srcset=\"\(avif.map { "\($0.path) \($0.width)w" }.joined(separator: ", "))\""))
        #expect(figure.contains("<source type=\"image/webp\""))
        #expect(figure.contains("src=\"\(plan.largest.path)\" srcset=\"\(fallback.path) 320w"))
        #expect(figure.contains("sizes=\"(min-width: 48rem) 42rem, 100vw\""))
        #expect(figure.contains("width=\"\(plan.largest.width)\" height=\"\(plan.largest.height)\" fetchpriority=\"high\"></picture>"))
        #expect(!figure.contains("test-harbour.svg"), "no address of the original is left")
    }

    @Test("share tags carry the 1200 × 630 JPEG card and the JSON-LD the three JPEG crops, at least 1200 pixels wide")
    func shareImages() async throws {
        let fixture = try await TestPublication.make(in: SQLiteStore.inMemory())
        let plan = try await markMade(fixture, avif: false)
        let html = try await metadata.articleHTML(try illustratedSlug(fixture), store: fixture.store)
        let card = try #require(plan.crops[.card])
        #expect(html.contains("<meta property=\"og:image\" content=\"https://gazette.example\(card.path)\">"))
        #expect(html.contains("<meta property=\"og:image:width\" content=\"1200\">") && html.contains("<meta property=\"og:image:height\" content=\"630\">"))
        #expect(html.contains("<meta name=\"twitter:image\" content=\"https://gazette.example\(card.path)\">"))
        let article = try metadata.block("NewsArticle", in: try metadata.jsonLD(in: html))
        let images = try #require(article["image"] as? [[String: Any]])
        #expect(images.map { $0["url"] as? String } == [CropShape.wide, .standard, .square].map { plan.crops[$0].map { "https://gazette.example" + $0.path } })
        #expect(images.allSatisfy { ($0["width"] as? Int ?? 0) >= 1200 })
        #expect(images.allSatisfy { ($0["url"] as? String)?.hasSuffix(".jpg") == true })
    }
}
