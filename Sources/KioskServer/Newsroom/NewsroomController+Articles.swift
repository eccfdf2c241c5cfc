import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskRender
import KioskStore

extension NewsroomController {
    /// How many articles the list shows per page.
    static var articlesPerPage: Int { 30 }

    func addArticleRoutes(to admin: RouterGroup<KioskRequestContext>) {
        admin.get("articles", use: articleList)
        admin.get("articles/new", use: newArticle)
        admin.post("articles", use: createArticle)
        admin.get("articles/:id", use: editArticle)
        admin.post("articles/:id", use: saveArticle)
        admin.post("articles/:id/autosave", use: autosave)
        admin.post("articles/:id/workflow", use: workflow)
        admin.get("articles/:id/preview", use: previewPage)
        admin.get("articles/:id/render", use: renderPreview)
        admin.post("preview", use: livePreview)
        admin.get("articles/:id/revisions", use: revisionsPage)
        admin.post("articles/:id/revisions/:revision/restore", use: restoreRevision)
    }

    // MARK: List

    @Sendable func articleList(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let query = request.uri.queryParameters
        let filter = ArticleListFilter(
            state: query.get("state").flatMap(WorkflowState.init(rawValue:)),
            sectionID: query.get("section", as: Int64.self).map(Section.ID.init),
            authorID: query.get("author", as: Int64.self).map(Author.ID.init),
            seriesID: query.get("series", as: Int64.self).map(Series.ID.init),
            ownerID: visitor.user.role == .contributor ? visitor.user.id : nil,
            titleSearch: String((request.formQueryValue("q") ?? "").prefix(200)))
        guard let pageRequest = PageRequest(query: query.get("page"), size: Self.articlesPerPage) else { throw NewsroomRefusal.notFound }
        let page = try await store.newsroomArticles(filter, page: pageRequest)
        let taxonomy = try await store.taxonomy()
        let dates = try await dates()
        let rows = page.items.map { item in
            ArticleRow(
                id: item.id.rawValue, title: item.title, href: NewsroomPaths.article(item.id), state: item.state.displayName,
                stateKey: item.state.rawValue, section: item.sectionName, authors: item.authorNames.joined(separator: ", "),
                updated: dates.text(item.updatedAt), when: item.publishedAt.map(dates.text) ?? "")
        }
        func address(_ number: Int) -> String {
            var parts = ["page=\(number)"]
            for key in ["state", "section", "author", "series", "q"] {
                if let value = query.get(key), !value.isEmpty {
                    parts.append(key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                }
            }
            return NewsroomPaths.articles + "?" + parts.joined(separator: "&")
        }
        let view = ArticleListView(
            layout: try await layout("Articles", visitor, current: NewsroomPaths.articles, request: request),
            rows: rows, search: filter.titleSearch,
            states: [Choice(value: "", label: "All but trash", selected: filter.state == nil)]
                + WorkflowState.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == filter.state) },
            sections: Self.choices(taxonomy.sections, selected: filter.sectionID.map { [$0] } ?? [], emptyLabel: "Any section"),
            authors: Self.choices(taxonomy.authors, selected: filter.authorID.map { [$0] } ?? [], emptyLabel: "Any author"),
            series: Self.choices(taxonomy.series, selected: filter.seriesID.map { [$0] } ?? [], emptyLabel: "Any series"),
            total: page.totalItems, pageNumber: page.number, pageCount: page.totalPages,
            previous: page.hasPrevious ? address(page.number - 1) : nil, next: page.hasNext ? address(page.number + 1) : nil)
        return pages.page("articles", view)
    }

    // MARK: Editing

    @Sendable func newArticle(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let taxonomy = try await store.taxonomy()
        guard let section = taxonomy.sections.first else {
            return pages.message(
                try await layout("New article", visitor, current: NewsroomPaths.articles), heading: "No sections yet",
                text: "An article needs a section. An editor can create one under Sections.", status: .conflict)
        }
        let draft = ArticleDraft(
            slug: "", title: "", dek: "", format: .reporting, sectionID: section.id.rawValue,
            authorIDs: visitor.user.authorID.map { [$0.rawValue] } ?? [], markdown: "")
        return try await editor(request, visitor, article: nil, draft: draft, version: 0, error: nil, status: .ok)
    }

    @Sendable func createArticle(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        do {
            let content = try ArticleForm.content(try ArticleForm.draft(form), renderer: markdown)
            let article = try await desk.createDraft(content, by: ChangeAuthor(visitor.user), now: now())
            return done(NewsroomPaths.article(article.id), "created")
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            return try await editor(request, visitor, article: nil, draft: Self.lenientDraft(form), version: 0, error: message, status: .unprocessableContent)
        }
    }

    @Sendable func editArticle(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: true)
        return try await editor(request, visitor, article: article, draft: ArticleDraft(article.content), version: article.version, error: nil, status: .ok)
    }

    @Sendable func saveArticle(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: false)
        let action = form.text("action")
        let dates = try await dates()
        let workflow: WorkflowAction?
        switch action {
        case "", "save": workflow = nil
        case "submit": workflow = .submit
        case "publish": workflow = .publish
        case "schedule":
            guard let time = dates.parse(form.text("publish_at")) else {
                return try await editor(
                    request, visitor, article: article, draft: Self.lenientDraft(form), version: Int(form.text("version")) ?? article.version,
                    error: "Choose the date and time to publish at.", status: .unprocessableContent)
            }
            workflow = .schedule(time)
        default: throw NewsroomRefusal.badRequest("Unknown action “\(action)”.")
        }
        if let workflow, !ArticleWorkflow.permits(visitor.user.role, workflow) { throw NewsroomRefusal.forbidden }
        guard let version = Int(form.text("version")) else { throw NewsroomRefusal.badRequest("The form has no version; reload the editor.") }
        let saved: Article
        do {
            let content = try ArticleForm.content(try ArticleForm.draft(form), renderer: markdown)
            saved = try await desk.save(
                article.id, content: content, expectedVersion: version, action: workflow, by: ChangeAuthor(visitor.user), kind: .saved, now: now())
        } catch let conflict as EditConflict {
            let message = "Someone else saved this article while you were editing, so your save was refused to keep their changes. "
                + "Your text is below and kept as a revision in the history; compare the two there, then reload and merge."
            return try await editor(
                request, visitor, article: article, draft: Self.lenientDraft(form), version: conflict.currentVersion, error: message, status: .conflict)
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            let current = try await store.article(article.id) ?? article
            return try await editor(request, visitor, article: current, draft: Self.lenientDraft(form), version: current.version, error: message, status: .unprocessableContent)
        }
        let code = switch workflow {
        case nil: "saved"
        case .submit: "submitted"
        case .publish: "published"
        case .schedule: "scheduled"
        default: "saved"
        }
        return done(NewsroomPaths.article(saved.id), code)
    }

    /// Saves the editor's fields as an autosave and answers in JSON, for the editor's script.
    @Sendable func autosave(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: false)
        guard let version = Int(form.text("version")) else { throw NewsroomRefusal.badRequest("The form has no version; reload the editor.") }
        do {
            let content = try ArticleForm.content(try ArticleForm.draft(form), renderer: markdown)
            let saved = try await desk.save(article.id, content: content, expectedVersion: version, by: ChangeAuthor(visitor.user), kind: .autosaved, now: now())
            return Self.json(["version": "\(saved.version)", "message": "Saved at \(try await dates().text(saved.updatedAt))"], status: .ok)
        } catch is EditConflict {
            return Self.json(["message": "Not saved: someone else changed this article. Save to see both versions."], status: .conflict)
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            return Self.json(["message": "Not saved: " + message], status: .unprocessableContent)
        }
    }

    @Sendable func workflow(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: false)
        let (action, code): (WorkflowAction, String) =
            switch form.text("action") {
            case "submit": (.submit, "submitted")
            case "publish": (.publish, "published")
            case "unpublish": (.unpublish, "unpublished")
            case "trash": (.trash, "trashed")
            case "restore": (.restore, "restored")
            default: throw NewsroomRefusal.badRequest("Unknown action “\(form.text("action"))”.")
            }
        guard ArticleWorkflow.permits(visitor.user.role, action) else { throw NewsroomRefusal.forbidden }
        do {
            _ = try await desk.apply(action, to: article.id, now: now())
        } catch let error as WorkflowError {
            return try await editor(request, visitor, article: article, draft: ArticleDraft(article.content), version: article.version, error: error.message, status: .conflict)
        }
        return done(NewsroomPaths.article(article.id), code)
    }

    /// The article named in the path, if this visitor may work on it; contributors may read and
    /// change only their own drafts.
    func editableArticle(_ context: KioskRequestContext, _ visitor: SignedIn, forReading: Bool) async throws -> Article {
        guard let id = context.parameters.get("id", as: Int64.self), let article = try await store.article(Article.ID(id)) else {
            throw NewsroomRefusal.notFound
        }
        let mayRead = visitor.user.role != .contributor || article.ownerID == visitor.user.id
        guard forReading ? mayRead : visitor.user.mayEdit(article) else { throw NewsroomRefusal.forbidden }
        return article
    }

    /// The editor page for a new (`article == nil`) or stored article showing `draft`.
    func editor(
        _ request: Request, _ visitor: SignedIn, article: Article?, draft: ArticleDraft, version: Int, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let taxonomy = try await store.taxonomy()
        let dates = try await dates()
        let state = article.map(WorkflowState.init(of:))
        let role = visitor.user.role
        let mayEdit = article.map(visitor.user.mayEdit) ?? true
        let authorSlots = max(draft.authorIDs.count + 1, 3)
        let view = EditorView(
            layout: try await layout(article == nil ? "New article" : "Edit: \(draft.title)", visitor, current: NewsroomPaths.articles, request: request, error: error),
            isNew: article == nil, action: article.map { NewsroomPaths.article($0.id) } ?? NewsroomPaths.articles,
            id: article?.id.rawValue ?? 0, version: version, draft: draft, readOnly: !mayEdit,
            autosaveURL: article.flatMap { mayEdit && (state == .draft || state == .review) ? NewsroomPaths.article($0.id) + "/autosave" : nil } ?? "",
            state: state?.displayName ?? "New", stateKey: state?.rawValue ?? "new",
            publishedAt: article?.publishedAt.map(dates.text), publicURL: article.flatMap { $0.status == .published ? publicURL + SitePaths.article($0.content.slug) : nil },
            formats: ArticleFormat.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == draft.format) },
            sections: Self.choices(taxonomy.sections, selected: [Section.ID(draft.sectionID)], emptyLabel: nil),
            topics: Self.choices(taxonomy.topics, selected: draft.topicIDs.map(Topic.ID.init), emptyLabel: nil),
            series: Self.choices(taxonomy.series, selected: draft.seriesID.map { [Series.ID($0)] } ?? [], emptyLabel: "No series"),
            authorSlots: (0..<authorSlots).map { slot in
                AuthorSlot(
                    number: slot + 1,
                    choices: Self.choices(
                        taxonomy.authors, selected: slot < draft.authorIDs.count ? [Author.ID(draft.authorIDs[slot])] : [], emptyLabel: "—"))
            },
            images: try await topImageChoices(selected: draft.topMediaID),
            wordCount: ArticleForm.wordCount(draft.markdown),
            scheduleValue: dates.field(article?.status == .scheduled ? (article?.publishedAt ?? now()) : now().addingTimeInterval(3600)),
            timeZone: dates.timeZone.identifier,
            canSubmit: state == .draft && mayEdit,
            canPublish: role.includes(.editor) && article != nil && state != .published && state != .trash,
            canUnpublish: role.includes(.editor) && (state == .published || state == .scheduled),
            canTrash: role.includes(.editor) && article != nil && state != .trash,
            canRestore: role.includes(.editor) && state == .trash)
        return pages.page("editor", view, status: status)
    }

    /// The choices of a top image: none, or one of the 200 newest images (and the chosen one, however old).
    func topImageChoices(selected: Int64?) async throws -> [ImageChoice] {
        let library = try await store.mediaLibrary(search: "", page: PageRequest(number: 1, size: 200)!)
        var images = library.items.map(\.media)
        if let selected, !images.contains(where: { $0.id.rawValue == selected }), let media = try await store.media(Media.ID(selected)) {
            images.insert(media, at: 0)
        }
        return [ImageChoice(value: "", label: "No top image", selected: selected == nil, thumbnail: "")]
            + images.map { ImageChoice(value: String($0.id.rawValue), label: $0.alt, selected: $0.id.rawValue == selected, thumbnail: Self.thumbnail($0)) }
    }

    // MARK: Preview

    @Sendable func previewPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: true)
        let view = PreviewView(
            layout: try await layout("Preview: \(article.content.title)", visitor, current: NewsroomPaths.articles),
            title: article.content.title, editor: NewsroomPaths.article(article.id), frame: NewsroomPaths.article(article.id) + "/render")
        return pages.page("preview", view)
    }

    /// The article as the public site will show it, whatever its state, for the preview frames.
    @Sendable func renderPreview(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: true)
        guard let detail = try await store.articlePreview(article.id, relatedLimit: PublicController<Store>.relatedCount) else {
            throw NewsroomRefusal.notFound
        }
        let images = try await store.bodyImages(in: article.content.body.html)
        return Self.previewResponse(publicPages.articlePage(detail, site: try await site.current(), bodyImages: images))
    }

    /// A page as the public site will show it, for previews: never cached or indexed, and framable by the newsroom only.
    static func previewResponse(_ html: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        SecurityHeaders.apply(to: &headers, policy: SecurityHeaders.pagePolicy.replacingOccurrences(of: "frame-ancestors 'none'", with: "frame-ancestors 'self'"))
        headers[HTTPField.Name("X-Robots-Tag")!] = "noindex"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The body HTML of Markdown sent by the editor's live preview, rendered like the public site's.
    @Sendable func livePreview(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .contributor)
        let body = form.text("body")
        guard body.count <= ArticleForm.maximumBodyLength else { throw NewsroomRefusal.badRequest("The text is too long to preview.") }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: markdown.render(body).html)))
    }

    // MARK: Revisions

    @Sendable func revisionsPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: true)
        let entries = try await store.revisions(of: article.id).map {
            HistoryEntry(id: $0.id.rawValue, savedBy: $0.savedBy, savedAt: $0.savedAt, kind: $0.kind, title: $0.title, text: $0.text)
        }
        let view = try await historyView(
            request, layout: try await layout("History: \(article.content.title)", visitor, current: NewsroomPaths.articles, request: request),
            title: article.content.title, editor: NewsroomPaths.article(article.id), version: article.version, mayRestore: visitor.user.mayEdit(article),
            entries: entries)
        return pages.page("revisions", view)
    }

    /// The History page of a record (article or page) whose editor is at `editor`: its saved
    /// versions, and the difference between the two the query names (by default the newest and the one before).
    func historyView(
        _ request: Request, layout: AdminLayout, title: String, editor: String, version: Int, mayRestore: Bool, entries: [HistoryEntry]
    ) async throws -> RevisionsView {
        let dates = try await dates()
        let query = request.uri.queryParameters
        let newer = query.get("to", as: Int64.self).flatMap { id in entries.first { $0.id == id } } ?? entries.first
        let older = query.get("from", as: Int64.self).flatMap { id in entries.first { $0.id == id } }
            ?? entries.first { $0.id < (newer?.id ?? 0) }
        let hunks: [DiffHunk] =
            if let older, let newer { TextDiff.hunks(TextDiff.lines(from: older.text, to: newer.text)) } else { [] }
        let shown = HunkView.views(hunks)
        func label(_ entry: HistoryEntry) -> String { "\(entry.kind.displayName) by \(entry.savedBy), \(dates.text(entry.savedAt))" }
        return RevisionsView(
            layout: layout, title: title, editor: editor, version: version, mayRestore: mayRestore,
            revisions: entries.map { entry in
                RevisionRow(
                    id: entry.id, when: dates.text(entry.savedAt), who: entry.savedBy, kind: entry.kind.displayName,
                    isConflict: entry.kind == .conflict, title: entry.title, restoreAction: editor + "/revisions/\(entry.id)/restore",
                    isFrom: entry.id == older?.id, isTo: entry.id == newer?.id)
            },
            fromLabel: older.map(label), toLabel: newer.map(label), hunks: shown.hunks, omittedLines: shown.omitted,
            identical: older != nil && hunks.isEmpty)
    }

    @Sendable func restoreRevision(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        let article = try await editableArticle(context, visitor, forReading: false)
        guard let revisionID = context.parameters.get("revision", as: Int64.self),
            let revision = try await store.revisions(of: article.id).first(where: { $0.id.rawValue == revisionID })
        else { throw NewsroomRefusal.notFound }
        guard let version = Int(form.text("version")) else { throw NewsroomRefusal.badRequest("The form has no version; reload the history.") }
        do {
            let content = try ArticleForm.content(revision.draft, renderer: markdown)
            _ = try await desk.save(article.id, content: content, expectedVersion: version, by: ChangeAuthor(visitor.user), kind: .restored, now: now())
        } catch is EditConflict {
            return pages.message(
                try await layout("History", visitor, current: NewsroomPaths.articles), heading: "Not restored",
                text: "The article changed since you opened its history. Reload the history and try again.", status: .conflict)
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            return pages.message(
                try await layout("History", visitor, current: NewsroomPaths.articles), heading: "Not restored", text: message, status: .conflict)
        }
        return done(NewsroomPaths.article(article.id), "restored")
    }

    // MARK: Helpers

    /// The form's fields as a draft even when they are invalid, to show them back to the person.
    static func lenientDraft(_ form: FormFields) -> ArticleDraft {
        ArticleDraft(
            slug: form.text("slug"), title: form.text("title"), dek: form.text("dek"),
            format: ArticleFormat(rawValue: form.text("format")) ?? .reporting, sectionID: Int64(form.text("section")) ?? 0,
            topicIDs: form.ids("topics"), seriesID: Int64(form.text("series")), authorIDs: form.ids("authors"),
            topMediaID: Int64(form.text("top_media")), markdown: form.text("body"), seoTitle: form.text("seo_title"),
            seoDescription: form.text("seo_description"), canonicalURL: form.text("canonical_url"))
    }

    /// Options for a select or checkbox list of taxonomy records.
    static func choices<Record: Identifiable & NamedRecord>(_ records: [Record], selected: [Record.ID], emptyLabel: String?) -> [Choice]
    where Record.ID == Identifier<Record> {
        (emptyLabel.map { [Choice(value: "", label: $0, selected: selected.isEmpty)] } ?? [])
            + records.map { Choice(value: String($0.id.rawValue), label: $0.name, selected: selected.contains($0.id)) }
    }

    /// A small JSON object response.
    static func json(_ fields: [String: String], status: HTTPResponse.Status) -> Response {
        let data = (try? JSONEncoder().encode(fields)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Records with a display name (sections, topics, series, authors).
protocol NamedRecord {
    var name: String { get }
}

extension Section: NamedRecord {}
extension Topic: NamedRecord {}
extension Series: NamedRecord {}
extension Author: NamedRecord {}

/// One row of the article list.
struct ArticleRow {
    let id: Int64
    let title: String
    let href: String
    let state: String
    let stateKey: String
    let section: String
    let authors: String
    let updated: String
    let when: String
}

/// The article list.
struct ArticleListView {
    let layout: AdminLayout
    let rows: [ArticleRow]
    let search: String
    let states: [Choice]
    let sections: [Choice]
    let authors: [Choice]
    let series: [Choice]
    let total: Int
    let pageNumber: Int
    let pageCount: Int
    let previous: String?
    let next: String?
}

/// One author select of the ordered byline.
struct AuthorSlot {
    let number: Int
    let choices: [Choice]
}

/// The article editor.
struct EditorView {
    let layout: AdminLayout
    let isNew: Bool
    let action: String
    let id: Int64
    let version: Int
    let draft: ArticleDraft
    let readOnly: Bool
    /// Where the script autosaves; empty for new, published and scheduled articles, which change only on an explicit save.
    let autosaveURL: String
    let state: String
    let stateKey: String
    let publishedAt: String?
    let publicURL: String?
    let formats: [Choice]
    let sections: [Choice]
    let topics: [Choice]
    let series: [Choice]
    let authorSlots: [AuthorSlot]
    let images: [ImageChoice]
    let wordCount: Int
    let scheduleValue: String
    let timeZone: String
    let canSubmit: Bool
    let canPublish: Bool
    let canUnpublish: Bool
    let canTrash: Bool
    let canRestore: Bool
}

/// The preview page with phone and desktop frames.
struct PreviewView {
    let layout: AdminLayout
    let title: String
    let editor: String
    let frame: String
}

/// One saved version of an article or page, as the History page compares them.
struct HistoryEntry {
    let id: Int64
    let savedBy: String
    let savedAt: Date
    let kind: RevisionKind
    let title: String
    let text: String
}

/// One revision in the history list.
struct RevisionRow {
    let id: Int64
    let when: String
    let who: String
    let kind: String
    let isConflict: Bool
    let title: String
    let restoreAction: String
    let isFrom: Bool
    let isTo: Bool
}

/// A run of changed lines with context.
struct HunkView {
    let skipped: Int
    let lines: [DiffLineView]
}

extension HunkView {
    /// Lines of a comparison one page shows at most; the rest are counted, not shown.
    static let maximumLines = 5_000

    /// The hunks as the page shows them, up to `maximumLines` lines, with the words that
    /// changed marked inside changed lines (one word budget for the page); and how many lines were left out.
    static func views(_ hunks: [DiffHunk]) -> (hunks: [HunkView], omitted: Int) {
        var shown: [(skipped: Int, lines: [DiffLine])] = []
        var left = maximumLines
        for hunk in hunks where left > 0 {
            shown.append((hunk.skippedBefore, Array(hunk.lines.prefix(left))))
            left -= shown[shown.count - 1].lines.count
        }
        let omitted = hunks.reduce(0) { $0 + $1.lines.count } - (maximumLines - left)
        // Hunks begin and end with unchanged lines, so no run of changes spans two of them.
        var segments = TextDiff.segments(of: shown.flatMap(\.lines))[...]
        let views = shown.map { hunk in
            let lineSegments = segments.prefix(hunk.lines.count)
            segments = segments.dropFirst(hunk.lines.count)
            return HunkView(
                skipped: hunk.skipped,
                lines: zip(hunk.lines, lineSegments).map { line, segments in
                    let parts = segments.map { DiffSegmentView(text: $0.text, changed: $0.changed) }
                    return switch line {
                    case .same: DiffLineView(segments: parts, marker: " ", kind: "same")
                    case .added: DiffLineView(segments: parts, marker: "+", kind: "added")
                    case .removed: DiffLineView(segments: parts, marker: "−", kind: "removed")
                    }
                })
        }
        return (views, omitted)
    }
}

/// One line of a diff, in segments so that the words that changed inside it can be marked.
struct DiffLineView {
    let segments: [DiffSegmentView]
    let marker: String
    let kind: String
}

/// A part of a diff line.
struct DiffSegmentView {
    let text: String
    let changed: Bool
}

/// The history page: revisions and the diff between two of them.
struct RevisionsView {
    let layout: AdminLayout
    let title: String
    let editor: String
    let version: Int
    let mayRestore: Bool
    let revisions: [RevisionRow]
    let fromLabel: String?
    let toLabel: String?
    let hunks: [HunkView]
    /// Changed and context lines left out because the comparison is longer than a page shows.
    let omittedLines: Int
    let identical: Bool
}
