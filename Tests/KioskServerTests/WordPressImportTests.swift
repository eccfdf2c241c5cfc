import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// A WordPress export brought in: what maps is mapped, old addresses answer, a second run changes nothing.
@Suite("WordPress import")
struct WordPressImportTests {
    static let export = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
            <title>The River Desk</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_blog_url>https://old.example</wp:base_blog_url>
            <wp:author><wp:author_login>mira</wp:author_login><wp:author_display_name>Mira Voss</wp:author_display_name></wp:author>
            <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>rivers</wp:category_nicename><wp:cat_name>Rivers</wp:cat_name></wp:category>
            <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>ports</wp:category_nicename><wp:cat_name>Ports</wp:cat_name></wp:category>
            <item><title>Lock gates</title><wp:post_id>15</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
                <excerpt:encoded><![CDATA[The new gates at Lock 4.]]></excerpt:encoded>
                <wp:attachment_url>https://old.example/wp-content/uploads/2025/06/gates.png</wp:attachment_url>
                <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Steel lock gates half open</wp:meta_value></wp:postmeta></item>
            <item><title>Locks reopen</title><link>https://old.example/2025/06/locks-reopen/</link><dc:creator>mira</dc:creator>
                <content:encoded><![CDATA[The locks are open again.
        Barges wait no more.

        [caption id="attachment_15" width="3"]<img src="https://old.example/wp-content/uploads/2025/06/gates.png" alt="Gates" /> The gates[/caption]

        See <a href="https://old.example/?p=13">the closure story</a>.<script>alert(1)</script>]]></content:encoded>
                <wp:post_id>12</wp:post_id><wp:post_date_gmt>2025-06-03 09:30:00</wp:post_date_gmt><wp:post_name>locks-reopen</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="rivers">Rivers</category>
                <category domain="category" nicename="ports">Ports</category>
                <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>15</wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_yoast_wpseo_primary_category</wp:meta_key><wp:meta_value>4</wp:meta_value></wp:postmeta></item>
            <item><title>Locks close for repairs</title><link>https://old.example/2025/05/locks-close/</link><dc:creator>someone-else</dc:creator>
                <content:encoded><![CDATA[<!-- wp:paragraph --><p>Closed until June.</p><!-- /wp:paragraph -->]]></content:encoded>
                <wp:post_id>13</wp:post_id><wp:post_date_gmt>2025-05-01 08:00:00</wp:post_date_gmt><wp:post_name>locks-close</wp:post_name>
                <wp:status>private</wp:status><wp:post_type>post</wp:post_type></item>
            <item><title>Search</title><link>https://old.example/search/</link><dc:creator>mira</dc:creator>
                <content:encoded><![CDATA[Find anything.]]></content:encoded><wp:post_id>20</wp:post_id><wp:post_name>search</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>page</wp:post_type><wp:post_date_gmt>2025-01-01 00:00:00</wp:post_date_gmt></item>
        </channel>
        </rss>
        """

    @Test("posts, a page, an author, a category and images come in with their dates; old addresses answer 301; a second run adds nothing")
    func importing() async throws {
        let site = try await TestSite.make()
        let folder = try TestPaths.temporaryFolder()
        let file = folder.appendingPathComponent("export.xml")
        try Data(Self.export.utf8).write(to: file)
        let uploads = folder.appendingPathComponent("uploads/2025/06")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        try Data(NewsroomMediaAndSchedulingTests.png).write(to: uploads.appendingPathComponent("gates.png"))
        let importer = WordPressImporter(
            store: site.store, media: site.mediaLibrary(), uploads: .folder(folder.appendingPathComponent("uploads")),
            now: { site.clock.now }, progress: { _ in })
        let report = try await importer.run(path: file.path)
        #expect(report.imported["articles"] == 2 && report.imported["pages"] == 1 && report.imported["sections"] == 2 && report.imported["images"] == 1, "\(report.imported)")
        #expect(report.attention.contains { $0.contains("was private") } && report.attention.contains { $0.contains("/search-page") })
        #expect(report.attention.contains { $0.contains("“someone-else”") })
        let again = try await importer.run(path: file.path)
        #expect(again.changedNothing && again.unchanged == 3)
        try await site.application.test(.router) { client in
            let story = try await client.execute(uri: "/articles/locks-reopen", method: .get)
            let html = String(buffer: story.body)
            #expect(story.status == .ok && html.contains("The locks are open again.<br />"))
            #expect(html.contains("<figure class=\"body-figure\"><img src=\"/media/") && html.contains("The gates"))
            #expect(html.contains("alt=\"Steel lock gates half open\""), "the featured image keeps its alt text")
            #expect(html.contains("href=\"/articles/locks-close\""), "a link to another imported story is rewritten")
            #expect(!html.contains("alert(1)"))
            #expect(html.contains("2025-06-03"), "the original publication date")
            #expect(html.contains("<a href=\"/sections/ports\">Ports</a>"), "the primary category Yoast names is the section")
            for (old, new) in [("/2025/06/locks-reopen/", "/articles/locks-reopen"), ("/?p=12", "/articles/locks-reopen"), ("/?page_id=20", "/search-page")] {
                let response = try await client.execute(uri: old, method: .get)
                #expect(response.status == .movedPermanently && response.headers[.location] == new, "\(old)")
            }
            #expect(try await client.execute(uri: "/2025/05/locks-close/", method: .get).status == .notFound, "a draft's old address leads nowhere yet")
        }
    }
}
