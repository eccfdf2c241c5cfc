import Foundation
import KioskCore

/// Schema.org JSON-LD for search engines, built as JSON objects and serialised by `JSONSerialization`.
extension PageRenderer {
    /// The `NewsArticle` and `BreadcrumbList` blocks of an article page.
    func structuredData(
        _ detail: ArticleDetail, site: SiteContext, canonicalURL: String, description: String, published: String, modified: String
    ) -> [String] {
        let content = detail.article.content
        let pageURL = publicURL + SitePaths.article(content.slug)
        let homeURL = publicURL + SitePaths.home
        let sectionURL = publicURL + SitePaths.section(detail.section.slug)

        var publisher: [String: Any] = ["@type": "Organization", "name": site.settings.name, "url": homeURL]
        if let logo = site.logo {
            publisher["logo"] = imageObject(logo)
        }
        var article: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": content.title,
            "description": description,
            "url": canonicalURL,
            "mainEntityOfPage": ["@type": "WebPage", "@id": canonicalURL],
            "datePublished": published,
            "dateModified": modified,
            "author": detail.authors.map { author -> [String: Any] in
                ["@type": "Person", "name": author.name, "url": publicURL + SitePaths.author(author.slug)]
            },
            "publisher": publisher,
            "articleSection": detail.section.name,
            "keywords": detail.topics.map(\.name),
            "inLanguage": site.settings.locale,
            "isAccessibleForFree": true,
        ]
        if let image = detail.topMedia {
            article["image"] = imageObject(image)
        }
        let crumbs: [(name: String, url: String)] = [
            (site.settings.name, homeURL), (detail.section.name, sectionURL), (content.title, pageURL),
        ]
        let breadcrumbs: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": crumbs.enumerated().map { index, crumb -> [String: Any] in
                ["@type": "ListItem", "position": index + 1, "name": crumb.name, "item": crumb.url]
            },
        ]
        return [article, breadcrumbs].compactMap(Self.embeddableJSON)
    }

    /// A schema.org `ImageObject` with an absolute URL and the image's size.
    private func imageObject(_ media: Media) -> [String: Any] {
        ["@type": "ImageObject", "url": publicURL + SitePaths.media(media.fileName), "width": media.width, "height": media.height]
    }

    /// `object` as JSON with `<`, `>`, `&` (and U+2028/9) as `\u` escapes, so it cannot end its `<script>`; nil if not JSON.
    static func embeddableJSON(_ object: [String: Any]) -> String? {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        var json = ""
        json.reserveCapacity(data.count + 64)
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": json += "\\u003c"
            case ">": json += "\\u003e"
            case "&": json += "\\u0026"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json
    }
}
