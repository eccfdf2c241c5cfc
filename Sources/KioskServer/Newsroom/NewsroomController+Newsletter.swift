import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskMail
import KioskRender
import KioskStore

/// The newsroom's side of the newsletters: issues (drafted round-ups, test sends, sending and its
/// progress) and subscribers. Editors and administrators only.
struct NewsletterDesk<Store: PublicationStore>: Sendable {
    let newsroom: NewsroomController<Store>
    let service: NewsletterService<Store>
    let mailer: TransactionalMailer
    let emails: EmailRenderer

    var store: Store { newsroom.store }
    var auth: NewsroomAuth<Store> { newsroom.auth }
    var now: @Sendable () -> Date { newsroom.now }

    func addRoutes(to router: Router<KioskRequestContext>) {
        let admin = router.group("admin").add(middleware: NewsroomErrorMiddleware(pages: newsroom.pages, logger: newsroom.logger))
        admin.get("newsletter", use: overview)
        admin.post("newsletter/schedule", use: saveSchedule)
        admin.post("newsletter/draft", use: draftNow)
        admin.post("newsletter/new", use: newIssue)
        admin.get("newsletter/issues/:id", use: issuePage)
        admin.post("newsletter/issues/:id", use: issueAction)
        admin.get("subscribers", use: subscribersPage)
        admin.get("subscribers.csv", use: exportSubscribers)
        admin.post("subscribers/import", use: importSubscribers)
        admin.get("subscribers/:id", use: subscriberPage)
        admin.post("subscribers/:id", use: subscriberAction)
    }

    // MARK: Overview

    @Sendable func overview(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        await service.transport.refresh()
        let dates = try await newsroom.dates()
        var lists: [NewsletterRow] = []
        for newsletter in try await store.newsletters() {
            var issues: [IssueRow] = []
            for issue in try await store.issues(of: newsletter.id).prefix(30) {
                let progress = try await store.deliveryProgress(issue.id)
                issues.append(
                    IssueRow(
                        href: "/admin/newsletter/issues/\(issue.id)", subject: issue.subject, status: issue.status.displayName, statusKey: issue.status.rawValue,
                        created: dates.text(issue.createdAt), sent: progress.sent, failed: progress.failed, remaining: progress.remaining))
            }
            lists.append(
                NewsletterRow(
                    id: newsletter.id.rawValue, name: newsletter.name, isWeeklyRoundup: newsletter.isWeeklyRoundup,
                    weekdays: (1...7).map { Choice(value: "\($0)", label: Calendar(identifier: .gregorian).weekdaySymbols[$0 - 1], selected: $0 == newsletter.sendWeekday) },
                    time: String(format: "%02d:%02d", newsletter.sendMinute / 60, newsletter.sendMinute % 60), automatic: newsletter.sendsAutomatically,
                    issues: issues))
        }
        let view = NewsletterOverviewView(
            layout: try await newsroom.layout("Newsletter", visitor, current: "/admin/newsletter", request: request),
            transport: service.transport.description, isFolder: service.transport.isFolder, newsletters: lists, timeZone: dates.timeZone.identifier)
        return newsroom.pages.page("newsletter", view)
    }

    @Sendable func saveSchedule(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .editor)
        let parts = form.text("time").split(separator: ":").compactMap { Int($0) }
        guard let id = Int64(form.text("newsletter")), let weekday = Int(form.text("weekday")), parts.count == 2 else {
            throw NewsroomRefusal.badRequest("Choose a day and a time like 08:00.")
        }
        let schedule: NewsletterSchedule
        do {
            schedule = try NewsletterSchedule(weekday: weekday, minute: parts[0] * 60 + parts[1], sendsAutomatically: form["automatic"] != nil)
        } catch {
            throw NewsroomRefusal.badRequest(error.message)
        }
        try await store.updateNewsletterSchedule(Newsletter.ID(id), schedule)
        return newsroom.done("/admin/newsletter", "saved")
    }

    @Sendable func draftNow(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .editor)
        try await service.draftRoundups()
        return newsroom.done("/admin/newsletter", "saved")
    }

    /// Starts a new draft issue of any newsletter with the last seven days' stories.
    @Sendable func newIssue(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .editor)
        guard let id = Int64(form.text("newsletter")), let newsletter = try await store.newsletters().first(where: { $0.id.rawValue == id }) else {
            throw NewsroomRefusal.notFound
        }
        let period = now().addingTimeInterval(-7 * 24 * 3600)..<now()
        let articles = try await store.articlesPublished(in: period)
        let draft = try NewIssue(
            newsletterID: newsletter.id, subject: newsletter.name, intro: "", articleIDs: Array(articles.prefix(Roundups.maximumArticles).map(\.id)),
            period: period)
        guard let issue = try await store.createIssue(draft, now: now()) else { throw NewsroomRefusal.notFound }
        return newsroom.done("/admin/newsletter/issues/\(issue.id)", "created")
    }

    // MARK: One issue

    private func issue(_ context: KioskRequestContext) async throws -> NewsletterIssue {
        guard let id = context.parameters.get("id", as: Int64.self), let issue = try await store.issue(NewsletterIssue.ID(id)) else {
            throw NewsroomRefusal.notFound
        }
        return issue
    }

    @Sendable func issuePage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        return try await issueView(request, visitor, try await issue(context), error: nil, status: .ok)
    }

    private func issueView(_ request: Request, _ visitor: SignedIn, _ issue: NewsletterIssue, error: String?, status: HTTPResponse.Status) async throws -> Response {
        await service.transport.refresh()
        let dates = try await newsroom.dates()
        let stories = try await IssueStories.load(issue, from: store)
        let progress = try await store.deliveryProgress(issue.id)
        let view = IssueView(
            layout: try await newsroom.layout("Issue: \(issue.subject)", visitor, current: "/admin/newsletter", request: request, error: error),
            action: "/admin/newsletter/issues/\(issue.id)", subject: issue.subject, intro: issue.intro, status: issue.status.displayName,
            editable: issue.status == .draft || issue.status == .scheduled,
            period: "\(dates.text(issue.periodStart)) to \(dates.text(issue.periodEnd))",
            sendAt: issue.sendAt.map(dates.text), scheduleValue: dates.field(issue.sendAt ?? now().addingTimeInterval(3600)),
            stories: stories.enumerated().map { index, story in
                IssueStoryRow(id: story.id.rawValue, position: index + 1, title: story.title, section: story.section.name, isLead: index == 0)
            },
            sent: progress.sent, failed: progress.failed, remaining: progress.remaining,
            rate: progress.rate.map { String(format: "%.0f messages a second", $0) }, isFolder: service.transport.isFolder,
            email: visitor.user.email.rawValue, webURL: issue.status == .sent ? SitePaths.newsletterIssue(issue.id.rawValue) : nil)
        return newsroom.pages.page("issue", view, status: status)
    }

    @Sendable func issueAction(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .editor)
        let current = try await issue(context)
        let path = "/admin/newsletter/issues/\(current.id)"
        do {
            switch form.text("action") {
            case "save", "test", "send", "schedule":
                if IssueRules.isEditable(current) {
                    let (subject, intro, articles) = (form.text("subject"), form.text("intro"), Self.order(form))
                    try await store.changeIssue(current.id) { issue in try IssueRules.edit(issue, subject: subject, intro: intro, articles: articles) }
                }
            default:
                throw NewsroomRefusal.badRequest("Unknown action.")
            }
            switch form.text("action") {
            case "test":
                try await sendTest(try await issue(context), to: visitor.user.email)
                return newsroom.done(path, "test-sent")
            case "send":
                _ = try await store.startSending(current.id, now: now(), IssueRules.mayStartSending)
                return newsroom.done(path, "sending")
            case "schedule":
                guard let time = try await newsroom.dates().parse(form.text("send_at")) else {
                    throw ValidationError(field: "send_at", message: "Choose a time in the future to send the issue.")
                }
                let moment = now()
                try await store.changeIssue(current.id) { issue in try IssueRules.schedule(issue, at: time, now: moment) }
                return newsroom.done(path, "scheduled")
            default:
                return newsroom.done(path, "saved")
            }
        } catch let error as ValidationError {
            return try await issueView(request, visitor, current, error: error.message, status: .unprocessableContent)
        } catch let error as WorkflowError {
            return try await issueView(request, visitor, current, error: error.message, status: .conflict)
        }
    }

    /// The articles in the order of their position fields, without those unticked.
    static func order(_ form: FormFields) -> [Article.ID] {
        let kept = Set(form.ids("keep"))
        let positions = form.all("position").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .infinity }
        let ids = form.ids("story")
        return zip(ids, positions).enumerated()
            .filter { kept.contains($0.element.0) }
            .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
            .map { Article.ID($0.element.0) }
    }

    /// Sends the issue to one address, with links that lead to the newsletter page.
    private func sendTest(_ issue: NewsletterIssue, to email: EmailAddress) async throws {
        guard let newsletter = try await store.newsletters().first(where: { $0.id == issue.newsletterID }) else { throw NewsroomRefusal.notFound }
        let site = try await store.siteContext().settings
        let messages = NewsletterMessages(
            signer: LinkSigner(secret: try await store.siteSecret()), renderer: emails, identity: mailer.identity, publicURL: newsroom.publicURL)
        let prepared = messages.prepare(issue, newsletter: newsletter, stories: try await IssueStories.load(issue, from: store), site: site)
        let placeholder = newsroom.publicURL + SitePaths.newsletter
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: NewsletterMessages.unsubscribePlaceholder, with: placeholder)
                .replacingOccurrences(of: NewsletterMessages.preferencesPlaceholder, with: placeholder)
        }
        let outcome = try await mailer.send(to: email, subject: "[Test] " + issue.subject, text: fill(prepared.text), html: fill(prepared.html))
        guard outcome == .accepted else { throw ValidationError(field: "test", message: "The mail server refused the test: \(outcome).") }
    }

    // MARK: Subscribers

    @Sendable func subscribersPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        let query = request.uri.queryParameters
        let newsletters = try await store.newsletters()
        let filter = SubscriberFilter(
            search: String((request.formQueryValue("q") ?? "").prefix(200)), status: query.get("status").flatMap(SubscriberStatus.init(rawValue:)),
            newsletterID: query.get("newsletter", as: Int64.self).map(Newsletter.ID.init))
        guard let pageRequest = PageRequest(query: query.get("page"), size: 50) else { throw NewsroomRefusal.notFound }
        let page = try await store.subscribers(filter, page: pageRequest)
        let dates = try await newsroom.dates()
        let view = SubscribersView(
            layout: try await newsroom.layout("Subscribers", visitor, current: "/admin/subscribers", request: request),
            search: filter.search, total: page.totalItems,
            statuses: [Choice(value: "", label: "Any status", selected: filter.status == nil)]
                + SubscriberStatus.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == filter.status) },
            newsletters: [Choice(value: "", label: "Any newsletter", selected: filter.newsletterID == nil)]
                + newsletters.map { Choice(value: "\($0.id)", label: $0.name, selected: $0.id == filter.newsletterID) },
            rows: page.items.map { subscriber in
                SubscriberRow(
                    href: "/admin/subscribers/\(subscriber.id)", email: subscriber.email.rawValue, status: subscriber.status.displayName,
                    newsletters: newsletters.filter { subscriber.newsletterIDs.contains($0.id) }.map(\.name).joined(separator: ", "),
                    since: dates.text(subscriber.createdAt), source: subscriber.source)
            },
            previous: page.hasPrevious ? "/admin/subscribers?page=\(page.number - 1)" : nil, next: page.hasNext ? "/admin/subscribers?page=\(page.number + 1)" : nil)
        return newsroom.pages.page("subscribers", view)
    }

    /// The largest CSV accepted for an import.
    static var maximumImportBytes: Int { 20 << 20 }

    /// Every subscriber as CSV, in pages so memory stays flat.
    @Sendable func exportSubscribers(_ request: Request, context: KioskRequestContext) async throws -> Response {
        _ = try await auth.require(request, role: .editor)
        let newsletters = try await store.newsletters()
        var text = CSV.line(["email", "status", "newsletters", "source", "signed_up", "confirmed"])
        var number = 1
        while true {
            let page = try await store.subscribers(SubscriberFilter(), page: PageRequest(number: number, size: 1_000)!)
            for subscriber in page.items {
                text += CSV.line([
                    subscriber.email.rawValue, subscriber.status.rawValue,
                    newsletters.filter { subscriber.newsletterIDs.contains($0.id) }.map(\.slug.rawValue).joined(separator: ";"), subscriber.source,
                    subscriber.createdAt.formatted(Date.ISO8601FormatStyle()), subscriber.confirmedAt.map { $0.formatted(Date.ISO8601FormatStyle()) } ?? "",
                ])
            }
            guard page.hasNext else { break }
            number += 1
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"subscribers.csv\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Imports subscribers from a CSV exported by Kiosk, Ghost, Substack or Mailchimp (see
    /// `SubscriberCSV`); valid rows are kept, invalid ones reported by line.
    @Sendable func importSubscribers(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        let parts: [FormPart]
        do {
            parts = try await MultipartForm.read(request, limit: Self.maximumImportBytes)
        } catch let error as ValidationError {
            return try await importReport(request, visitor, ImportReport(error: error.message.replacingOccurrences(of: "file", with: "CSV")), status: .contentTooLarge)
        }
        func field(_ name: String) -> String { parts.first { $0.name == name }.map { String(decoding: $0.body, as: UTF8.self) } ?? "" }
        guard constantTimeEquals(field("csrf"), visitor.csrfToken) else { throw NewsroomRefusal.badCSRFToken }
        guard let file = parts.first(where: { $0.name == "file" }), !file.body.isEmpty else {
            return try await importReport(request, visitor, ImportReport(error: "Choose a CSV file to import."), status: .unprocessableContent)
        }
        let list = SubscriberCSV(String(decoding: file.body, as: UTF8.self), newsletters: try await store.newsletters())
        let added = try await store.importSubscribers(list.rows, now: now()) { Subscriptions.importEvent(source: $0.source, status: $0.status) }
        let report = ImportReport(added: added, known: list.rows.count - added, invalid: list.invalid, problems: list.problems, error: nil)
        return try await importReport(request, visitor, report, status: .ok)
    }

    private func importReport(_ request: Request, _ visitor: SignedIn, _ report: ImportReport, status: HTTPResponse.Status) async throws -> Response {
        let view = ImportView(layout: try await newsroom.layout("Import subscribers", visitor, current: "/admin/subscribers", request: request, error: report.error), report: report)
        return newsroom.pages.page("import", view, status: status)
    }

    @Sendable func subscriberPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        guard let id = context.parameters.get("id", as: Int64.self), let subscriber = try await store.subscriber(Subscriber.ID(id)) else {
            throw NewsroomRefusal.notFound
        }
        let dates = try await newsroom.dates()
        let newsletters = try await store.newsletters()
        let view = SubscriberView(
            layout: try await newsroom.layout("Subscriber \(subscriber.email)", visitor, current: "/admin/subscribers", request: request),
            action: "/admin/subscribers/\(subscriber.id)", email: subscriber.email.rawValue, status: subscriber.status.displayName,
            source: subscriber.source, newsletters: newsletters.filter { subscriber.newsletterIDs.contains($0.id) }.map(\.name).joined(separator: ", "),
            history: try await store.subscriberHistory(subscriber.id).map { HistoryRow(when: dates.text($0.at), what: $0.what) })
        return newsroom.pages.page("subscriber", view)
    }

    @Sendable func subscriberAction(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .editor)
        guard let id = context.parameters.get("id", as: Int64.self), try await store.subscriber(Subscriber.ID(id)) != nil else {
            throw NewsroomRefusal.notFound
        }
        switch form.text("action") {
        case "unsubscribe":
            _ = try await store.changeSubscriber(Subscriber.ID(id), now: now()) { Subscriptions.unsubscribe($0, from: nil) }
            return newsroom.done("/admin/subscribers/\(id)", "saved")
        case "delete":
            try await store.deleteSubscriber(Subscriber.ID(id))
            return newsroom.done("/admin/subscribers", "deleted")
        default:
            throw NewsroomRefusal.badRequest("Unknown action.")
        }
    }
}

/// What an import did.
struct ImportReport {
    var added = 0
    var known = 0
    var invalid = 0
    var problems: [String] = []
    var error: String?
}

/// The import result page.
struct ImportView {
    let layout: AdminLayout
    let report: ImportReport
}

/// A newsletter on the overview.
struct NewsletterRow {
    let id: Int64
    let name: String
    let isWeeklyRoundup: Bool
    let weekdays: [Choice]
    let time: String
    let automatic: Bool
    let issues: [IssueRow]
}

/// An issue on the overview.
struct IssueRow {
    let href: String
    let subject: String
    let status: String
    let statusKey: String
    let created: String
    let sent: Int
    let failed: Int
    let remaining: Int
}

/// The newsletter overview.
struct NewsletterOverviewView {
    let layout: AdminLayout
    let transport: String
    let isFolder: Bool
    let newsletters: [NewsletterRow]
    let timeZone: String
}

/// An article in an issue.
struct IssueStoryRow {
    let id: Int64
    let position: Int
    let title: String
    let section: String
    let isLead: Bool
}

/// One issue's page.
struct IssueView {
    let layout: AdminLayout
    let action: String
    let subject: String
    let intro: String
    let status: String
    let editable: Bool
    let period: String
    let sendAt: String?
    let scheduleValue: String
    let stories: [IssueStoryRow]
    let sent: Int
    let failed: Int
    let remaining: Int
    let rate: String?
    let isFolder: Bool
    let email: String
    let webURL: String?
}

/// A subscriber in the list.
struct SubscriberRow {
    let href: String
    let email: String
    let status: String
    let newsletters: String
    let since: String
    let source: String
}

/// The subscribers page.
struct SubscribersView {
    let layout: AdminLayout
    let search: String
    let total: Int
    let statuses: [Choice]
    let newsletters: [Choice]
    let rows: [SubscriberRow]
    let previous: String?
    let next: String?
}

/// One event in a subscriber's history.
struct HistoryRow {
    let when: String
    let what: String
}

/// One subscriber's page.
struct SubscriberView {
    let layout: AdminLayout
    let action: String
    let email: String
    let status: String
    let source: String
    let newsletters: String
    let history: [HistoryRow]
}
