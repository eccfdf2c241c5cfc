import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import KioskSQLite
import KioskStore
import KioskTestSupport
import Logging
import Testing

@Suite("Newsroom media uploads and scheduled publishing")
struct NewsroomMediaAndSchedulingTests {
    /// A real 3×2 PNG.
    static let png = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAFUlEQVR4nGM8ISfHwMDAwMDAxAADABMuAQhqwGVhAAAAAElFTkSuQmCC")!)

    /// A multipart body with the form's fields and a file.
    static func multipart(_ fields: [(String, String)], file: [UInt8], fileName: String) -> (ByteBuffer, String) {
        multipart(fields, files: [(fileName, file)])
    }

    /// A multipart body with the form's fields and several files in the field `file`.
    static func multipart(_ fields: [(String, String)], files: [(name: String, bytes: [UInt8])]) -> (ByteBuffer, String) {
        let boundary = "----kiosk-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: image/png\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    static func upload(_ visitor: inout NewsroomVisitor, _ client: some TestClientProtocol, _ file: [UInt8], name: String = "photo.png") async throws -> TestResponse {
        let (body, type) = multipart([("csrf", visitor.csrf), ("alt", "Three pixels of red"), ("caption", "A tiny test image."), ("credit", "Test Studio")], file: file, fileName: name)
        return try await visitor.send(client, .post, "/admin/media", body: body, contentType: type)
    }

    @Test("an image upload is checked from its bytes, stored once under a content-derived name, with its size")
    func upload() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var contributor = try await site.visitor(.contributor, client: client)
            let first = try await Self.upload(&contributor, client, Self.png)
            #expect(first.status == .seeOther)
            let again = try await Self.upload(&contributor, client, Self.png, name: "another-name.png")
            #expect(again.headers[.location] == first.headers[.location])
            let library = try await site.publication.store.mediaLibrary(search: "Three pixels", page: PageRequest(number: 1, size: 10)!)
            #expect(library.totalItems == 1)
            let media = try #require(library.items.first?.media)
            #expect(media.width == 3 && media.height == 2 && media.contentType == "image/png")
            #expect(media.fileName.count == 36 && media.fileName.hasSuffix(".png"))
            let stored = try Data(contentsOf: site.mediaFolder.appendingPathComponent(media.fileName))
            #expect([UInt8](stored) == Self.png)
            #expect(try await contributor.send(client, .get, "/admin/media/file/\(media.fileName)").status == .ok)
            #expect(try await client.execute(uri: "/admin/media/file/\(media.fileName)", method: .get).status == .seeOther, "signed out: sign in first")
        }
    }

    @Test("fake, empty, unnamed and oversized uploads are refused with a message and store nothing")
    func badUploads() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 1 << 20)
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let files = try FileManager.default.contentsOfDirectory(atPath: site.mediaFolder.path)
            let cases: [([UInt8], HTTPResponse.Status, String)] = [
                (Array("<script>alert(1)</script>".utf8), .unprocessableContent, "not a JPEG, PNG, WebP or GIF"),
                (Array(Self.png.prefix(20)), .unprocessableContent, "damaged"),
                ([], .unprocessableContent, "Choose an image file"),
                (Self.png + [UInt8](repeating: 0, count: 1_200_000), .contentTooLarge, "larger than the limit of 1 MB"),
            ]
            for (bytes, status, message) in cases {
                let response = try await Self.upload(&editor, client, bytes)
                #expect(response.status == status, "\(message)")
                #expect(String(buffer: response.body).contains(message), "\(message)")
            }
            let (body, type) = Self.multipart([("csrf", editor.csrf), ("alt", "  ")], file: Self.png, fileName: "a.png")
            let noAlt = try await editor.send(client, .post, "/admin/media", body: body, contentType: type)
            #expect(String(buffer: noAlt.body).contains("Describe the image in its alt text"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.mediaFolder.path).sorted() == files.sorted())
            #expect(try await site.publication.store.mediaLibrary(search: "", page: PageRequest(number: 1, size: 10)!).totalItems == 1)
        }
    }

    @Test("several files upload together with the form's text, a bad one named with those before it kept; the media desk's script gets JSON")
    func severalFiles() async throws {
        let site = try await TestSite.make(maximumUploadBytes: 2 << 20)
        try await site.application.test(.router) { client in
            var contributor = try await site.visitor(.contributor, client: client)
            let pictures = [("a.gif", try MediaRenditionTests.image("anim.gif")), ("b.png", try MediaRenditionTests.image("transparent.png"))]
            let (body, type) = Self.multipart([("csrf", contributor.csrf), ("alt", "Quay pictures"), ("credit", "Test Studio")], files: pictures)
            let both = try await contributor.send(client, .post, "/admin/media", body: body, contentType: type)
            #expect(both.status == .seeOther && both.headers[.location] == "/admin/media?done=uploaded")
            let stored = try await site.store.mediaLibrary(search: "Quay pictures", page: PageRequest(number: 1, size: 5)!).items.map(\.media)
            #expect(stored.count == 2 && stored.allSatisfy { $0.credit == "Test Studio" })

            let (mixed, mixedType) = Self.multipart(
                [("csrf", contributor.csrf), ("alt", "Mixed batch")], files: [("good.png", Self.png), ("notes.jpg", Array("plain words".utf8))])
            let refused = try await contributor.send(client, .post, "/admin/media", body: mixed, contentType: mixedType)
            #expect(refused.status == .unprocessableContent)
            let page = String(buffer: refused.body)
            #expect(page.contains("“notes.jpg”:") && page.contains("The 1 file(s) before it were uploaded."), "\(page.prefix(0))")
            #expect(try await site.store.mediaLibrary(search: "Mixed batch", page: PageRequest(number: 1, size: 5)!).totalItems == 1)

            let tooMany = Self.multipart([("csrf", contributor.csrf), ("alt", "Many")], files: Array(repeating: ("p.png", Self.png), count: 21))
            let many = try await contributor.send(client, .post, "/admin/media", body: tooMany.0, contentType: tooMany.1)
            #expect(many.status == .unprocessableContent && String(buffer: many.body).contains("Upload at most 20 files at once."))

            let json: HTTPFields = [.accept: "application/json"]
            let (one, oneType) = Self.multipart([("csrf", contributor.csrf), ("alt", "A single red dot")], files: [("dot.png", try MediaRenditionTests.image("deep.png"))])
            let created = try await contributor.send(client, .post, "/admin/media", body: one, contentType: oneType, headers: json)
            #expect(created.status == .created && created.headers[.contentType] == "application/json")
            let answer = try JSONDecoder().decode([String: String].self, from: Data(String(buffer: created.body).utf8))
            #expect(answer["href"]?.hasPrefix("/admin/media/") == true && answer["thumbnail"]?.hasPrefix("/admin/media/file/") == true)
            let (bad, badType) = Self.multipart([("csrf", contributor.csrf), ("alt", "")], files: [("dot.png", Self.png)])
            let problem = try await contributor.send(client, .post, "/admin/media", body: bad, contentType: badType, headers: json)
            #expect(problem.status == .unprocessableContent)
            #expect(try JSONDecoder().decode([String: String].self, from: Data(String(buffer: problem.body).utf8))["message"]?.contains("alt text") == true)
        }
    }

    @Test("the editor's image chooser gets a page of the library as JSON, searched by its text")
    func chooser() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var contributor = try await site.visitor(.contributor, client: client)
            #expect(try await Self.upload(&contributor, client, Self.png).status == .seeOther)
            let reply = try await contributor.send(client, .get, "/admin/media/choose?q=pixels+of+red")
            #expect(reply.status == .ok && reply.headers[.contentType] == "application/json")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: reply.body).utf8)) as? [String: Any])
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.count == 1 && page["next"] == nil, "no next page")
            let item = try #require(items.first)
            #expect(item["alt"] as? String == "Three pixels of red" && item["caption"] as? String == "A tiny test image." && item["credit"] as? String == "Test Studio")
            #expect((item["address"] as? String)?.hasPrefix("/media/") == true && (item["address"] as? String)?.hasSuffix(".png") == true)
            let library = String(buffer: try await contributor.send(client, .get, "/admin/media?q=Three+pixels").body)
            #expect(library.contains("<p class=\"count\">1 image(s)</p>"), "a search form's + is a space")
            let none = try await contributor.send(client, .get, "/admin/media/choose?q=nothing%20like%20this")
            #expect(String(buffer: none.body) == #"{"items":[]}"#)
            #expect(try await contributor.send(client, .get, "/admin/media/choose?page=0").status == .badRequest)
        }
    }

    @Test("an image in use cannot be deleted; an unused one can, and its file is no longer served")
    func deleteMedia() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let used = try await editor.post(client, "/admin/media/\(site.publication.image.id)/delete", [])
            #expect(used.status == .conflict)
            #expect(String(buffer: used.body).contains("This image is used in"))
            let uploaded = try await Self.upload(&editor, client, Self.png)
            let path = try #require(uploaded.headers[.location]?.split(separator: "?").first.map(String.init))
            let library = try await site.publication.store.mediaLibrary(search: "Three pixels", page: PageRequest(number: 1, size: 10)!)
            let fileName = try #require(library.items.first?.media.fileName)
            let served = try await editor.send(client, .get, "/admin/media/file/\(fileName)")
            #expect(served.status == .ok && served.headers[.eTag] == "\"\(fileName)\"")
            #expect(try await editor.post(client, path + "/delete", []).status == .seeOther)
            #expect(try await editor.send(client, .get, path).status == .notFound)
            #expect(try await client.execute(uri: "/media/\(fileName)", method: .get).status == .notFound)
            #expect(!FileManager.default.fileExists(atPath: site.mediaFolder.appendingPathComponent(fileName).path))
        }
    }

    @Test("a file left in the media folder is not served once the store has no record of it")
    func strayFile() async throws {
        let site = try await TestSite.make()
        let name = String(repeating: "ab", count: 16) + ".png"
        try Data(Self.png).write(to: site.mediaFolder.appendingPathComponent(name))
        try await site.application.test(.router) { client in
            let response = try await client.execute(uri: "/media/\(name)", method: .get)
            #expect(response.status == .notFound)
        }
        #expect(!FileManager.default.fileExists(atPath: site.mediaFolder.appendingPathComponent(name).path))
    }

    @Test("a scheduled article is live at its minute, not before, in Latest, its section and related stories")
    func scheduling() async throws {
        let site = try await TestSite.make()
        let store = site.store
        try await site.application.test(.router) { client in
            var editor = try await site.visitor(.editor, client: client)
            let path = try await NewsroomEditingTests.createDraft(&editor, client, site, body: "Pilots and tugs.")
            let minute = (site.clock.now.timeIntervalSince1970 / 60).rounded(.down) * 60
            let at = Date(timeIntervalSince1970: minute + 120)
            site.clock.advance(by: at.timeIntervalSince(site.clock.now) - 60)
            let local = DateFormatter()
            local.locale = Locale(identifier: "en_US_POSIX")
            local.timeZone = TimeZone(identifier: "Europe/London")
            local.dateFormat = "yyyy-MM-dd'T'HH:mm"
            let scheduled = try await editor.post(
                client, path, ArticleFields.valid(title: "Harbour pilots strike", section: site.publication.europe.id, body: "Pilots and tugs.")
                    + [("version", "1"), ("action", "schedule"), ("publish_at", local.string(from: at))])
            #expect(scheduled.status == .seeOther)
            let publisher = ScheduledPublisher(store: store, logger: Logger(label: "test"), now: { site.clock.now })

            site.clock.advance(by: 59)
            _ = await publisher.publishDue()
            #expect(try await client.execute(uri: "/articles/harbour-pilots-strike", method: .get).status == .notFound)
            #expect(!String(buffer: try await client.execute(uri: "/latest", method: .get).body).contains("Harbour pilots strike"))

            site.clock.advance(by: 1)
            _ = await publisher.publishDue()
            #expect(try await client.execute(uri: "/articles/harbour-pilots-strike", method: .get).status == .ok)
            #expect(String(buffer: try await client.execute(uri: "/latest", method: .get).body).contains("Harbour pilots strike"))
            #expect(String(buffer: try await client.execute(uri: "/sections/europe", method: .get).body).contains("Harbour pilots strike"))
            #expect(String(buffer: try await client.execute(uri: "/articles/letter-two", method: .get).body).contains("Harbour pilots strike"))
        }
    }

    @Test("schedules survive a restart: a new process publishes what fell due while it was down")
    func schedulingAcrossRestart() async throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("kiosk.sqlite").path
        let now = TestPublication.now
        let id: Article.ID
        do {
            let store = try SQLiteStore.open(path: path)
            let publication = try await TestPublication.make(in: store)
            id = publication.draft.id
            _ = try await store.applyWorkflow(.schedule(now.addingTimeInterval(60)), to: id, now: now)
            #expect(try await store.nextScheduledPublication() == now.addingTimeInterval(60))
        }
        let reopened = try SQLiteStore.open(path: path)
        let publisher = ScheduledPublisher(store: reopened, logger: Logger(label: "test"), now: { now.addingTimeInterval(3600) })
        _ = await publisher.publishDue()
        #expect(try await reopened.article(id)?.status == .published)
        #expect(try await reopened.article(id)?.publishedAt == now.addingTimeInterval(60))
        #expect(try await reopened.nextScheduledPublication() == nil)
    }
}
