import Foundation
import KioskCore
import KioskImaging
import KioskRender
import KioskStore

/// The demo publication, The Meridian: its taxonomy and articles are in the other files of this module.
enum DemoPublication {
    /// Every demo article.
    static var articles: [DemoArticle] { statecraftArticles + regionArticles + worldArticles }
}

/// Fills a store with The Meridian, an original demo foreign-policy magazine.
public struct DemoSeeder<Store: PublicationStore> {
    let store: Store
    let renderer = MarkdownRenderer()
    let illustrator = DemoIllustrator()

    /// Creates a seeder; illustrations go into the store with the rest.
    public init(store: Store) {
        self.store = store
    }

    /// How many demo articles are written by hand; `seed` writes these unless told otherwise.
    public static var articleCount: Int { DemoPublication.articles.count }

    /// Writes the demo publication, dating articles back from `now`; reports each step to `progress`.
    ///
    /// With an `articleCount` above the 60 written ones, the rest are generated from them (same text,
    /// numbered slugs, dated every 15 minutes further back), for testing at the size of a large archive.
    public func seed(now: Date, articleCount: Int = DemoSeeder.articleCount, progress: (String) -> Void = { _ in }) async throws {
        try Imaging.allowSVG()
        let logo = try await addRaster(
            illustrator.logo(), named: "demo-logo", as: .png, width: 256, height: 256, alt: "The Meridian’s logo: a globe crossed by a meridian")
        var settings = try Self.settings
        settings.logoID = logo.id
        try await store.updateSiteSettings(settings)

        progress("Creating 7 sections, 12 topics, 3 series and 10 authors")
        var sections: [String: Section.ID] = [:]
        for (position, term) in DemoPublication.sections.enumerated() {
            let section = try await store.createSection(
                NewSection(slug: Slug(term.slug), name: term.name, description: term.description, position: position))
            sections[term.slug] = section.id
        }
        var topics: [String: Topic.ID] = [:]
        for term in DemoPublication.topics {
            topics[term.slug] = try await store.createTopic(NewTerm(slug: Slug(term.slug), name: term.name, description: term.description)).id
        }
        var series: [String: Series.ID] = [:]
        for term in DemoPublication.series {
            series[term.slug] = try await store.createSeries(NewTerm(slug: Slug(term.slug), name: term.name, description: term.description)).id
        }
        var authors: [String: Author.ID] = [:]
        for author in DemoPublication.authors {
            let links = author.links.map { SocialLink(label: $0.label, url: $0.url) }
            authors[author.slug] = try await store.createAuthor(
                NewAuthor(slug: Slug(author.slug), name: author.name, bio: author.bio, links: links)).id
        }

        let articles = Array(DemoPublication.articles.prefix(articleCount))
        var written: [(content: ArticleContent, publishedAt: Date)] = []
        for (index, demo) in articles.enumerated() {
            progress("Writing article \(index + 1) of \(articles.count): \(demo.title)")
            let media = try await addIllustration(for: demo)
            let body = try await bodyWithFigure(for: demo)
            let content = try ArticleContent(
                slug: Slug(demo.slug), title: demo.title, dek: demo.dek, format: demo.format,
                sectionID: try Self.lookUp(demo.section, in: sections, kind: "section"),
                topicIDs: try demo.topics.map { try Self.lookUp($0, in: topics, kind: "topic") },
                seriesID: try demo.series.map { try Self.lookUp($0, in: series, kind: "series") },
                authorIDs: try demo.authors.map { try Self.lookUp($0, in: authors, kind: "author") },
                topMediaID: media.id, body: renderer.render(body))
            let hours = Double(6 + (index * 7) % 12)
            let publishedAt = now.addingTimeInterval(-Double(demo.daysAgo) * 86_400 - hours * 3_600)
            _ = try await store.createArticle(content, status: .published, publishedAt: publishedAt, now: publishedAt)
            written.append((content, publishedAt))
        }
        try await generate(articleCount - articles.count, from: written, progress: progress)
        progress("Writing \(DemoPublication.pages.count) pages")
        for page in DemoPublication.pages {
            let content = try PageContent(
                slug: Slug(page.slug), title: page.title, body: renderer.render(page.body), placement: page.placement,
                position: page.position)
            _ = try await store.createPage(
                content, status: .published, revision: NewPageRevision(kind: .created, by: ChangeAuthor(integration: "Kiosk demo"), content: content), now: now)
        }
    }

    /// Stores `count` more articles made from `originals`, in batches of one transaction each.
    private func generate(_ count: Int, from originals: [(content: ArticleContent, publishedAt: Date)], progress: (String) -> Void) async throws {
        guard count > 0, let oldest = originals.map(\.publishedAt).min() else { return }
        let batchSize = 2_000
        var batch: [(content: ArticleContent, publishedAt: Date)] = []
        for number in 1...count {
            let original = originals[number % originals.count]
            var content = original.content
            content.slug = try Slug("\(content.slug)-\(number)")
            batch.append((content, oldest.addingTimeInterval(-Double(number) * 900)))
            if batch.count == batchSize || number == count {
                try await store.createPublishedArticles(batch)
                batch.removeAll(keepingCapacity: true)
                progress("Generated \(number) of \(count) more articles")
            }
        }
    }

    private func addIllustration(for demo: DemoArticle) async throws -> Media {
        let drawing = illustrator.draw(demo.image.motif, seed: demo.slug)
        return try await addRaster(
            drawing.svg, named: "demo-\(demo.slug)", as: .jpeg, width: DemoIllustrator.width, height: DemoIllustrator.height,
            alt: drawing.alt, caption: demo.image.caption, credit: demo.image.credit)
    }

    /// The article's Markdown, with its second illustration (if any) stored and placed as a figure
    /// block after the second paragraph, as an editor would insert it from the media desk.
    private func bodyWithFigure(for demo: DemoArticle) async throws -> String {
        guard let figure = demo.figure else { return demo.body }
        let drawing = illustrator.draw(figure.motif, seed: demo.slug + "-figure")
        let media = try await addRaster(
            drawing.svg, named: "demo-\(demo.slug)-figure", as: .jpeg, width: DemoIllustrator.width, height: DemoIllustrator.height,
            alt: drawing.alt, caption: figure.caption, credit: figure.credit)
        var paragraphs = demo.body.components(separatedBy: "\n\n")
        let block = ":::figure\n![\(media.alt)](\(SitePaths.media(media.fileName)))\n\(media.caption)\nCredit: \(media.credit)\n:::"
        paragraphs.insert(block, at: min(2, paragraphs.count))
        return paragraphs.joined(separator: "\n\n")
    }

    /// Stores the drawing `svg` as a raster image made by the same pipeline as every rendition (so
    /// that share cards and structured data get JPEG crops), and asks for its renditions.
    private func addRaster(
        _ svg: String, named name: String, as encoding: RenditionEncoding, width: Int, height: Int, alt: String, caption: String = "", credit: String = ""
    ) async throws -> Media {
        let size = Rendition(name: name, width: width, height: height, encoding: encoding)
        let bytes = try Imaging.render(Array(svg.utf8), as: size, focus: .centre)
        var new = try NewMedia(
            fileName: "\(name).\(encoding.rawValue)", contentType: encoding.contentType, width: width, height: height, alt: alt, caption: caption,
            credit: credit)
        new.renditionsWanted = RenditionPlan.key(focus: .centre, avif: Imaging.canEncodeAVIF)
        return try await store.addMedia(new, bytes: bytes)
    }

    private static func lookUp<ID>(_ slug: String, in table: [String: ID], kind: String) throws -> ID {
        guard let id = table[slug] else { throw StoreError.missingReference("demo \(kind) “\(slug)”") }
        return id
    }

    private static var settings: SiteSettings {
        get throws {
            try SiteSettings(
                name: "The Meridian",
                description: "Foreign affairs, reported from where it happens.",
                about: "The Meridian is an independent magazine of foreign affairs, published weekly by its writers. This is Kiosk’s demo publication: every story, person and outlet in it is invented.",
                locale: "en-GB",
                timeZone: "Europe/London",
                socialProfiles: [
                    SocialLink(label: "Mastodon", url: "https://social.example/@meridian"),
                    SocialLink(label: "Bluesky", url: "https://bsky.example/profile/meridian"),
                    SocialLink(label: "LinkedIn", url: "https://linkedin.example/company/the-meridian"),
                ],
                navigation: [])
        }
    }
}
