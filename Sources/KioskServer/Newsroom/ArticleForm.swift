import Foundation
import KioskCore
import KioskRender

/// Reads the article editor's form into validated content, rendering the body with the same code as
/// the public site.
enum ArticleForm {
    /// The longest body accepted, in characters (a long read is around 100,000).
    static let maximumBodyLength = 400_000
    /// The longest dek accepted, in characters.
    static let maximumDekLength = 1_000
    /// The longest SEO title or description accepted, in characters.
    static let maximumSEOLength = 500

    /// `body` if it is not too long and its tables not too wide to render quickly.
    static func checkedBody(_ body: String) throws(ValidationError) -> String {
        guard body.count <= maximumBodyLength else {
            throw ValidationError(field: "body", message: "The text can be at most \(maximumBodyLength) characters long.")
        }
        let widest = MarkdownRenderer.widestLine(in: body)
        guard widest <= MarkdownRenderer.maximumTablePipes else {
            throw ValidationError(
                field: "body",
                message: "A line can hold at most \(MarkdownRenderer.maximumTablePipes) | characters (a table at most 200 columns); one has \(widest).")
        }
        return body
    }

    /// The draft the form describes, without rendering; throws `ValidationError` for the first bad field.
    static func draft(_ form: FormFields) throws(ValidationError) -> ArticleDraft {
        let title = form.text("title").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ValidationError(field: "title", message: "A headline is required.") }
        guard title.count <= ArticleContent.maximumTitleLength else {
            throw ValidationError(field: "title", message: "A headline can be at most \(ArticleContent.maximumTitleLength) characters long; this one has \(title.count).")
        }
        let slug = try slug(form.text("slug"), orFrom: title)
        guard let format = ArticleFormat(rawValue: form.text("format")) else { throw ValidationError(field: "format", message: "Choose a format.") }
        guard let section = Int64(form.text("section")) else { throw ValidationError(field: "section", message: "Choose a section.") }
        let dek = form.text("dek")
        guard dek.count <= maximumDekLength else { throw ValidationError(field: "dek", message: "A dek can be at most \(maximumDekLength) characters long.") }
        let body = try checkedBody(form.text("body").replacingOccurrences(of: "\r\n", with: "\n"))
        let authors = form.ids("authors")
        guard !authors.isEmpty else { throw ValidationError(field: "authors", message: "An article needs at least one author.") }
        let seoTitle = form.text("seo_title")
        let seoDescription = form.text("seo_description")
        guard seoTitle.count <= maximumSEOLength, seoDescription.count <= maximumSEOLength else {
            throw ValidationError(field: "seo", message: "SEO titles and descriptions can be at most \(maximumSEOLength) characters long.")
        }
        let canonical = try checkedCanonicalURL(form.text("canonical_url"))
        return ArticleDraft(
            slug: slug, title: title, dek: dek, format: format, sectionID: section, topicIDs: form.ids("topics"),
            seriesID: Int64(form.text("series")), authorIDs: authors, topMediaID: Int64(form.text("top_media")), markdown: body,
            seoTitle: seoTitle, seoDescription: seoDescription, canonicalURL: canonical)
    }

    /// The slug typed in `text`, or one made from `title` when none was.
    static func slug(_ text: String, orFrom title: String) throws(ValidationError) -> String {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard typed.isEmpty else { return try Slug(typed).rawValue }
        guard let derived = Slug.derived(from: title) else {
            throw ValidationError(field: "slug", message: "Write a slug: the title has no letters or digits to make one from.")
        }
        return derived.rawValue
    }

    /// `text` trimmed if it is empty or a full http(s) address; otherwise a `ValidationError`.
    static func checkedCanonicalURL(_ text: String) throws(ValidationError) -> String {
        let canonical = text.trimmingCharacters(in: .whitespaces)
        guard !canonical.isEmpty else { return canonical }
        guard let url = URL(string: canonical), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
            canonical.utf8.count <= 2000
        else {
            throw ValidationError(field: "canonical_url", message: "The canonical URL must be a full http:// or https:// address.")
        }
        return canonical
    }

    /// The content of `draft` with its body rendered.
    static func content(_ draft: ArticleDraft, renderer: MarkdownRenderer) throws(ValidationError) -> ArticleContent {
        try ArticleContent(
            slug: Slug(draft.slug), title: draft.title, dek: draft.dek, format: draft.format, sectionID: .init(draft.sectionID),
            topicIDs: draft.topicIDs.map(Topic.ID.init), seriesID: draft.seriesID.map(Series.ID.init),
            authorIDs: draft.authorIDs.map(Author.ID.init), topMediaID: draft.topMediaID.map(Media.ID.init),
            body: renderer.render(draft.markdown),
            seo: SEOFields(title: draft.seoTitle, description: draft.seoDescription, canonicalURL: draft.canonicalURL))
    }

    /// How many words a Markdown text has, as the editor's counter shows it.
    static func wordCount(_ markdown: String) -> Int {
        markdown.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }
}
