import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskMail
import KioskRender
import KioskStore
import Logging

/// The readers' side of the newsletters under `/newsletter`: the list and sign-up form, double
/// opt-in, preferences, one-click unsubscribe (RFC 8058) and the archive of sent issues.
struct NewsletterController<Store: PublicationStore>: Sendable {
    let store: Store
    let site: SiteContextCache<Store>
    let renderer: PageRenderer
    let emails: EmailRenderer
    let mailer: TransactionalMailer
    let publicURL: String
    let logger: Logger
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<KioskRequestContext>) {
        router.get("/newsletter") { request, _ in try await index(message: nil, status: .ok) }
        router.post("/newsletter/subscribe") { request, context in try await subscribe(request, context) }
        router.get("/newsletter/confirm/:token") { request, context in
            try await withSubscriber(context, purpose: "confirm") { _ in
                page("Confirm your subscription", "Press the button to start receiving the newsletters you chose.", form: .confirm(action: request.uri.path))
            }
        }
        router.post("/newsletter/confirm/:token") { _, context in
            try await withSubscriber(context, purpose: "confirm") { subscriber in
                let confirmed = try await store.changeSubscriber(subscriber.id, now: now()) { Subscriptions.confirm($0, now: now()) }
                let names = try await store.newsletters().filter { confirmed.newsletterIDs.contains($0.id) }.map(\.name)
                return page(
                    "You are subscribed", "Thank you. You will receive \(names.joined(separator: " and ")). Every email has a link to change this.",
                    form: nil)
            }
        }
        router.get("/newsletter/preferences/:token") { request, context in
            try await withSubscriber(context, purpose: "preferences") { subscriber in
                try await preferences(subscriber, request.uri.path, message: "Choose the newsletters you want, or leave them all.")
            }
        }
        router.post("/newsletter/preferences/:token") { request, context in
            let form = try await Self.form(request)
            return try await withSubscriber(context, purpose: "preferences") { subscriber in
                let chosen = form.text("action") == "leave" ? [] : try await newsletterIDs(form.all("newsletter"))
                let newsletters = try await store.newsletters()
                let changed = try await store.changeSubscriber(subscriber.id, now: now()) { Subscriptions.choose($0, chosen, from: newsletters) }
                if chosen.isEmpty {
                    return page("You are unsubscribed", "You will receive no more newsletters from us. You can sign up again at any time.", form: nil)
                }
                return try await preferences(changed, request.uri.path, message: "Saved. You will receive what is ticked below.")
            }
        }
        router.get("/newsletter/unsubscribe/:list/:token") { request, context in
            try await withUnsubscribe(context) { _, newsletter in
                page("Unsubscribe", "Press the button to stop receiving \(newsletter.name).", form: .unsubscribe(action: request.uri.path))
            }
        }
        router.post("/newsletter/unsubscribe/:list/:token") { _, context in
            try await withUnsubscribe(context) { subscriber, newsletter in
                _ = try await store.changeSubscriber(subscriber.id, now: now()) { Subscriptions.unsubscribe($0, from: newsletter) }
                return page("You are unsubscribed", "You will receive no more of \(newsletter.name).", form: nil)
            }
        }
        router.get("/newsletter/archive/:id") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self), let issue = try await store.issue(NewsletterIssue.ID(id)), issue.status == .sent,
                let newsletter = try await store.newsletters().first(where: { $0.id == issue.newsletterID })
            else { throw HTTPError(.notFound) }
            let settings = try await site.current().settings
            let stories = try await IssueStories.load(issue, from: store)
            let content = IssueEmailContent(
                subject: issue.subject, newsletterName: newsletter.name, intro: issue.intro,
                stories: stories.map { IssueStory($0, publicURL: publicURL) },
                webURL: publicURL + SitePaths.newsletterIssue(id), unsubscribeURL: publicURL + SitePaths.newsletter,
                preferencesURL: publicURL + SitePaths.newsletter)
            return Self.html(emails.issue(content, site: settings).html, status: .ok, cacheable: true)
        }
    }

    // MARK: Pages

    private func index(message: String?, status: HTTPResponse.Status) async throws -> Response {
        let newsletters = try await store.newsletters()
        var archive: [ArchiveEntry] = []
        for newsletter in newsletters {
            archive += try await store.issues(of: newsletter.id).filter { $0.status == .sent }.prefix(20).map {
                ArchiveEntry(subject: $0.subject, url: SitePaths.newsletterIssue($0.id.rawValue), sentAt: $0.sentAt ?? $0.createdAt)
            }
        }
        let content = NewsletterPageContent(
            path: SitePaths.newsletter, heading: "Newsletters",
            message: message ?? "Our journalism in your inbox. Choose one or more; every email has a link to change your mind.",
            form: .signUp(newsletters.map { NewsletterChoice(slug: $0.slug.rawValue, name: $0.name, description: $0.description, checked: $0.isWeeklyRoundup) }),
            archive: archive.sorted { $0.sentAt > $1.sentAt })
        return Self.html(renderer.newsletterPage(content, site: try await site.current()), status: status, cacheable: false)
    }

    private func page(_ heading: String, _ message: String, form: NewsletterPageContent.Form?, status: HTTPResponse.Status = .ok) -> PendingPage {
        PendingPage(content: NewsletterPageContent(path: "/newsletter/step", heading: heading, message: message, form: form), status: status)
    }

    private func preferences(_ subscriber: Subscriber, _ action: String, message: String) async throws -> PendingPage {
        let choices = try await store.newsletters().map {
            NewsletterChoice(slug: $0.slug.rawValue, name: $0.name, description: $0.description, checked: subscriber.newsletterIDs.contains($0.id))
        }
        return page("Your newsletters", "\(message) (\(subscriber.email))", form: .preferences(action: action, choices: choices))
    }

    /// A page to render once the site context is at hand.
    struct PendingPage {
        let content: NewsletterPageContent
        let status: HTTPResponse.Status
    }

    private func render(_ pending: PendingPage) async throws -> Response {
        Self.html(renderer.newsletterPage(pending.content, site: try await site.current()), status: pending.status, cacheable: false)
    }

    // MARK: Sign-up

    private func subscribe(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        let sent = "Thank you. If this address can receive our newsletters, an email is on its way with a link to confirm. It may take a minute; check your spam folder too."
        // A bot filled the field people never see: answer as if all went well, do nothing.
        guard form.text("website").isEmpty else { return try await render(page("Check your inbox", sent, form: nil)) }
        let email: EmailAddress
        do {
            email = try EmailAddress(form.text("email"))
        } catch {
            return try await index(message: error.message + " Nothing was stored.", status: .unprocessableContent)
        }
        let ids = try await newsletterIDs(form.all("newsletter"))
        guard !ids.isEmpty else { return try await index(message: "Tick at least one newsletter.", status: .unprocessableContent) }
        let network = SignUps.key(client: context.clientKey)
        do {
            try await store.count(network, against: SignUps.perNetwork, now: now())
        } catch let refusal as LimitReached {
            return try await render(page("Too many sign-ups", refusal.message, form: nil, status: .tooManyRequests))
        }
        let settings = try await site.current().settings
        let outcome = try await store.signUp(email: email, newsletters: ids, source: "site", now: now()) { standing, suppressed in
            SignUps.plan(standing, suppressed: suppressed, source: "site")
        }
        let message: (subject: String, text: String, html: String)?
        let subscriberID: Subscriber.ID?
        switch outcome {
        case .confirmationNeeded(let id, let last) where SignUps.mayWrite(lastSentAt: last, now: now()):
            (message, subscriberID) = (try await messages().confirmation(id, email, site: settings, now: now()), id)
        case .alreadySubscribed(let id, let last) where SignUps.mayWrite(lastSentAt: last, now: now()):
            (message, subscriberID) = (try await messages().preferencesReminder(id, email, site: settings, now: now()), id)
        default:
            (message, subscriberID) = (nil, nil)
        }
        if let message, let subscriberID {
            do {
                let outcome = try await mailer.send(to: email, subject: message.subject, text: message.text, html: message.html)
                if outcome == .accepted { try await store.markConfirmationSent(subscriberID, now: now()) }
            } catch {
                logger.error("Could not send a confirmation email", metadata: ["error": "\(String(reflecting: error))"])
                return try await render(
                    page("Not sent yet", "We could not send the confirmation email just now. Please try again in a few minutes.", form: nil, status: .serviceUnavailable))
            }
        }
        return try await render(page("Check your inbox", sent, form: nil))
    }

    private func newsletterIDs(_ slugs: [String]) async throws -> [Newsletter.ID] {
        let all = try await store.newsletters()
        return slugs.compactMap { slug in all.first { $0.slug.rawValue == slug }?.id }
    }

    private func messages() async throws -> NewsletterMessages {
        NewsletterMessages(signer: LinkSigner(secret: try await store.siteSecret()), renderer: emails, identity: mailer.identity, publicURL: publicURL)
    }

    // MARK: Signed links

    /// Runs `work` for the subscriber a signed link names, or answers why the link does not work.
    private func withSubscriber(_ context: KioskRequestContext, purpose: String, work: (Subscriber) async throws -> PendingPage) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let id = LinkSigner.claimedID(token), let subscriber = try await store.subscriber(Subscriber.ID(id)),
            let link = try await messages().signer.verify(token, purpose: NewsletterMessages.purpose(purpose, subscriber.email), now: now())
        else {
            return try await render(page("This link does not work", "The link is incomplete or was changed. Copy the whole link from the email, or sign up again.", form: nil, status: .notFound))
        }
        guard !link.expired else {
            return try await render(page("This link has expired", "Confirmation links work for 48 hours. Sign up again to get a new one.", form: nil, status: .gone))
        }
        return try await render(try await work(subscriber))
    }

    /// Like `withSubscriber` for unsubscribe links, which also name the newsletter.
    private func withUnsubscribe(_ context: KioskRequestContext, work: (Subscriber, Newsletter) async throws -> PendingPage) async throws -> Response {
        guard let list = context.parameters.get("list", as: Int64.self),
            let newsletter = try await store.newsletters().first(where: { $0.id.rawValue == list })
        else { throw HTTPError(.notFound) }
        return try await withSubscriber(context, purpose: "unsubscribe-\(list)") { subscriber in try await work(subscriber, newsletter) }
    }

    // MARK: Helpers

    static func form(_ request: Request) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: 16 * 1024)
        return FormFields(encoded: String(buffer: buffer))
    }

    static func html(_ html: String, status: HTTPResponse.Status, cacheable: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = cacheable ? "public, max-age=300" : "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
