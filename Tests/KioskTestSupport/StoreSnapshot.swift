import KioskCore
import KioskStore

/// Everything a reader could possibly change, captured to prove that nothing did.
public struct StoreSnapshot: Equatable {
    let articleCount: Int
    let latestSlugs: [Slug]
    let articles: [Article]
    let settings: SiteSettings
    let sections: [Section]

    /// Reads the snapshot of `store`, including the given articles in full.
    public static func take(_ store: some PublicationStore, articles ids: [Article.ID]) async throws -> StoreSnapshot {
        let count = try await store.articleCount()
        guard let firstPage = PageRequest(number: 1, size: 1_000) else { throw StoreError.notFound }
        let latest = try await store.latest(firstPage)
        var articles: [Article] = []
        for id in ids {
            if let article = try await store.article(id) { articles.append(article) }
        }
        let site = try await store.siteContext()
        return StoreSnapshot(
            articleCount: count, latestSlugs: latest.items.map(\.slug), articles: articles, settings: site.settings, sections: site.sections)
    }
}

extension TestSite {
    /// A snapshot of the site's store with every fixture article in full.
    public func snapshot() async throws -> StoreSnapshot {
        try await StoreSnapshot.take(
            publication.store, articles: publication.articles.values.map(\.id) + [publication.draft.id])
    }
}
