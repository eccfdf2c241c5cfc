import Foundation
import KioskCore

/// Schema.org JSON-LD for search engines, built as typed values and serialised by `JSONEncoder`
/// (keys sorted, so pages are byte-for-byte stable).
extension PageRenderer {
    /// The `NewsArticle` and `BreadcrumbList` blocks of an article page.
    func structuredData(
        _ detail: ArticleDetail, site: SiteContext, canonicalURL: String, description: String, published: String, modified: String
    ) -> [String] {
        let content = detail.article.content
        let homeURL = publicURL + SitePaths.home
        let article = NewsArticleData(
            headline: content.title, description: description, url: canonicalURL,
            mainEntityOfPage: WebPageData(id: canonicalURL), datePublished: published, dateModified: modified,
            author: detail.authors.map { PersonData(name: $0.name, url: publicURL + SitePaths.author($0.slug)) },
            publisher: OrganizationData(name: site.settings.name, url: homeURL, logo: site.logo.map(imageObject)),
            articleSection: detail.section.name, keywords: detail.topics.map(\.name), inLanguage: site.settings.locale,
            image: detail.topMedia.map(articleImages))
        let crumbs = [
            (site.settings.name, homeURL), (detail.section.name, publicURL + SitePaths.section(detail.section.slug)),
            (content.title, publicURL + SitePaths.article(content.slug)),
        ]
        let breadcrumbs = BreadcrumbListData(
            itemListElement: crumbs.enumerated().map { ListItemData(position: $0.offset + 1, name: $0.element.0, item: $0.element.1) })
        return [Self.embeddableJSON(article), Self.embeddableJSON(breadcrumbs)].compactMap { $0 }
    }

    /// A schema.org `ImageObject` with an absolute URL and the image's size: its largest
    /// rendition once made, the original's address until then.
    private func imageObject(_ media: Media) -> ImageObjectData {
        guard let largest = media.madeRenditions?.largest else {
            return ImageObjectData(url: publicURL + SitePaths.media(media.fileName), width: media.width, height: media.height)
        }
        return ImageObjectData(url: publicURL + largest.path, width: largest.width, height: largest.height)
    }

    /// An article's images for search engines: its JPEG crops in 16:9, 4:3 and 1:1 once made
    /// (the three ratios Google asks for), the original's address until then.
    private func articleImages(_ media: Media) -> [ImageObjectData] {
        guard let plan = media.madeRenditions else { return [imageObject(media)] }
        return [CropShape.wide, .standard, .square].compactMap { plan.crops[$0] }.map {
            ImageObjectData(url: publicURL + $0.path, width: $0.width, height: $0.height)
        }
    }

    /// `value` as JSON with `<`, `>`, `&` (and U+2028/9) as `\u` escapes, so it cannot end its `<script>`.
    static func embeddableJSON(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
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

/// schema.org `NewsArticle`.
private struct NewsArticleData: Encodable {
    let context = "https://schema.org"
    let type = "NewsArticle"
    let headline: String
    let description: String
    let url: String
    let mainEntityOfPage: WebPageData
    let datePublished: String
    let dateModified: String
    let author: [PersonData]
    let publisher: OrganizationData
    let articleSection: String
    let keywords: [String]
    let inLanguage: String
    let isAccessibleForFree = true
    let image: [ImageObjectData]?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", headline, description, url, mainEntityOfPage, datePublished, dateModified
        case author, publisher, articleSection, keywords, inLanguage, isAccessibleForFree, image
    }
}

/// schema.org `WebPage`, named by its address.
private struct WebPageData: Encodable {
    let type = "WebPage"
    let id: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", id = "@id"
    }
}

/// schema.org `Person`.
private struct PersonData: Encodable {
    let type = "Person"
    let name: String
    let url: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", name, url
    }
}

/// schema.org `Organization`.
private struct OrganizationData: Encodable {
    let type = "Organization"
    let name: String
    let url: String
    let logo: ImageObjectData?

    enum CodingKeys: String, CodingKey {
        case type = "@type", name, url, logo
    }
}

/// schema.org `ImageObject`.
private struct ImageObjectData: Encodable {
    let type = "ImageObject"
    let url: String
    let width: Int
    let height: Int

    enum CodingKeys: String, CodingKey {
        case type = "@type", url, width, height
    }
}

/// schema.org `BreadcrumbList`.
private struct BreadcrumbListData: Encodable {
    let context = "https://schema.org"
    let type = "BreadcrumbList"
    let itemListElement: [ListItemData]

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", itemListElement
    }
}

/// schema.org `ListItem`.
private struct ListItemData: Encodable {
    let type = "ListItem"
    let position: Int
    let name: String
    let item: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", position, name, item
    }
}
