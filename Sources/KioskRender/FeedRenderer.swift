import Foundation
import KioskCore

/// Writes feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) and sitemaps from the store's read models.
///
/// XML is written with every text and attribute escaped; JSON is encoded by `JSONSerialization`.
/// Entry ids are stable across slug changes: `tag:HOST,2026:article-ID`.
public struct FeedRenderer: Sendable {
    /// The width of the top image feeds carry: enough for a feed reader's column, a fraction of the original's bytes.
    static let imageWidth = 960

    /// The copy of `media` feeds carry: its JPEG or PNG rendition at least `imageWidth` wide once
    /// made, the original's address (which leads to one) until then; with its absolute address, type and size.
    func feedImage(_ media: Media) -> (url: String, type: String, width: Int, height: Int) {
        guard let copy = Self.feedCopy(of: media) else {
            return (absolute(SitePaths.media(media.fileName)), media.contentType, media.width, media.height)
        }
        return (absolute(copy.path), copy.encoding.contentType, copy.width, copy.height)
    }

    /// The length in bytes of the copy of `media` feeds carry, when `lengths` (by rendition name) has it.
    static func feedImageLength(_ media: Media, in lengths: [String: Int]) -> Int? {
        feedCopy(of: media).flatMap { lengths[$0.name] }
    }

    private static func feedCopy(of media: Media) -> Rendition? {
        media.madeRenditions?.fallback(atLeast: imageWidth)
    }

    /// The names of the renditions `content`'s feed shows, whose lengths `feed` writes when given them.
    public static func imageNames(in content: FeedContent) -> [String] {
        content.entries.compactMap { $0.summary.topMedia.flatMap(feedCopy(of:))?.name }
    }

    /// Absolute base of public URLs, without trailing slash.
    public let publicURL: String

    /// Creates a renderer that makes absolute links from `publicURL`.
    public init(publicURL: String) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    /// The feed of `content` in `format`; `imageLengths` are the byte lengths of its images' renditions
    /// (`imageNames(in:)`), by name, for the enclosures.
    public func feed(_ content: FeedContent, format: FeedFormat, site: SiteContext, imageLengths: [String: Int]) -> String {
        let title = content.title.map { "\($0) — \(site.settings.name)" } ?? site.settings.name
        let description = content.description.isEmpty ? site.settings.description : content.description
        switch format {
        case .rss: return rss(content, title: title, description: description, site: site, imageLengths: imageLengths)
        case .atom: return atom(content, title: title, description: description, site: site, imageLengths: imageLengths)
        case .json: return json(content, title: title, description: description, site: site)
        }
    }

    // MARK: RSS 2.0

    private func rss(_ content: FeedContent, title: String, description: String, site: SiteContext, imageLengths: [String: Int]) -> String {
        let zone = TimeZone(identifier: site.settings.timeZone) ?? .gmt
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel>
            <title>\(x(title))</title>
            <link>\(x(absolute(content.path)))</link>
            <description>\(x(description))</description>
            <language>\(x(site.settings.locale))</language>
            <atom:link href="\(x(absolute(SitePaths.feed(of: content.path, format: .rss))))" rel="self" type="application/rss+xml"/>

            """
        if let newest = content.entries.map(\.updatedAt).max() {
            xml += "<lastBuildDate>\(Self.rfc822(newest, zone))</lastBuildDate>\n"
        }
        for entry in content.entries {
            let article = entry.summary
            xml += """
                <item>
                <title>\(x(article.title))</title>
                <link>\(x(absolute(SitePaths.article(article.slug))))</link>
                <guid isPermaLink="false">\(x(id(article)))</guid>
                <pubDate>\(Self.rfc822(article.publishedAt, zone))</pubDate>
                <description>\(x(summaryText(article)))</description>
                <content:encoded><![CDATA[\(Self.cdata(contentHTML(entry, site: site)))]]></content:encoded>
                <category>\(x(article.section.name))</category>

                """
            for author in article.authors {
                xml += "<dc:creator>\(x(author.name))</dc:creator>\n"
            }
            if let media = article.topMedia {
                let image = feedImage(media)
                let fileSize = Self.feedImageLength(media, in: imageLengths).map { " fileSize=\"\($0)\"" } ?? ""
                xml += """
                    <media:content url="\(x(image.url))" type="\(x(image.type))" medium="image" width="\(image.width)" height="\(image.height)"\(fileSize)>
                    <media:description type="plain">\(x(media.alt))</media:description>
                    </media:content>

                    """
            }
            xml += "</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    // MARK: Atom 1.0

    private func atom(_ content: FeedContent, title: String, description: String, site: SiteContext, imageLengths: [String: Int]) -> String {
        let zone = TimeZone(identifier: site.settings.timeZone) ?? .gmt
        let updated = content.entries.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(site.settings.locale))">
            <title>\(x(title))</title>
            <subtitle>\(x(description))</subtitle>
            <id>\(x(absolute(content.path)))</id>
            <link rel="alternate" type="text/html" href="\(x(absolute(content.path)))"/>
            <link rel="self" type="application/atom+xml" href="\(x(absolute(SitePaths.feed(of: content.path, format: .atom))))"/>
            <updated>\(Self.rfc3339(updated, zone))</updated>

            """
        for entry in content.entries {
            let article = entry.summary
            xml += """
                <entry>
                <title>\(x(article.title))</title>
                <id>\(x(id(article)))</id>
                <link rel="alternate" type="text/html" href="\(x(absolute(SitePaths.article(article.slug))))"/>
                <published>\(Self.rfc3339(article.publishedAt, zone))</published>
                <updated>\(Self.rfc3339(entry.updatedAt, zone))</updated>
                <summary type="text">\(x(summaryText(article)))</summary>
                <content type="html">\(x(contentHTML(entry, site: site)))</content>
                <category term="\(x(article.section.slug.rawValue))" label="\(x(article.section.name))"/>

                """
            for author in article.authors {
                xml += "<author><name>\(x(author.name))</name><uri>\(x(absolute(SitePaths.author(author.slug))))</uri></author>\n"
            }
            if let media = article.topMedia {
                let image = feedImage(media)
                let length = Self.feedImageLength(media, in: imageLengths).map { " length=\"\($0)\"" } ?? ""
                xml += "<link rel=\"enclosure\" type=\"\(x(image.type))\" href=\"\(x(image.url))\"\(length)/>\n"
            }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    // MARK: JSON Feed 1.1

    private func json(_ content: FeedContent, title: String, description: String, site: SiteContext) -> String {
        let zone = TimeZone(identifier: site.settings.timeZone) ?? .gmt
        let items: [[String: Any]] = content.entries.map { entry in
            let article = entry.summary
            var item: [String: Any] = [
                "id": id(article),
                "url": absolute(SitePaths.article(article.slug)),
                "title": article.title,
                "summary": summaryText(article),
                "content_html": contentHTML(entry, site: site),
                "date_published": Self.rfc3339(article.publishedAt, zone),
                "date_modified": Self.rfc3339(entry.updatedAt, zone),
                "authors": article.authors.map { ["name": $0.name, "url": absolute(SitePaths.author($0.slug))] },
                "tags": [article.section.name],
            ]
            if let media = article.topMedia {
                item["image"] = feedImage(media).url
            }
            return item
        }
        let feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "description": description,
            "home_page_url": absolute(content.path),
            "feed_url": absolute(SitePaths.feed(of: content.path, format: .json)),
            "language": site.settings.locale,
            "items": items,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Sitemaps

    /// A sitemap index listing `sitemaps` (paths) with their last changes.
    public func sitemapIndex(_ sitemaps: [SitemapEntry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for sitemap in sitemaps {
            xml += "<sitemap><loc>\(x(absolute(sitemap.path)))</loc>\(lastmod(sitemap.lastModified))</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    /// A sitemap of `entries`.
    public func sitemap(_ entries: [SitemapEntry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(x(absolute(entry.path)))</loc>\(lastmod(entry.lastModified))</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// A Google News sitemap of `articles`.
    public func newsSitemap(_ articles: [NewsSitemapEntry], site: SiteContext) -> String {
        let zone = TimeZone(identifier: site.settings.timeZone) ?? .gmt
        let language = site.settings.locale.split(separator: "-").first.map(String.init) ?? "en"
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

            """
        for article in articles {
            xml += """
                <url><loc>\(x(absolute(article.path)))</loc><news:news><news:publication><news:name>\(x(site.settings.name))</news:name><news:language>\(x(language))</news:language></news:publication><news:publication_date>\(Self.rfc3339(article.publishedAt, zone))</news:publication_date><news:title>\(x(article.title))</news:title></news:news></url>

                """
        }
        return xml + "</urlset>\n"
    }

    // MARK: Helpers

    private func absolute(_ path: String) -> String {
        publicURL + path
    }

    private func id(_ article: ArticleSummary) -> String {
        let host = URL(string: publicURL)?.host ?? "localhost"
        return "tag:\(host),2026:article-\(article.id)"
    }

    private func summaryText(_ article: ArticleSummary) -> String {
        article.dek.isEmpty ? article.excerpt : article.dek
    }

    /// The entry's HTML: its top image with caption and credit, then the whole body or the opening.
    private func contentHTML(_ entry: FeedEntry, site: SiteContext) -> String {
        let article = entry.summary
        var html = ""
        if let media = article.topMedia {
            let credit = [media.caption, media.credit].filter { !$0.isEmpty }.joined(separator: " ")
            let image = feedImage(media)
            html += "<figure><img src=\"\(x(image.url))\" alt=\"\(x(media.alt))\" width=\"\(image.width)\" height=\"\(image.height)\">"
            html += credit.isEmpty ? "</figure>\n" : "<figcaption>\(x(credit))</figcaption></figure>\n"
        }
        if site.settings.feedsCarryFullText {
            return html + entry.bodyHTML
        }
        return html + article.openingHTML + "<p><a href=\"\(x(absolute(SitePaths.article(article.slug))))\">Continue reading</a></p>\n"
    }

    private func lastmod(_ date: Date?) -> String {
        date.map { "<lastmod>\(Self.rfc3339($0, .gmt))</lastmod>" } ?? ""
    }

    /// Escapes text and attribute values for XML.
    private func x(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// Keeps `]]>` inside HTML from ending a CDATA section early.
    static func cdata(_ html: String) -> String {
        html.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
    }

    /// A date as RSS wants it (RFC 822), in the site's time zone.
    static func rfc822(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// A date as Atom, JSON Feed and sitemaps want it (RFC 3339, with the offset written with a colon).
    static func rfc3339(_ date: Date, _ zone: TimeZone) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeSeparator: .colon, timeZoneSeparator: .colon, includingFractionalSeconds: false, timeZone: zone))
    }
}
