import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskRender
import KioskStore

extension NewsroomController {
    /// How many pages the list shows at a time.
    static var pagesPerPage: Int { 50 }

    func addPageRoutes(to admin: RouterGroup<KioskRequestContext>) {
        admin.get("pages", use: pageList)
        admin.get("pages/new", use: newPage)
        admin.post("pages", use: createPage)
        admin.get("pages/:id", use: editPage)
        admin.post("pages/:id", use: savePage)
        admin.post("pages/:id/delete", use: deletePage)
        admin.get("pages/:id/preview", use: previewStandingPage)
        admin.get("pages/:id/revisions", use: pageRevisionsPage)
        admin.post("pages/:id/revisions/:revision/restore", use: restorePageRevision)
    }

    @Sendable func pageList(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        guard let page = PageRequest(query: request.uri.queryParameters.get("page"), size: Self.pagesPerPage) else { throw NewsroomRefusal.notFound }
        let list = try await store.newsroomPages(page)
        let dates = try await dates()
        let view = PageListView(
            layout: try await layout("Pages", visitor, current: NewsroomPaths.pages, request: request), total: list.totalItems,
            rows: list.items.map { page in
                PageRow(
                    href: NewsroomPaths.page(page.id), title: page.content.title, path: SitePaths.page(page.content.slug),
                    state: page.status == .published ? "Published" : "Draft", stateKey: page.status.rawValue,
                    placement: page.content.placement.displayName, updated: dates.text(page.updatedAt))
            },
            pageNumber: list.number, pageCount: max(list.totalPages, 1),
            previous: list.number > 1 ? SitePaths.page(list.number - 1, of: NewsroomPaths.pages) : nil,
            next: list.number < list.totalPages ? SitePaths.page(list.number + 1, of: NewsroomPaths.pages) : nil)
        return pages.page("pages", view)
    }

    @Sendable func newPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        let draft = PageDraft(title: "", slug: "", markdown: "", topMediaID: nil, placement: .none, position: 0)
        return try await pageEditor(request, visitor, page: nil, draft: draft, version: 0, error: nil, status: .ok)
    }

    @Sendable func createPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .editor)
        let status: PageStatus = form.text("action") == "publish" ? .published : .draft
        do {
            let content = try PageForm.content(try PageForm.draft(form), renderer: markdown)
            let page = try await store.createPage(
                content, status: status, revision: NewPageRevision(kind: .created, by: ChangeAuthor(visitor.user), content: content), now: now())
            return done(NewsroomPaths.page(page.id), status == .published ? "published" : "created")
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            return try await pageEditor(
                request, visitor, page: nil, draft: PageForm.lenientDraft(form), version: 0, error: message, status: .unprocessableContent)
        }
    }

    @Sendable func editPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        let page = try await storedPage(context)
        return try await pageEditor(request, visitor, page: page, draft: PageDraft(page.content), version: page.version, error: nil, status: .ok)
    }

    @Sendable func savePage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .editor)
        let page = try await storedPage(context)
        let action = form.text("action")
        let status: PageStatus
        switch action {
        case "", "save": status = page.status
        case "publish": status = .published
        case "unpublish": status = .draft
        default: throw NewsroomRefusal.badRequest("Unknown action “\(action)”.")
        }
        guard let version = Int(form.text("version")) else { throw NewsroomRefusal.badRequest("The form has no version; reload the editor.") }
        do {
            let content = try PageForm.content(try PageForm.draft(form), renderer: markdown)
            let revision = NewPageRevision(kind: .saved, by: ChangeAuthor(visitor.user), content: content)
            _ = try await store.changePage(page.id, now: now()) { [now] current in
                try PageEdits.save(current, content: content, status: status, expectedVersion: version, revision: revision, now: now())
            }
        } catch let stale as StaleEdit {
            let message = "Someone else saved this page while you were editing, so your save was refused to keep their changes. "
                + "Your text is below; compare it with theirs in the history, then save again."
            return try await pageEditor(
                request, visitor, page: page, draft: PageForm.lenientDraft(form), version: stale.currentVersion, error: message, status: .conflict)
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            return try await pageEditor(
                request, visitor, page: page, draft: PageForm.lenientDraft(form), version: version, error: message, status: .unprocessableContent)
        }
        let code = switch action {
        case "publish": "published"
        case "unpublish": "unpublished"
        default: "saved"
        }
        return done(NewsroomPaths.page(page.id), code)
    }

    @Sendable func deletePage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .editor)
        let page = try await storedPage(context)
        try await store.deletePage(page.id)
        return done(NewsroomPaths.pages, "deleted")
    }

    /// The page as the public site will show it, whatever its status.
    @Sendable func previewStandingPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        _ = try await auth.require(request, role: .editor)
        let page = try await storedPage(context)
        var image: Media?
        if let media = page.content.topMediaID { image = try await store.media(media) }
        let images = try await store.bodyImages(in: page.content.body.html)
        return Self.previewResponse(publicPages.standingPage(PageDetail(page: page, topImage: image), site: try await site.current(), bodyImages: images))
    }

    @Sendable func pageRevisionsPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        let page = try await storedPage(context)
        let entries = try await store.pageRevisions(of: page.id).map {
            HistoryEntry(id: $0.id.rawValue, savedBy: $0.savedBy, savedAt: $0.savedAt, kind: $0.kind, title: $0.draft.title, text: $0.draft.text)
        }
        let view = try await historyView(
            request, layout: try await layout("History: \(page.content.title)", visitor, current: NewsroomPaths.pages, request: request),
            title: page.content.title, editor: NewsroomPaths.page(page.id), version: page.version, mayRestore: true, entries: entries)
        return pages.page("revisions", view)
    }

    @Sendable func restorePageRevision(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .editor)
        let page = try await storedPage(context)
        guard let revisionID = context.parameters.get("revision", as: Int64.self),
            let revision = try await store.pageRevisions(of: page.id).first(where: { $0.id.rawValue == revisionID })
        else { throw NewsroomRefusal.notFound }
        guard let version = Int(form.text("version")) else { throw NewsroomRefusal.badRequest("The form has no version; reload the history.") }
        do {
            let content = try PageForm.content(revision.draft, renderer: markdown)
            let kept = NewPageRevision(kind: .restored, by: ChangeAuthor(visitor.user), content: content)
            _ = try await store.changePage(page.id, now: now()) { [now] current in
                try PageEdits.save(current, content: content, status: current.status, expectedVersion: version, revision: kept, now: now())
            }
        } catch {
            let message =
                error is StaleEdit ? "The page changed since you opened its history. Reload the history and try again." : NewsroomErrors.userMessage(error)
            guard let message else { throw error }
            return pages.message(try await layout("History", visitor, current: NewsroomPaths.pages), heading: "Not restored", text: message, status: .conflict)
        }
        return done(NewsroomPaths.page(page.id), "restored")
    }

    /// The page the route's `:id` names, or a 404.
    private func storedPage(_ context: KioskRequestContext) async throws -> SitePage {
        guard let id = context.parameters.get("id", as: Int64.self), let page = try await store.page(SitePage.ID(id)) else { throw NewsroomRefusal.notFound }
        return page
    }

    /// The page editor for a new (`page == nil`) or stored page showing `draft`.
    private func pageEditor(
        _ request: Request, _ visitor: SignedIn, page: SitePage?, draft: PageDraft, version: Int, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let view = PageEditorView(
            layout: try await layout(page == nil ? "New page" : "Edit: \(draft.title)", visitor, current: NewsroomPaths.pages, request: request, error: error),
            isNew: page == nil, action: page.map { NewsroomPaths.page($0.id) } ?? NewsroomPaths.pages, id: page?.id.rawValue ?? 0, version: version,
            draft: draft, state: page.map { $0.status == .published ? "Published" : "Draft" } ?? "New", stateKey: page?.status.rawValue ?? "new",
            isPublished: page?.status == .published,
            publicURL: page.flatMap { $0.status == .published ? publicURL + SitePaths.page($0.content.slug) : nil },
            placements: PagePlacement.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == draft.placement) },
            images: try await topImageChoices(selected: draft.topMediaID?.rawValue), wordCount: ArticleForm.wordCount(draft.markdown))
        return pages.page("page-editor", view, status: status)
    }
}

/// Reads the page editor's form into validated content, rendering the body like an article's.
enum PageForm {
    /// The draft the form describes; throws `ValidationError` for the first bad field.
    static func draft(_ form: FormFields) throws(ValidationError) -> PageDraft {
        let title = form.text("title").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ValidationError(field: "title", message: "A page needs a title.") }
        guard let placement = PagePlacement(rawValue: form.text("placement").isEmpty ? "none" : form.text("placement")) else {
            throw ValidationError(field: "placement", message: "Choose where the page is linked.")
        }
        let positionText = form.text("position").trimmingCharacters(in: .whitespaces)
        guard let position = positionText.isEmpty ? 0 : Int(positionText) else {
            throw ValidationError(field: "position", message: "The order must be a whole number from -1000 to 1000.")
        }
        return PageDraft(
            title: title, slug: try ArticleForm.slug(form.text("slug"), orFrom: title),
            markdown: try ArticleForm.checkedBody(form.text("body").replacingOccurrences(of: "\r\n", with: "\n")),
            topMediaID: Int64(form.text("top_media")).map(Media.ID.init), placement: placement, position: position)
    }

    /// What the form holds, unchecked, to show it again with an error.
    static func lenientDraft(_ form: FormFields) -> PageDraft {
        PageDraft(
            title: form.text("title"), slug: form.text("slug"), markdown: form.text("body"), topMediaID: Int64(form.text("top_media")).map(Media.ID.init),
            placement: PagePlacement(rawValue: form.text("placement")) ?? .none, position: Int(form.text("position")) ?? 0)
    }

    /// The content of `draft` with its body rendered.
    static func content(_ draft: PageDraft, renderer: MarkdownRenderer) throws(ValidationError) -> PageContent {
        try PageContent(
            slug: Slug(draft.slug), title: draft.title, body: renderer.render(ArticleForm.checkedBody(draft.markdown)), topMediaID: draft.topMediaID,
            placement: draft.placement, position: draft.position)
    }
}

/// The list of pages.
struct PageListView {
    let layout: AdminLayout
    let total: Int
    let rows: [PageRow]
    let pageNumber: Int
    let pageCount: Int
    let previous: String?
    let next: String?
}

/// One page in the list.
struct PageRow {
    let href: String
    let title: String
    let path: String
    let state: String
    let stateKey: String
    let placement: String
    let updated: String
}

/// The page editor.
struct PageEditorView {
    let layout: AdminLayout
    let isNew: Bool
    let action: String
    let id: Int64
    let version: Int
    let draft: PageDraft
    let state: String
    let stateKey: String
    let isPublished: Bool
    let publicURL: String?
    let placements: [Choice]
    let images: [ImageChoice]
    let wordCount: Int
}
