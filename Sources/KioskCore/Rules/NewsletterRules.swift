import Foundation

/// What the store knows of an address that signs up.
public struct SubscriberStanding: Sendable, Equatable {
    /// The subscriber.
    public let id: Subscriber.ID
    /// Where they are.
    public let status: SubscriberStatus
    /// When a confirmation or preferences email last went to them.
    public let confirmationSentAt: Date?

    /// Creates the value.
    public init(id: Subscriber.ID, status: SubscriberStatus, confirmationSentAt: Date?) {
        self.id = id
        self.status = status
        self.confirmationSentAt = confirmationSentAt
    }
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

/// What the store does with a sign-up, as the rules decided it.
public enum SignUpPlan: Sendable, Equatable {
    /// Record a new pending subscriber of the chosen newsletters, with this history entry.
    case create(event: String)
    /// Make the known address pending again for the chosen newsletters, with this history entry.
    case renew(event: String)
    /// Change nothing, and answer this.
    case leave(SignUpResult)
}

/// Rules of signing up for newsletters: double opt-in, no enumeration of addresses, no mail to bounced ones.
public enum SignUps {
    /// Sign-ups one network may make before it must stay quiet for an hour.
    public static let perNetwork = AttemptLimit(
        maximum: 20, window: 3600, message: "Too many sign-ups came from your network in the last hour. Try again later.")

    /// The key sign-ups from the client `clientKey` are counted under.
    public static func key(client clientKey: String) -> String {
        "signup:" + clientKey
    }
    /// The least time between two confirmation emails to one subscriber.
    public static let resendInterval: TimeInterval = 10 * 60
    /// How long a confirmation link works.
    public static let confirmationLifetime: TimeInterval = 48 * 3600

    /// What to do with a sign-up from `source` by an address the store knows as `standing` (or not
    /// at all), on the suppression list or not.
    public static func plan(_ standing: SubscriberStanding?, suppressed: Bool, source: String) -> SignUpPlan {
        if suppressed { return .leave(.suppressed) }
        guard let standing else { return .create(event: "Signed up (\(source))") }
        switch standing.status {
        case .active: return .leave(.alreadySubscribed(standing.id, lastSentAt: standing.confirmationSentAt))
        case .bounced: return .leave(.suppressed)
        case .pending, .unsubscribed: return .renew(event: "Signed up again (\(source))")
        }
    }

    /// Whether an email may go again to someone last written to at `lastSentAt`.
    public static func mayWrite(lastSentAt: Date?, now: Date) -> Bool {
        lastSentAt.map { now.timeIntervalSince($0) >= resendInterval } ?? true
    }
}

/// What one change to a subscriber writes, as the rules decided it.
public struct SubscriberChange: Sendable, Equatable {
    /// The new status, if it changes.
    public var status: SubscriberStatus?
    /// When they confirmed, if they just did.
    public var confirmedAt: Date?
    /// The newsletters they receive from now on, if that changes.
    public var newsletters: [Newsletter.ID]?
    /// The entry added to their history, if any.
    public var event: String?

    /// Creates a change; nothing changes by default.
    public init(status: SubscriberStatus? = nil, confirmedAt: Date? = nil, newsletters: [Newsletter.ID]? = nil, event: String? = nil) {
        self.status = status
        self.confirmedAt = confirmedAt
        self.newsletters = newsletters
        self.event = event
    }
}

/// Rules of a subscriber's consent: confirming, choosing newsletters and leaving. Queued messages of
/// newsletters a subscriber leaves are never sent.
public enum Subscriptions {
    /// Confirming a pending subscriber starts their newsletters; confirming anyone else changes nothing.
    public static func confirm(_ subscriber: Subscriber, now: Date) -> SubscriberChange {
        guard subscriber.status == .pending else { return SubscriberChange() }
        return SubscriberChange(status: .active, confirmedAt: now, event: "Confirmed")
    }

    /// Choosing `chosen` from the preferences page; choosing none unsubscribes. `newsletters` gives the names.
    public static func choose(_ subscriber: Subscriber, _ chosen: [Newsletter.ID], from newsletters: [Newsletter]) -> SubscriberChange {
        guard !chosen.isEmpty else {
            return SubscriberChange(status: .unsubscribed, newsletters: [], event: "Unsubscribed from everything (preferences)")
        }
        guard Set(subscriber.newsletterIDs) != Set(chosen) else { return SubscriberChange(newsletters: chosen) }
        let names = newsletters.filter { chosen.contains($0.id) }.map(\.name)
        return SubscriberChange(newsletters: chosen, event: "Chose: \(names.joined(separator: ", "))")
    }

    /// Leaving `newsletter`, or every newsletter when it is `nil`; a subscriber left with none is
    /// unsubscribed (a bounced one stays bounced).
    public static func unsubscribe(_ subscriber: Subscriber, from newsletter: Newsletter?) -> SubscriberChange {
        let remaining = newsletter.map { gone in subscriber.newsletterIDs.filter { $0 != gone.id } } ?? []
        let status: SubscriberStatus? = remaining.isEmpty && subscriber.status != .bounced ? .unsubscribed : nil
        return SubscriberChange(status: status, newsletters: remaining, event: "Unsubscribed from \(newsletter?.name ?? "everything")")
    }

    /// The history entry of a subscriber imported from `source`.
    public static func importEvent(source: String, status: SubscriberStatus = .active) -> String {
        status == .active ? "Imported (\(source))" : "Imported (\(source)), \(status.displayName.lowercased()) there"
    }
}

/// What the store writes for one delivery's result, as the rules decided it.
public struct DeliveryRecord: Sendable, Equatable {
    /// Where the delivery is now.
    public let state: DeliveryState
    /// What the mail server said, when it was not a plain acceptance.
    public let error: String?
    /// When to try again, for a delivery put back in the queue.
    public let retryAt: Date?
    /// Whether the address goes on the suppression list and the subscriber is marked bounced.
    public let suppresses: Bool
    /// The entry added to the subscriber's history, if any.
    public let event: String?

    /// Creates the value.
    public init(state: DeliveryState, error: String?, retryAt: Date?, suppresses: Bool, event: String?) {
        self.state = state
        self.error = error
        self.retryAt = retryAt
        self.suppresses = suppresses
        self.event = event
    }
}

/// Where one delivery is in the queue.
public enum DeliveryState: String, Sendable, CaseIterable {
    case queued, sending, sent, failed
}

/// Rules of sending: how often a refused message is tried again, and what a hard bounce does.
public enum DeliveryRules {
    /// Temporary failures after which a delivery is given up.
    public static let maximumAttempts = 6

    /// Seconds before the next try after `attempts` earlier ones: 30 s, doubling, at most an hour.
    public static func backoff(_ attempts: Int) -> TimeInterval {
        min(30 * pow(2, Double(attempts)), 3600)
    }

    /// A temporary failure (`message`) of a delivery tried `attempts` times before: retried, or given up at the limit.
    public static func temporaryFailure(_ message: String, attempts: Int) -> DeliveryResult {
        attempts + 1 >= maximumAttempts ? .gaveUp(message) : .retry(message)
    }

    /// What to write for `result` of a delivery tried `attempts` times before.
    public static func record(_ result: DeliveryResult, attempts: Int, now: Date) -> DeliveryRecord {
        switch result {
        case .sent:
            DeliveryRecord(state: .sent, error: nil, retryAt: nil, suppresses: false, event: nil)
        case .retry(let message):
            DeliveryRecord(state: .queued, error: message, retryAt: now.addingTimeInterval(backoff(attempts)), suppresses: false, event: nil)
        case .gaveUp(let message):
            DeliveryRecord(state: .failed, error: message, retryAt: nil, suppresses: false, event: nil)
        case .bounced(let message):
            DeliveryRecord(state: .failed, error: message, retryAt: nil, suppresses: true, event: "Bounced: \(message)")
        }
    }
}

/// An issue to store as a draft.
public struct NewIssue: Sendable, Equatable {
    /// The newsletter it belongs to.
    public let newsletterID: Newsletter.ID
    /// The email's subject.
    public let subject: String
    /// The editor's introduction.
    public let intro: String
    /// The articles, lead first.
    public let articleIDs: [Article.ID]
    /// The time it covers.
    public let period: Range<Date>
    /// For a round-up drafted on schedule, the moment it fell due: one issue per newsletter and
    /// moment, which the store keeps unique, so several nodes never draft it twice.
    public let roundupDue: Date?

    /// Validates the subject and creates the input.
    public init(
        newsletterID: Newsletter.ID, subject: String, intro: String, articleIDs: [Article.ID], period: Range<Date>, roundupDue: Date? = nil
    ) throws(ValidationError) {
        self.newsletterID = newsletterID
        self.subject = try IssueRules.checkedSubject(subject)
        self.intro = intro
        self.articleIDs = articleIDs
        self.period = period
        self.roundupDue = roundupDue
    }
}

/// What one change to an issue writes, as the rules decided it.
public struct IssueChange: Sendable, Equatable {
    /// The new subject, if it changes.
    public var subject: String?
    /// The new introduction, if it changes.
    public var intro: String?
    /// The new articles, if they change.
    public var articleIDs: [Article.ID]?
    /// The moment it is scheduled to go, if it is scheduled now.
    public var sendAt: Date?

    /// Creates a change; nothing changes by default.
    public init(subject: String? = nil, intro: String? = nil, articleIDs: [Article.ID]? = nil, sendAt: Date? = nil) {
        self.subject = subject
        self.intro = intro
        self.articleIDs = articleIDs
        self.sendAt = sendAt
    }
}

/// Rules of newsletter issues: editable until they start sending, queued once.
public enum IssueRules {
    /// A subject trimmed; throws when it is empty or longer than 300 characters.
    public static func checkedSubject(_ subject: String) throws(ValidationError) -> String {
        let trimmed = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 300 else {
            throw ValidationError(field: "subject", message: "A subject is required, at most 300 characters long.")
        }
        return trimmed
    }

    /// Whether `issue` may still change: only drafts and scheduled issues may.
    public static func isEditable(_ issue: NewsletterIssue) -> Bool {
        issue.status == .draft || issue.status == .scheduled
    }

    /// The change of words and articles of `issue`; throws once it is sending or sent.
    public static func edit(_ issue: NewsletterIssue, subject: String, intro: String, articles: [Article.ID]) throws -> IssueChange {
        guard isEditable(issue) else { throw WorkflowError("This issue is sending or sent; it can no longer be changed.") }
        return IssueChange(subject: try checkedSubject(subject), intro: intro, articleIDs: articles)
    }

    /// Scheduling `issue` to go at `time`; throws for a time not in the future or an issue sending or sent.
    public static func schedule(_ issue: NewsletterIssue, at time: Date, now: Date) throws -> IssueChange {
        guard time > now else { throw ValidationError(field: "send_at", message: "Choose a time in the future to send the issue.") }
        guard isEditable(issue) else { throw WorkflowError("This issue is sending or sent already.") }
        return IssueChange(sendAt: time)
    }

    /// Whether sending may start for `issue`: an issue is queued once, so only drafts and scheduled ones may.
    public static func mayStartSending(_ issue: NewsletterIssue) -> Bool {
        isEditable(issue)
    }
}

/// Rules of the weekly round-up: drafted at its weekday and time in the publication's time zone,
/// from the articles published since the last issue.
public enum Roundups {
    /// The most articles a round-up presents.
    public static let maximumArticles = 20

    /// The latest moment a round-up was due (its weekday and time in `timeZone`) at or before `date`.
    public static func lastDueMoment(for newsletter: Newsletter, before date: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents()
        components.weekday = newsletter.sendWeekday
        components.hour = newsletter.sendMinute / 60
        components.minute = newsletter.sendMinute % 60
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime, direction: .backward)
    }

    /// The moment a round-up is due and the period it covers, or `nil` when the last issue already
    /// covers the latest due moment. A long gap is covered for at most two weeks.
    public static func due(_ newsletter: Newsletter, lastIssue: NewsletterIssue?, now: Date, timeZone: TimeZone) -> (due: Date, period: Range<Date>)? {
        guard newsletter.isWeeklyRoundup, let due = lastDueMoment(for: newsletter, before: now, timeZone: timeZone) else { return nil }
        if let lastIssue, lastIssue.periodEnd >= due { return nil }
        let start = lastIssue.map { max($0.periodEnd, due.addingTimeInterval(-14 * 24 * 3600)) } ?? due.addingTimeInterval(-7 * 24 * 3600)
        return (due, start..<due)
    }

    /// The draft of a round-up due at `due` presenting `articles` (newest first), or `nil` when there is nothing to present.
    public static func draft(
        _ newsletter: Newsletter, due: Date, period: Range<Date>, articles: [ArticleSummary], siteName: String, timeZone: TimeZone
    ) throws -> NewIssue? {
        guard !articles.isEmpty else { return nil }
        let date = due.formatted(Date.FormatStyle(date: .long, time: .omitted, timeZone: timeZone).locale(Locale(identifier: "en_GB")))
        return try NewIssue(
            newsletterID: newsletter.id, subject: "\(newsletter.name): \(date)",
            intro: "Here is the week at \(siteName): \(articles.count) stories, the most important first.",
            articleIDs: Array(articles.prefix(maximumArticles).map(\.id)), period: period, roundupDue: due)
    }
}

/// When the weekly round-up is drafted and whether it goes out without an editor, validated.
public struct NewsletterSchedule: Sendable, Equatable {
    /// The weekday (1 = Sunday … 7 = Saturday, as `Calendar` counts).
    public let weekday: Int
    /// The time of day in minutes after midnight, in the publication's time zone.
    public let minute: Int
    /// Whether a drafted issue is sent at once.
    public let sendsAutomatically: Bool

    /// Validates the day and time and creates the value.
    public init(weekday: Int, minute: Int, sendsAutomatically: Bool) throws(ValidationError) {
        guard (1...7).contains(weekday), (0..<1440).contains(minute) else {
            throw ValidationError(field: "schedule", message: "Choose a day of the week and a time of day.")
        }
        self.weekday = weekday
        self.minute = minute
        self.sendsAutomatically = sendsAutomatically
    }
}
