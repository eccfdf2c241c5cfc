import Foundation
import KioskCore
import KioskMail
import KioskRender
import KioskStore

/// Builds the newsletter's emails and signed links: confirmation, preferences and issues.
struct NewsletterMessages: Sendable {
    /// How long unsubscribe and preferences links work: as long as anyone keeps an old email.
    static var standingLinkLifetime: TimeInterval { 10 * 365 * 24 * 3600 }
    /// Placeholders in a rendered issue, replaced for each subscriber.
    static let unsubscribePlaceholder = "KIOSK-UNSUBSCRIBE-URL"
    static let preferencesPlaceholder = "KIOSK-PREFERENCES-URL"

    let signer: LinkSigner
    let renderer: EmailRenderer
    let identity: MailIdentity
    let publicURL: String

    // MARK: Links

    /// What a subscriber's link is signed for: its use, and the subscriber's address. A link names
    /// the subscriber by id, so it stops working once they are deleted, and the address in the
    /// signature keeps it from working for whoever is later given the same id.
    static func purpose(_ use: String, _ email: EmailAddress) -> String {
        use + ":" + email.rawValue
    }

    func confirmURL(_ id: Subscriber.ID, _ email: EmailAddress, now: Date) -> String {
        publicURL + "/newsletter/confirm/"
            + signer.token(purpose: Self.purpose("confirm", email), id: id.rawValue, expiresAt: now.addingTimeInterval(SignUps.confirmationLifetime))
    }

    func preferencesURL(_ id: Subscriber.ID, _ email: EmailAddress, now: Date) -> String {
        publicURL + "/newsletter/preferences/"
            + signer.token(purpose: Self.purpose("preferences", email), id: id.rawValue, expiresAt: now.addingTimeInterval(Self.standingLinkLifetime))
    }

    func unsubscribeToken(_ id: Subscriber.ID, _ email: EmailAddress, newsletter: Newsletter.ID, now: Date) -> String {
        signer.token(purpose: Self.purpose("unsubscribe-\(newsletter)", email), id: id.rawValue, expiresAt: now.addingTimeInterval(Self.standingLinkLifetime))
    }

    // MARK: Transactional messages

    /// The double opt-in email.
    func confirmation(_ id: Subscriber.ID, _ email: EmailAddress, site: SiteSettings, now: Date) -> (subject: String, text: String, html: String) {
        let notice = EmailNotice(
            heading: "Confirm your subscription",
            paragraphs: [
                "Someone, probably you, asked to receive newsletters from \(site.name) at this address.",
                "Open the link and press the button to confirm. The link works for 48 hours. If it was not you, ignore this email and nothing will be sent.",
            ],
            buttonLabel: "Confirm my subscription", buttonURL: confirmURL(id, email, now: now),
            footer: "\(site.name) · \(publicURL)")
        let rendered = renderer.notice(notice, site: site)
        return ("Confirm your subscription to \(site.name)", rendered.text, rendered.html)
    }

    /// The email an existing subscriber gets when they sign up again: a way to their choices.
    func preferencesReminder(_ id: Subscriber.ID, _ email: EmailAddress, site: SiteSettings, now: Date) -> (subject: String, text: String, html: String) {
        let notice = EmailNotice(
            heading: "You are already subscribed",
            paragraphs: ["This address already receives newsletters from \(site.name). You can choose which ones, or leave them all, here."],
            buttonLabel: "Choose my newsletters", buttonURL: preferencesURL(id, email, now: now), footer: "\(site.name) · \(publicURL)")
        let rendered = renderer.notice(notice, site: site)
        return ("Your newsletters from \(site.name)", rendered.text, rendered.html)
    }

    // MARK: Issues

    /// An issue rendered once, with placeholders where each subscriber's links go.
    struct PreparedIssue: Sendable {
        let issue: NewsletterIssue
        let newsletter: Newsletter
        let html: String
        let text: String
    }

    /// Renders an issue with placeholders for the per-subscriber links.
    func prepare(_ issue: NewsletterIssue, newsletter: Newsletter, stories: [ArticleSummary], site: SiteSettings) -> PreparedIssue {
        let content = IssueEmailContent(
            subject: issue.subject, newsletterName: newsletter.name, intro: issue.intro,
            stories: stories.map { IssueStory($0, publicURL: publicURL) },
            webURL: publicURL + SitePaths.newsletterIssue(issue.id.rawValue), unsubscribeURL: Self.unsubscribePlaceholder,
            preferencesURL: Self.preferencesPlaceholder)
        let rendered = renderer.issue(content, site: site)
        return PreparedIssue(issue: issue, newsletter: newsletter, html: rendered.html, text: rendered.text)
    }

    /// One subscriber's copy of a prepared issue, ready for SMTP.
    func message(_ prepared: PreparedIssue, to delivery: Delivery, now: Date) throws -> [UInt8] {
        let token = unsubscribeToken(delivery.subscriberID, delivery.email, newsletter: prepared.newsletter.id, now: now)
        let unsubscribe = publicURL + "/newsletter/unsubscribe/\(prepared.newsletter.id)/" + token
        let preferences = preferencesURL(delivery.subscriberID, delivery.email, now: now)
        func personal(_ text: String) -> String {
            text.replacingOccurrences(of: Self.unsubscribePlaceholder, with: unsubscribe)
                .replacingOccurrences(of: Self.preferencesPlaceholder, with: preferences)
        }
        let message = MailMessage(
            from: identity.from, to: MailAddress(delivery.email), replyTo: identity.replyTo, subject: prepared.issue.subject, date: now,
            messageID: "issue-\(prepared.issue.id)-\(delivery.subscriberID).\(UUID().uuidString.prefix(8).lowercased())@\(identity.domain)",
            headers: [
                ("List-Id", "<\(prepared.newsletter.slug).\(identity.domain)>"),
                ("List-Unsubscribe", "<\(unsubscribe)>, <mailto:\(identity.from.email)?subject=unsubscribe%20\(token)>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
            text: personal(prepared.text), html: personal(prepared.html))
        return try identity.data(of: message)
    }
}
