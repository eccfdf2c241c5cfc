import Foundation
import KioskCore

/// What the newsletters store: subscribers and their consent, issues, and the delivery queue.
///
/// The queue has one row per (issue, subscriber). Sending claims rows (`queued` → `sending`), and
/// records each result as soon as the mail server answers; after a crash, rows left `sending` go
/// back to the queue. So a message can be sent twice only if the server accepted it and the
/// process died before recording that: at most one message per open connection.
public protocol NewsletterStore: NewsroomStore {
    // MARK: Newsletters and subscribers

    /// Every newsletter, in display order.
    func newsletters() async throws -> [Newsletter]
    /// Changes when the weekly round-up is drafted and whether it is sent without an editor.
    func updateNewsletterSchedule(_ id: Newsletter.ID, weekday: Int, minute: Int, sendsAutomatically: Bool) async throws
    /// Records a sign-up for `newsletters`; see `SignUpResult` for what to tell the address.
    func signUp(email: EmailAddress, newsletters: [Newsletter.ID], source: String, now: Date) async throws -> SignUpResult
    /// Notes that a confirmation (or preferences) email went to the subscriber, for rate limiting.
    func markConfirmationSent(_ id: Subscriber.ID, now: Date) async throws
    /// Confirms a pending subscriber: from now on they receive their newsletters.
    func confirmSubscriber(_ id: Subscriber.ID, now: Date) async throws -> Subscriber
    /// The subscriber with this id, or `nil`.
    func subscriber(_ id: Subscriber.ID) async throws -> Subscriber?
    /// Replaces which newsletters an active subscriber receives; none at all unsubscribes them.
    func setSubscriptions(_ id: Subscriber.ID, newsletters: [Newsletter.ID], now: Date) async throws -> Subscriber
    /// Unsubscribes from one newsletter, or from all of them when `newsletter` is `nil`.
    func unsubscribe(_ id: Subscriber.ID, from newsletter: Newsletter.ID?, now: Date) async throws
    /// A page of subscribers, newest first, filtered.
    func subscribers(_ filter: SubscriberFilter, page: PageRequest) async throws -> Page<Subscriber>
    /// What happened to a subscriber, oldest first.
    func subscriberHistory(_ id: Subscriber.ID) async throws -> [SubscriberEvent]
    /// Deletes a subscriber with all their data: subscriptions, history and deliveries.
    func deleteSubscriber(_ id: Subscriber.ID) async throws
    /// Adds confirmed subscribers from an import; addresses already known are left as they are.
    func importSubscribers(_ rows: [SubscriberImport], now: Date) async throws -> Int

    // MARK: Issues

    /// The issues of a newsletter, newest first.
    func issues(of newsletter: Newsletter.ID) async throws -> [NewsletterIssue]
    /// The issue with this id, or `nil`.
    func issue(_ id: NewsletterIssue.ID) async throws -> NewsletterIssue?
    /// The newest issue of a newsletter that is not a draft, or `nil`.
    func lastIssue(of newsletter: Newsletter.ID) async throws -> NewsletterIssue?
    /// Stores a new draft issue.
    func createIssue(newsletter: Newsletter.ID, subject: String, intro: String, articles: [Article.ID], period: Range<Date>, now: Date) async throws -> NewsletterIssue
    /// Changes a draft or scheduled issue's words and articles.
    func updateIssue(_ id: NewsletterIssue.ID, subject: String, intro: String, articles: [Article.ID]) async throws
    /// Schedules a draft issue to go at `time`.
    func scheduleIssue(_ id: NewsletterIssue.ID, at time: Date) async throws
    /// Published articles in `period`, newest first, for drafting a round-up.
    func articlesPublished(in period: Range<Date>) async throws -> [ArticleSummary]

    // MARK: Delivery queue

    /// Starts sending an issue now: queues one delivery per active subscriber of its newsletter
    /// whose address is not suppressed. Does nothing for an issue already sending or sent, so an
    /// issue is queued once. Returns how many deliveries were queued.
    func startSending(_ id: NewsletterIssue.ID, now: Date) async throws -> Int
    /// Scheduled issues whose time has come.
    func dueIssues(now: Date) async throws -> [NewsletterIssue.ID]
    /// Puts deliveries left `sending` by a stopped process back in the queue; returns how many.
    func requeueUnfinishedDeliveries() async throws -> Int
    /// Claims up to `limit` deliveries due for sending (`queued` → `sending`).
    func claimDeliveries(limit: Int, now: Date) async throws -> [Delivery]
    /// Records what the mail server said about one delivery.
    func recordDelivery(_ delivery: Delivery, result: DeliveryResult, now: Date, retryAt: Date) async throws
    /// Marks issues whose deliveries are all done as sent; returns their ids.
    func finishSentIssues(now: Date) async throws -> [NewsletterIssue.ID]
    /// How far an issue's sending has come.
    func deliveryProgress(_ id: NewsletterIssue.ID) async throws -> DeliveryProgress
}

/// What a sign-up should lead to, without telling the visitor whether the address was known.
public enum SignUpResult: Sendable, Equatable {
    /// New or still pending: send (or resend) the confirmation email.
    case confirmationNeeded(Subscriber.ID, lastSentAt: Date?)
    /// Already subscribed: send a link to their preferences instead.
    case alreadySubscribed(Subscriber.ID, lastSentAt: Date?)
    /// The address bounced before: send nothing.
    case suppressed
}

/// Which subscribers the newsroom lists.
public struct SubscriberFilter: Sendable, Equatable {
    /// Only addresses containing this text.
    public var search: String
    /// Only this status.
    public var status: SubscriberStatus?
    /// Only subscribers of this newsletter.
    public var newsletterID: Newsletter.ID?

    /// Creates a filter; everything is optional.
    public init(search: String = "", status: SubscriberStatus? = nil, newsletterID: Newsletter.ID? = nil) {
        self.search = search
        self.status = status
        self.newsletterID = newsletterID
    }
}

/// One row of a subscriber import: an address that gave consent, when and where.
public struct SubscriberImport: Sendable, Equatable {
    /// The address.
    public let email: EmailAddress
    /// When they consented.
    public let consentAt: Date
    /// Where they signed up.
    public let source: String
    /// The newsletters they receive.
    public let newsletters: [Newsletter.ID]

    /// Creates the value.
    public init(email: EmailAddress, consentAt: Date, source: String, newsletters: [Newsletter.ID]) {
        self.email = email
        self.consentAt = consentAt
        self.source = source
        self.newsletters = newsletters
    }
}
