import KioskCore
import Mustache

/// An optional field as Mustache should see it: absent values are `false`, so that a lookup
/// never falls through to a field of the same name further up the context stack.
func present(_ value: Any?) -> Any {
    value ?? false
}

/// A value a page template renders; fields are looked up by name without reflection.
protocol PageView: MustacheParent {
    /// The theme template that renders this page.
    var templateName: String { get }
}

/// What the layout shows on every page: the publication, its navigation and its footer.
struct SiteView: MustacheParent {
    let name: String
    let description: String
    let about: String
    let language: String
    let sections: [LinkView]
    let navigation: [LinkView]
    /// Published pages linked in the header, after the sections and links.
    let headerPages: [LinkView]
    /// Published pages linked in the footer.
    let footerPages: [LinkView]
    let socialProfiles: [LinkView]
    let logo: ImageView?
    /// The path of the page being shown, to mark its navigation link.
    let currentPath: String
    let assetVersion: String
    let year: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "description": description
        case "about": about
        case "language": language
        case "sections": sections
        case "navigation": navigation
        case "headerPages": headerPages
        case "footerPages": footerPages
        case "hasFooterPages": !footerPages.isEmpty
        case "socialProfiles": socialProfiles
        case "hasSocialProfiles": !socialProfiles.isEmpty
        case "logo": present(logo)
        case "onSearch": currentPath == SitePaths.search
        case "onNewsletter": currentPath.hasPrefix(SitePaths.newsletter)
        case "assetVersion": assetVersion
        case "year": year
        default: nil
        }
    }
}

/// The document title, description and canonical address of one page, with its sharing and feed metadata.
struct MetaView: MustacheParent {
    /// The document `<title>`.
    let title: String
    /// The meta, OpenGraph and Twitter description.
    let description: String
    /// The absolute canonical address, also `og:url`.
    let canonicalURL: String
    /// Extra `<meta name="robots">` value, e.g. "noindex" on error pages.
    let robots: String?
    /// The title shown on share cards (`og:title`, `twitter:title`), without the site name.
    let shareTitle: String
    /// The OpenGraph type: "article" on articles, "website" elsewhere.
    let type: String
    /// The OpenGraph locale, e.g. "en_GB".
    let locale: String
    /// The share image with an absolute URL, if the page has a top image.
    let image: ImageView?
    /// Feed autodiscovery links, the page's own feeds first.
    let feeds: [FeedLinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "canonicalURL": canonicalURL
        case "robots": present(robots)
        case "shareTitle": shareTitle
        case "type": type
        case "locale": locale
        case "image": present(image)
        case "twitterCard": image == nil ? "summary" : "summary_large_image"
        case "feeds": feeds
        default: nil
        }
    }
}

/// A feed autodiscovery `<link rel="alternate">`.
struct FeedLinkView: MustacheParent {
    /// What feed readers show, e.g. "Europe — The Meridian (RSS)".
    let title: String
    /// The feed's address.
    let url: String
    /// The feed's media type without parameters, e.g. "application/rss+xml".
    let mediaType: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "mediaType": mediaType
        default: nil
        }
    }
}

/// A labelled link; `current` marks the page the reader is on, `separator` follows it in a run of links.
struct LinkView: MustacheParent {
    let label: String
    let url: String
    var current = false
    var separator = ""

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "current": current
        case "separator": separator
        default: nil
        }
    }
}

/// An image with the text that goes with it.
struct ImageView: MustacheParent {
    let url: String
    let alt: String
    let width: Int
    let height: Int
    let caption: String
    let credit: String
    /// The image's renditions for `<picture>`, modern types first; empty while none are made.
    var sources: [PictureSourceView] = []
    /// The fallback type's renditions, as an `srcset`; `nil` while none are made.
    var srcset: String?

    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "alt": alt
        case "width": width
        case "height": height
        case "caption": present(caption.isEmpty ? nil : caption)
        case "credit": present(credit.isEmpty ? nil : credit)
        case "responsive": present(sources.isEmpty ? nil : true)
        case "sources": sources
        case "srcset": srcset
        default: nil
        }
    }
}

/// One `<source>` of a `<picture>`: a type and its renditions by width.
struct PictureSourceView: MustacheParent {
    let type: String
    let srcset: String

    func child(named name: String) -> Any? {
        switch name {
        case "type": type
        case "srcset": srcset
        default: nil
        }
    }
}

/// A moment shown to readers, with its machine-readable form for `<time datetime>`.
struct DateView: MustacheParent {
    let display: String
    let iso: String

    func child(named name: String) -> Any? {
        switch name {
        case "display": display
        case "iso": iso
        default: nil
        }
    }
}

/// A story card: kicker, headline, teaser, and the opening revealed by "keep reading".
struct TeaserView: MustacheParent {
    let id: String
    let url: String
    let title: String
    let dek: String
    let format: String
    let section: LinkView
    let series: LinkView?
    let byline: String
    let excerpt: String
    let openingHTML: String
    let image: ImageView?
    let published: DateView

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "url": url
        case "title": title
        case "dek": present(dek.isEmpty ? nil : dek)
        case "format": format
        case "section": section
        case "series": present(series)
        case "byline": byline
        case "excerpt": excerpt
        case "openingHTML": openingHTML
        case "image": present(image)
        case "published": published
        default: nil
        }
    }
}

/// Links to the neighbouring pages of a listing.
struct PaginationView: MustacheParent {
    let number: Int
    let totalPages: Int
    let previousURL: String?
    let nextURL: String?

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "totalPages": totalPages
        case "previousURL": present(previousURL)
        case "nextURL": present(nextURL)
        case "isPaged": totalPages > 1
        default: nil
        }
    }
}

/// The article page.
struct ArticlePageView: PageView {
    let site: SiteView
    let meta: MetaView
    let format: String
    let section: LinkView
    let series: LinkView?
    let title: String
    let dek: String
    let bylines: [LinkView]
    let published: DateView
    let updated: DateView?
    /// When it last changed, never before it was published; for `article:modified_time`.
    let modified: DateView
    let image: ImageView?
    let bodyHTML: String
    let topics: [LinkView]
    let previousInSeries: TeaserView?
    let nextInSeries: TeaserView?
    let related: [TeaserView]
    let shareLinks: [LinkView]
    /// JSON-LD blocks (`NewsArticle`, `BreadcrumbList`), already safe to place inside `<script>`.
    let structuredData: [String]

    var templateName: String { "article" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "format": format
        case "section": section
        case "series": present(series)
        case "title": title
        case "dek": present(dek.isEmpty ? nil : dek)
        case "bylines": bylines
        case "published": published
        case "updated": present(updated)
        case "modified": modified
        case "image": present(image)
        case "bodyHTML": bodyHTML
        case "topics": topics
        case "hasTopics": !topics.isEmpty
        case "previousInSeries": present(previousInSeries)
        case "nextInSeries": present(nextInSeries)
        case "hasSeriesNavigation": previousInSeries != nil || nextInSeries != nil
        case "related": related
        case "hasRelated": !related.isEmpty
        case "shareLinks": shareLinks
        case "structuredData": structuredData
        default: nil
        }
    }
}

/// The front page: lead story and the Latest river.
struct HomePageView: PageView {
    let site: SiteView
    let meta: MetaView
    let lead: TeaserView?
    let latest: [TeaserView]
    let moreURL: String?

    var templateName: String { "home" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "lead": present(lead)
        case "latest": latest
        case "moreURL": present(moreURL)
        case "isEmpty": lead == nil
        default: nil
        }
    }
}

/// A paginated list of stories: Latest, a section, topic, series or author.
struct ListingPageView: PageView {
    let site: SiteView
    let meta: MetaView
    let kind: String
    let heading: String
    let description: String
    let links: [LinkView]
    let photo: ImageView?
    let items: [TeaserView]
    let pagination: PaginationView

    var templateName: String { "listing" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "kind": kind
        case "heading": heading
        case "description": present(description.isEmpty ? nil : description)
        case "links": links
        case "hasLinks": !links.isEmpty
        case "photo": present(photo)
        case "items": items
        case "isEmpty": items.isEmpty
        case "pagination": pagination
        default: nil
        }
    }
}

/// A friendly error page (404, 500…).
struct ErrorPageView: PageView {
    let site: SiteView
    let meta: MetaView
    let status: Int
    let heading: String
    let message: String

    var templateName: String { "error" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "status": status
        case "heading": heading
        case "message": message
        default: nil
        }
    }
}

/// A standing page (About, Masthead…): its title, top image, body and last change.
struct StandingPageView: PageView {
    let site: SiteView
    let meta: MetaView
    let title: String
    let image: ImageView?
    let bodyHTML: String
    let updated: DateView

    var templateName: String { "page" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "title": title
        case "image": present(image)
        case "bodyHTML": bodyHTML
        case "updated": updated
        default: nil
        }
    }
}

/// A choice in a form's `<select>`.
struct OptionView: MustacheParent {
    let label: String
    let value: String
    let selected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "selected": selected
        default: nil
        }
    }
}

/// One search hit: its card and the passage with the matches marked.
struct SearchResultView: MustacheParent {
    let teaser: TeaserView
    /// Safe HTML: escaped text with `<mark>` around matches.
    let snippetHTML: String

    func child(named name: String) -> Any? {
        switch name {
        case "snippetHTML": snippetHTML
        default: teaser.child(named: name)
        }
    }
}

/// The search page.
struct SearchPageView: PageView {
    let site: SiteView
    let meta: MetaView
    let query: String
    let sections: [OptionView]
    let hasQuery: Bool
    let total: Int
    let results: [SearchResultView]
    let pagination: PaginationView

    var templateName: String { "search" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "query": query
        case "sections": sections
        case "hasQuery": hasQuery
        case "total": total
        case "totalIsOne": total == 1
        case "results": results
        case "nothingFound": hasQuery && results.isEmpty
        case "pagination": pagination
        default: nil
        }
    }
}

/// A newsletter page: a heading, a message and one form (sign up, confirm, unsubscribe or choose).
struct NewsletterPageView: PageView {
    let site: SiteView
    let meta: MetaView
    let heading: String
    let message: String
    /// "signUp", "confirm", "unsubscribe", "preferences" or empty.
    let formKind: String
    let action: String
    let choices: [ChoiceView]
    let archive: [ArchiveView]

    var templateName: String { "newsletter" }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "heading": heading
        case "message": message
        case "isSignUp": formKind == "signUp"
        case "isConfirm": formKind == "confirm"
        case "isUnsubscribe": formKind == "unsubscribe"
        case "isPreferences": formKind == "preferences"
        case "action": action
        case "choices": choices
        case "archive": archive
        case "hasArchive": !archive.isEmpty
        default: nil
        }
    }
}

/// A newsletter checkbox.
struct ChoiceView: MustacheParent {
    let name: String
    let slug: String
    let checked: Bool
    let description: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "slug": slug
        case "checked": checked
        case "description": description
        default: nil
        }
    }
}

/// A sent issue in the archive list.
struct ArchiveView: MustacheParent {
    let subject: String
    let url: String
    let sent: DateView

    func child(named name: String) -> Any? {
        switch name {
        case "subject": subject
        case "url": url
        case "sent": sent
        default: nil
        }
    }
}
