import Foundation
import KioskImport
import Testing

/// Reading WordPress exports one record at a time, and refusing what is not one.
@Suite("WordPress exports")
struct WordPressExportTests {
    static let sample = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
            <title>The River Desk</title>
            <link>https://old.example</link>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://old.example</wp:base_site_url>
            <wp:base_blog_url>https://old.example</wp:base_blog_url>
            <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mira]]></wp:author_login><wp:author_email>mira@old.example</wp:author_email>
                <wp:author_display_name><![CDATA[Mira Voss]]></wp:author_display_name></wp:author>
            <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[rivers]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent>
                <wp:cat_name><![CDATA[Rivers & Canals]]></wp:cat_name></wp:category>
            <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[barges]]></wp:tag_slug><wp:tag_name><![CDATA[Barges]]></wp:tag_name></wp:tag>
            <item>
                <title><![CDATA[Locks reopen on the upper river]]></title>
                <link>https://old.example/2025/06/locks-reopen/</link>
                <dc:creator><![CDATA[mira]]></dc:creator>
                <content:encoded><![CDATA[First paragraph.

        Second <em>paragraph</em>.]]></content:encoded>
                <excerpt:encoded><![CDATA[The locks are open.]]></excerpt:encoded>
                <wp:post_id>12</wp:post_id>
                <wp:post_date><![CDATA[2025-06-03 11:30:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2025-06-03 09:30:00]]></wp:post_date_gmt>
                <wp:post_modified_gmt><![CDATA[2025-06-04 08:00:00]]></wp:post_modified_gmt>
                <wp:post_name><![CDATA[locks-reopen]]></wp:post_name>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_parent>0</wp:post_parent>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <category domain="category" nicename="rivers"><![CDATA[Rivers & Canals]]></category>
                <category domain="post_tag" nicename="barges"><![CDATA[Barges]]></category>
                <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[15]]></wp:meta_value></wp:postmeta>
            </item>
        </channel>
        </rss>
        """

    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wxr-\(UUID().uuidString).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the site, its authors, terms and items come one at a time with everything the importer needs")
    func reading() throws {
        let export = try WordPressExport(path: try file(Self.sample))
        var records: [WordPressRecord] = []
        while let record = try export.next() { records.append(record) }
        #expect(export.site.title == "The River Desk" && export.site.baseBlogURL == "https://old.example" && export.site.wxrVersion == "1.2")
        guard records.count == 4, case .author(let author) = records[0], case .term(let category) = records[1], case .term(let tag) = records[2],
            case .item(let item) = records[3]
        else {
            Issue.record("records: \(records)")
            return
        }
        #expect(author.login == "mira" && author.displayName == "Mira Voss" && author.email == "mira@old.example")
        #expect(category.kind == .category && category.slug == "rivers" && category.name == "Rivers & Canals")
        #expect(tag.kind == .tag && tag.slug == "barges")
        #expect(item.id == "12" && item.type == "post" && item.status == "publish" && item.slug == "locks-reopen" && item.creator == "mira")
        #expect(item.content == "First paragraph.\n\nSecond <em>paragraph</em>." && item.excerpt == "The locks are open.")
        #expect(item.publishedGMT == (try Date("2025-06-03T09:30:00Z", strategy: .iso8601)))
        #expect(item.modifiedGMT == (try Date("2025-06-04T08:00:00Z", strategy: .iso8601)))
        #expect(item.terms.map(\.slug) == ["rivers", "barges"] && item.meta["_thumbnail_id"] == "15")
        #expect(item.link == "https://old.example/2025/06/locks-reopen/")
    }

    @Test("a truncated file, another kind of XML, a missing or newer version, and what is not XML are refused by name and line")
    func refusals() throws {
        func refusal(_ text: String) throws -> String {
            let export = try WordPressExport(path: try file(text))
            do {
                while try export.next() != nil {}
                return "read whole"
            } catch {
                return error.description
            }
        }
        let cut = String(Self.sample.prefix(Self.sample.count / 2))
        #expect(try refusal(cut).contains("The export is truncated or damaged"))
        #expect(try refusal("<feed><entry/></feed>").contains("its root element is <feed>"))
        #expect(try refusal("<rss><channel><title>x</title></channel></rss>").contains("it has no wp:wxr_version"))
        #expect(try refusal(Self.sample.replacingOccurrences(of: "<wp:wxr_version>1.2", with: "<wp:wxr_version>2.0")).contains("version 2.0"))
        #expect(try refusal("this is not xml at all").contains("line 1"))
        #expect(throws: WordPressExportError.self) { try WordPressExport(path: "/no/such/export.xml") }
    }

    @Test("an external entity is never loaded")
    func externalEntities() throws {
        let secret = try file("the secret")
        let text = Self.sample.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>", with: "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://\(secret)\">]>")
            .replacingOccurrences(of: "First paragraph.", with: "&x;")
        let export = try WordPressExport(path: try file(text))
        var contents: [String] = []
        while let record = try? export.next() { if case .item(let item) = record { contents.append(item.content) } }
        #expect(!contents.joined().contains("the secret"))
    }
}
