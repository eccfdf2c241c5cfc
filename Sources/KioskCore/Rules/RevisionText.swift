import Foundation

/// A revision to keep with a save: who saved what, why, and the fields written out for diffs.
public struct NewRevision: Sendable, Equatable {
    /// Why it exists.
    public let kind: RevisionKind
    /// Who saved it, by name.
    public let savedBy: String
    /// The headline then.
    public let title: String
    /// The editable fields written out as text (see `RevisionText`).
    public let text: String
    /// The fields, to restore from.
    public let draft: ArticleDraft
    /// The fields as the JSON a revision keeps, written here rather than in the store's transaction.
    public let snapshot: String

    /// The revision of `content` saved by `author`, its text written with `names`.
    public init(kind: RevisionKind, by author: ChangeAuthor, content: ArticleContent, names: ContentNames) {
        self.kind = kind
        savedBy = author.name
        title = content.title
        text = RevisionText.make(content, names: names)
        draft = ArticleDraft(content)
        snapshot = Self.json(draft)
    }

    /// The same revision kept for another reason, e.g. a refused save kept as a `conflict`.
    public func kept(as kind: RevisionKind) -> NewRevision {
        NewRevision(kind: kind, savedBy: savedBy, title: title, text: text, draft: draft)
    }

    private init(kind: RevisionKind, savedBy: String, title: String, text: String, draft: ArticleDraft) {
        self.kind = kind
        self.savedBy = savedBy
        self.title = title
        self.text = text
        self.draft = draft
        snapshot = Self.json(draft)
    }

    /// `draft` as JSON. Its fields are strings, integers and lists of them, which always encode.
    private static func json(_ draft: ArticleDraft) -> String {
        String(decoding: (try? JSONEncoder().encode(draft)) ?? Data(), as: UTF8.self)
    }
}

/// The names an article's ids stand for, so a revision reads as people see the article.
public struct ContentNames: Sendable, Equatable {
    /// The section's name.
    public let section: String
    /// The series' name, or empty.
    public let series: String
    /// The topics' names, in the article's order.
    public let topics: [String]
    /// The authors' names, in byline order.
    public let authors: [String]
    /// The top image's alt text, or empty.
    public let topImage: String

    /// Looks the names of `content`'s ids up in `taxonomy`; an id no longer there is left out.
    public init(of content: ArticleContent, in taxonomy: Taxonomy, topImage: Media?) {
        func names<Record: Identifiable>(_ records: [Record], _ ids: [Record.ID], _ name: (Record) -> String) -> [String] {
            ids.compactMap { id in records.first { $0.id == id }.map(name) }
        }
        section = names(taxonomy.sections, [content.sectionID], \.name).first ?? ""
        series = names(taxonomy.series, content.seriesID.map { [$0] } ?? [], \.name).first ?? ""
        topics = names(taxonomy.topics, content.topicIDs, \.name)
        authors = names(taxonomy.authors, content.authorIDs, \.name)
        self.topImage = topImage?.alt ?? ""
    }
}

/// How a revision is written out as text: the fields one per line, with names instead of ids,
/// then a blank line and the body. The newsroom's history compares these texts line by line.
public enum RevisionText {
    /// The text of `content`.
    public static func make(_ content: ArticleContent, names: ContentNames) -> String {
        let lines = [
            "Headline: \(content.title)",
            "Dek: \(content.dek)",
            "Slug: \(content.slug)",
            "Format: \(content.format.displayName)",
            "Section: \(names.section)",
            "Series: \(names.series)",
            "Topics: \(names.topics.joined(separator: ", "))",
            "Authors: \(names.authors.joined(separator: ", "))",
            "Top image: \(names.topImage)",
            "SEO title: \(content.seo.title ?? "")",
            "SEO description: \(content.seo.description ?? "")",
            "Canonical URL: \(content.seo.canonicalURL ?? "")",
            "",
        ]
        return lines.joined(separator: "\n") + "\n" + content.body.markdown
    }
}
