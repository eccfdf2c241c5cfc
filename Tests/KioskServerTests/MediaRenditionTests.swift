import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskImaging
import KioskRender
import KioskServer
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// Uploaded images reach readers only as renditions: resized, stripped of metadata, under
/// addresses that hash what they are made from; the original's address leads to the largest.
@Suite("Image renditions through the router")
struct MediaRenditionTests {
    static func image(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestPaths.repository.appendingPathComponent("Tests/fixtures/images/\(name)")))
    }

    /// Uploads the fixture `name` through the newsroom's media page.
    static func upload(_ visitor: inout NewsroomVisitor, _ client: some TestClientProtocol, _ name: String) async throws -> TestResponse {
        let (body, type) = NewsroomMediaAndSchedulingTests.multipart(
            [("csrf", visitor.csrf), ("alt", "A harbour at dusk"), ("caption", ""), ("credit", "")], file: try image(name), fileName: name)
        return try await visitor.send(client, .post, "/admin/media", body: body, contentType: type)
    }

    /// Whether `bytes` contain `text`.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.indices.dropLast(needle.count - 1).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test("an upload's renditions are made in the background; readers are sent from the original's address to the largest, which carries no metadata")
    func uploadToRendition() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            #expect(try await Self.upload(&editor, client, "photo-gps.jpg").status == .seeOther)
            let image = try #require(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).items.first?.media)
            #expect(image.width == 1067 && image.height == 1600, "the size as shown, after the EXIF orientation")
            #expect(image.renditionsWanted != nil && image.renditionsMade == nil)

            // A reader asks for the original while nothing is made; the largest rendition is stored
            // meanwhile (as this node's maker would, first among the files it makes).
            let plan = RenditionPlan(media: image, avif: false)
            async let reader = client.execute(uri: "/media/\(image.fileName)", method: .get)
            let claimed = try await site.store.claimRenditionWork(node: "test-node", now: site.clock.now, until: site.clock.now + 120, preferring: image.id)
            #expect(claimed?.id == image.id)
            let largest = try Imaging.render(try Self.image("photo-gps.jpg"), as: plan.largest, focus: .centre)
            #expect(try await site.store.addRendition(plan.largest, of: image.id, bytes: largest, node: "test-node", until: site.clock.now + 120))
            let redirect = try await reader
            #expect(redirect.status == .movedPermanently, "the reader's request waited for the largest rendition")
            #expect(redirect.headers[.location] == plan.largest.path)
            #expect(plan.largest.width == 1067 && plan.largest.encoding == .jpeg)
            #expect(await site.renditionMaker.makeNext(), "the maker makes the rest")
            #expect(try await site.store.media(image.id)?.renditionsMade == image.renditionsWanted)

            let served = try await client.execute(uri: plan.largest.path, method: .get)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "image/jpeg")
            #expect(served.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let body = [UInt8](buffer: served.body)
            #expect(!Self.contains(body, "Exif") && !Self.contains(body, "CAM123456"), "no EXIF, no camera serial")
            #expect(Self.contains(try Self.image("photo-gps.jpg"), "CAM123456"), "the original has them")
            let etag = try #require(served.headers[.eTag])
            #expect(try await client.execute(uri: plan.largest.path, method: .get, headers: [.ifNoneMatch: etag]).status == .notModified)
            for rendition in try await site.store.renditionNames(of: image.id) {
                #expect(try await client.execute(uri: "/media/r/\(rendition)", method: .get).status == .ok, "\(rendition)")
            }

            let original = try await editor.send(client, .get, "/admin/media/file/\(image.fileName)")
            let photo = try Self.image("photo-gps.jpg")
            #expect(original.status == .ok && [UInt8](buffer: original.body) == photo)
            #expect(original.headers[.cacheControl] == "private, no-store", "the newsroom sees the original; no shared cache keeps it")
        }
    }

    @Test("bombs, damaged files and documents named like images are refused with a message and store nothing")
    func badImages() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let cases = [
                ("bomb.png", "20000 × 20000 pixels, 400 megapixels; the limit is 100"),
                ("truncated.jpg", "This image cannot be read: it is damaged or cut short"),
                ("pdf-named.jpg", "This file is not a JPEG, PNG, WebP or GIF image."),
                ("svg-named.jpg", "This file is not a JPEG, PNG, WebP or GIF image."),
            ]
            for (name, message) in cases {
                let response = try await Self.upload(&editor, client, name)
                #expect(response.status == .unprocessableContent, "\(name)")
                #expect(String(buffer: response.body).contains(message), "\(name)")
            }
            #expect(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).totalItems == 0)
        }
    }

    @Test(
        "CMYK, 16-bit, animated, transparent and metadata-heavy images are accepted and made into renditions",
        arguments: ["cmyk.jpg", "deep.png", "anim.gif", "transparent.png", "huge-icc.jpg", "big-exif.jpg"])
    func awkwardImages(name: String) async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            #expect(try await Self.upload(&editor, client, name).status == .seeOther)
            #expect(await site.renditionMaker.makeNext())
            let image = try #require(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).items.first?.media)
            #expect(image.renditionsFailure == nil && image.renditionsMade == image.renditionsWanted)
            let plan = RenditionPlan(media: image, avif: false)
            #expect(plan.fallback == (name.hasSuffix(".png") || name.hasSuffix(".gif") ? .png : .jpeg))
            let card = try await client.execute(uri: try #require(plan.crops[.card]).path, method: .get)
            #expect(card.status == .ok && card.headers[.contentType] == "image/jpeg")
        }
    }

    @Test("a deleted image's renditions stop being served, and its original's address answers 404")
    func deletedImage() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let uploaded = try await Self.upload(&editor, client, "cmyk.jpg")
            let path = try #require(uploaded.headers[.location]?.split(separator: "?").first.map(String.init))
            #expect(await site.renditionMaker.makeNext())
            let image = try #require(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).items.first?.media)
            let largest = RenditionPlan(media: image, avif: false).largest.path
            #expect(try await client.execute(uri: largest, method: .get).status == .ok)
            #expect(try await editor.post(client, path + "/delete", []).status == .seeOther)
            #expect(try await client.execute(uri: largest, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/media/\(image.fileName)", method: .get).status == .notFound)
        }
    }

    @Test("an author's page shows the author's photo as a picture of its renditions")
    func authorPhoto() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            #expect(try await Self.upload(&editor, client, "cmyk.jpg").status == .seeOther)
            #expect(await site.renditionMaker.makeNext())
            let photo = try #require(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).items.first?.media)
            let ada = site.publication.ada
            try await site.store.updateAuthor(ada.id, try NewAuthor(slug: ada.slug, name: ada.name, bio: ada.bio, photoID: photo.id, links: ada.links))
            let page = String(buffer: try await client.execute(uri: "/authors/ada-test", method: .get).body)
            let largest = RenditionPlan(media: photo, avif: false).largest
            #expect(page.contains("<figure class=\"listing-photo\">"))
            #expect(page.contains("<img src=\"\(largest.path)\" srcset=\""))
            #expect(page.contains("alt=\"A harbour at dusk\" width=\"\(largest.width)\" height=\"\(largest.height)\""))
            #expect(!page.contains("/media/\(photo.fileName)"), "never the original")
        }
    }

    @Test("an image in an article's text is drawn as a picture of its renditions, with its size; other images are left as they were")
    func imageInText() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            #expect(try await Self.upload(&editor, client, "cmyk.jpg").status == .seeOther)
            let photo = try #require(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).items.first?.media)
            var content = try #require(site.publication.articles.values.first).content
            content.slug = try Slug("harbour-figure")
            content.body = MarkdownRenderer().render("""
                Before the picture.

                :::figure
                ![The quay & <east> at dusk](/media/\(photo.fileName))
                Cranes idle for the night.
                Credit: Test Agency
                :::

                ![Elsewhere](https://pictures.example/quay.jpg) and ![Gone](/media/no-such-image.jpg)
                """)
            _ = try await site.store.createArticle(content, status: .published, publishedAt: site.clock.now, now: site.clock.now)

            let waiting = String(buffer: try await client.execute(uri: "/articles/harbour-figure", method: .get).body)
            #expect(waiting.contains("<img src=\"/media/\(photo.fileName)\" width=\"\(photo.width)\" height=\"\(photo.height)\" loading=\"lazy\" alt=\"The quay &amp; &lt;east&gt; at dusk\""),
                    "before its renditions are made, the original's address with the image's size")

            #expect(await site.renditionMaker.makeNext())
            let made = try #require(try await site.store.media(photo.id))
            let plan = try #require(made.madeRenditions)
            let page = String(buffer: try await client.execute(uri: "/articles/harbour-figure", method: .get).body)
            let webp = try #require(plan.sizes[.webp]).map { "\($0.path) \($0.width)w" }.joined(separator: ", ")
            let sizes = "(min-width: 48rem) 42rem, 100vw"
            #expect(page.contains("<figure class=\"body-figure\"><picture><source type=\"image/"))
            #expect(page.contains("<source type=\"image/webp\" srcset=\"\(webp)\" sizes=\"\(sizes)\">"))
            #expect(page.contains(
                "<img src=\"\(plan.largest.path)\" srcset=\"\(plan.sizes[.jpeg]!.map { "\($0.path) \($0.width)w" }.joined(separator: ", "))\" sizes=\"\(sizes)\" "
                    + "width=\"\(plan.largest.width)\" height=\"\(plan.largest.height)\" loading=\"lazy\" alt=\"The quay &amp; &lt;east&gt; at dusk\"></picture>"
                    + "<figcaption><span class=\"caption\">Cranes idle for the night.</span> <span class=\"credit\">Test Agency</span></figcaption>"))
            #expect(!page.contains("/media/\(photo.fileName)"), "never the original")
            #expect(page.contains("<img src=\"https://pictures.example/quay.jpg\" alt=\"Elsewhere\" />"), "another site's image is left alone")
            #expect(page.contains("<img src=\"/media/no-such-image.jpg\" alt=\"Gone\" />"), "an address the library does not hold is left alone")
        }
    }

    @Test("feeds carry the top image's rendition with its type, size and length in bytes")
    func feedImageLength() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            #expect(try await Self.upload(&editor, client, "cmyk.jpg").status == .seeOther)
            #expect(await site.renditionMaker.makeNext())
            let photo = try #require(try await site.store.mediaLibrary(search: "harbour at dusk", page: PageRequest(number: 1, size: 5)!).items.first?.media)
            var content = try #require(site.publication.articles.values.first).content
            content.slug = try Slug("harbour-in-feeds")
            content.topMediaID = photo.id
            _ = try await site.store.createArticle(content, status: .published, publishedAt: site.clock.now + 60, now: site.clock.now + 60)
            let copy = try #require(photo.madeRenditions?.fallback(atLeast: 960))
            let length = try #require(try await site.store.rendition(named: copy.name)).bytes.count
            let rss = String(buffer: try await client.execute(uri: "/feed.xml", method: .get).body)
            #expect(rss.contains("<media:content url=\"https://gazette.example\(copy.path)\" type=\"image/jpeg\" medium=\"image\" width=\"\(copy.width)\" height=\"\(copy.height)\" fileSize=\"\(length)\">"))
            let atom = String(buffer: try await client.execute(uri: "/feed.atom", method: .get).body)
            #expect(atom.contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"https://gazette.example\(copy.path)\" length=\"\(length)\"/>"))
        }
    }
}
