import Foundation

/// A newsletter readers can subscribe to, such as the weekly round-up.
public struct Newsletter: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Newsletter>
    /// The store identifier.
    public let id: ID
    /// The URL segment and `List-Id` part that names it.
    public let slug: Slug
    /// The name readers see.
    public let name: String
    /// What it brings and how often.
    public let description: String
    /// Whether it is the weekly round-up drafted from the week's articles.
    public let isWeeklyRoundup: Bool
    /// The weekday the round-up is drafted (1 = Sunday … 7 = Saturday, as `Calendar` counts).
    public let sendWeekday: Int
    /// The time of day it is drafted, in minutes after midnight in the publication's time zone.
    public let sendMinute: Int
    /// Whether a drafted issue is sent at once, without an editor pressing Send.
    public let sendsAutomatically: Bool

    /// Creates a newsletter value.
    public init(
        id: ID, slug: Slug, name: String, description: String, isWeeklyRoundup: Bool, sendWeekday: Int, sendMinute: Int, sendsAutomatically: Bool
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
        self.isWeeklyRoundup = isWeeklyRoundup
        self.sendWeekday = sendWeekday
        self.sendMinute = sendMinute
        self.sendsAutomatically = sendsAutomatically
    }
}

/// Where a subscriber is: signed up and waiting to confirm, receiving, or not any more.
public enum SubscriberStatus: String, Sendable, CaseIterable {
    case pending, active, unsubscribed, bounced

    /// The label people see.
    public var displayName: String {
        switch self {
        case .pending: "Waiting for confirmation"
        case .active: "Subscribed"
        case .unsubscribed: "Unsubscribed"
        case .bounced: "Bounced"
        }
    }
}

/// A reader who signed up for one or more newsletters.
public struct Subscriber: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Subscriber>
    /// The store identifier.
    public let id: ID
    /// Where the newsletters go.
    public let email: EmailAddress
    /// Where they are.
    public let status: SubscriberStatus
    /// How they came: the site's form, an import, the newsroom.
    public let source: String
    /// When they signed up.
    public let createdAt: Date
    /// When they confirmed, if they did.
    public let confirmedAt: Date?
    /// The newsletters they receive (or will, once confirmed).
    public let newsletterIDs: [Newsletter.ID]

    /// Creates a subscriber value.
    public init(
        id: ID, email: EmailAddress, status: SubscriberStatus, source: String, createdAt: Date, confirmedAt: Date?, newsletterIDs: [Newsletter.ID]
    ) {
        self.id = id
        self.email = email
        self.status = status
        self.source = source
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.newsletterIDs = newsletterIDs
    }
}

/// Something that happened to a subscriber, kept as their history.
public struct SubscriberEvent: Hashable, Sendable {
    /// When.
    public let at: Date
    /// What, in words: "Signed up", "Confirmed", "Unsubscribed from The Weekly Round-up".
    public let what: String

    /// Creates an event value.
    public init(at: Date, what: String) {
        self.at = at
        self.what = what
    }
}

/// Where an issue of a newsletter is.
public enum IssueStatus: String, Sendable, CaseIterable {
    case draft, scheduled, sending, sent

    /// The label people see.
    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .scheduled: "Scheduled"
        case .sending: "Sending"
        case .sent: "Sent"
        }
    }
}

/// One issue of a newsletter: its words and the articles it presents, in order.
public struct NewsletterIssue: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<NewsletterIssue>
    /// The store identifier.
    public let id: ID
    /// The newsletter it belongs to.
    public let newsletterID: Newsletter.ID
    /// The email's subject.
    public var subject: String
    /// The editor's introduction, in Markdown.
    public var intro: String
    /// The articles, lead first, in the order the editor chose.
    public var articleIDs: [Article.ID]
    /// Where it is.
    public let status: IssueStatus
    /// The first moment of the week it covers.
    public let periodStart: Date
    /// The end of the week it covers.
    public let periodEnd: Date
    /// When it goes out, once scheduled.
    public let sendAt: Date?
    /// When it was sent, once all deliveries are done.
    public let sentAt: Date?
    /// When it was drafted.
    public let createdAt: Date

    /// Creates an issue value.
    public init(
        id: ID, newsletterID: Newsletter.ID, subject: String, intro: String, articleIDs: [Article.ID], status: IssueStatus, periodStart: Date,
        periodEnd: Date, sendAt: Date?, sentAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.newsletterID = newsletterID
        self.subject = subject
        self.intro = intro
        self.articleIDs = articleIDs
        self.status = status
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.sendAt = sendAt
        self.sentAt = sentAt
        self.createdAt = createdAt
    }
}

/// One message of an issue to one subscriber, claimed for sending.
public struct Delivery: Hashable, Sendable {
    /// The issue.
    public let issueID: NewsletterIssue.ID
    /// The subscriber.
    public let subscriberID: Subscriber.ID
    /// Where it goes.
    public let email: EmailAddress
    /// How many times it was tried before.
    public let attempts: Int

    /// Creates a delivery value.
    public init(issueID: NewsletterIssue.ID, subscriberID: Subscriber.ID, email: EmailAddress, attempts: Int) {
        self.issueID = issueID
        self.subscriberID = subscriberID
        self.email = email
        self.attempts = attempts
    }
}

/// What became of one delivery.
public enum DeliveryResult: Sendable, Equatable {
    /// The mail server accepted it.
    case sent
    /// Refused for now (4xx, or the connection broke): tried again later, up to a limit.
    case retry(String)
    /// Refused for good (5xx, a hard bounce): recorded, and the address goes on the suppression list.
    case bounced(String)
    /// Refused for now too many times: recorded as failed, the address stays.
    case gaveUp(String)
}

/// How far the sending of an issue has come.
public struct DeliveryProgress: Sendable, Equatable {
    /// Messages accepted by the mail server.
    public let sent: Int
    /// Messages refused for good.
    public let failed: Int
    /// Messages still to send (queued, retrying or in flight).
    public let remaining: Int
    /// When the first message was accepted.
    public let firstSentAt: Date?
    /// When the last message was accepted.
    public let lastSentAt: Date?

    /// Creates the value.
    public init(sent: Int, failed: Int, remaining: Int, firstSentAt: Date?, lastSentAt: Date?) {
        self.sent = sent
        self.failed = failed
        self.remaining = remaining
        self.firstSentAt = firstSentAt
        self.lastSentAt = lastSentAt
    }

    /// Messages accepted per second so far, if it can be told.
    public var rate: Double? {
        guard let first = firstSentAt, let last = lastSentAt, last > first else { return nil }
        return Double(sent) / last.timeIntervalSince(first)
    }
}
