import Foundation
import KioskCore
import Testing

/// Sign-ups, consent, sending, issues and the weekly round-up, without any store.
@Suite("Rules: newsletters")
struct NewsletterRulesTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func newsletter(_ id: Int64, _ name: String, weekly: Bool = true, weekday: Int = 6, minute: Int = 480) throws -> Newsletter {
        Newsletter(
            id: Newsletter.ID(id), slug: try Slug("list-\(id)"), name: name, description: "", isWeeklyRoundup: weekly, sendWeekday: weekday,
            sendMinute: minute, sendsAutomatically: false)
    }

    func subscriber(_ status: SubscriberStatus, newsletters: [Int64] = [1, 2]) throws -> Subscriber {
        Subscriber(
            id: Subscriber.ID(9), email: try EmailAddress("reader@example.org"), status: status, source: "site", createdAt: now, confirmedAt: nil,
            newsletterIDs: newsletters.map(Newsletter.ID.init))
    }

    @Test("a sign-up never reveals whether the address was known, and never writes to a bounced one")
    func signUpOutcomes() {
        let id = Subscriber.ID(9)
        #expect(SignUps.plan(nil, suppressed: false, source: "site") == .create(event: "Signed up (site)"))
        #expect(SignUps.plan(nil, suppressed: true, source: "site") == .leave(.suppressed))
        let pending = SubscriberStanding(id: id, status: .pending, confirmationSentAt: now)
        #expect(SignUps.plan(pending, suppressed: false, source: "footer") == .renew(event: "Signed up again (footer)"))
        let left = SubscriberStanding(id: id, status: .unsubscribed, confirmationSentAt: nil)
        #expect(SignUps.plan(left, suppressed: false, source: "site") == .renew(event: "Signed up again (site)"))
        let active = SubscriberStanding(id: id, status: .active, confirmationSentAt: now)
        #expect(SignUps.plan(active, suppressed: false, source: "site") == .leave(.alreadySubscribed(id, lastSentAt: now)))
        let bounced = SubscriberStanding(id: id, status: .bounced, confirmationSentAt: nil)
        #expect(SignUps.plan(bounced, suppressed: false, source: "site") == .leave(.suppressed))
    }

    @Test("confirmation emails go at most every ten minutes, links work for two days, twenty sign-ups a network an hour")
    func signUpLimits() {
        #expect(SignUps.mayWrite(lastSentAt: nil, now: now))
        #expect(!SignUps.mayWrite(lastSentAt: now.addingTimeInterval(-599), now: now))
        #expect(SignUps.mayWrite(lastSentAt: now.addingTimeInterval(-600), now: now))
        #expect(SignUps.confirmationLifetime == 48 * 3600 && SignUps.perNetwork.maximum == 20 && SignUps.perNetwork.window == 3600)
    }

    @Test("confirming starts a pending subscriber only")
    func confirming() throws {
        #expect(Subscriptions.confirm(try subscriber(.pending), now: now) == SubscriberChange(status: .active, confirmedAt: now, event: "Confirmed"))
        #expect(Subscriptions.confirm(try subscriber(.active), now: now) == SubscriberChange())
        #expect(Subscriptions.confirm(try subscriber(.bounced), now: now) == SubscriberChange())
    }

    @Test("choosing newsletters names them in the history; choosing none unsubscribes")
    func choosing() throws {
        let lists = [try newsletter(1, "The Weekly Round-up"), try newsletter(2, "Breaking Alerts", weekly: false)]
        #expect(Subscriptions.choose(try subscriber(.active), [Newsletter.ID(2)], from: lists)
            == SubscriberChange(newsletters: [Newsletter.ID(2)], event: "Chose: Breaking Alerts"))
        #expect(Subscriptions.choose(try subscriber(.active), [Newsletter.ID(2), Newsletter.ID(1)], from: lists)
            == SubscriberChange(newsletters: [Newsletter.ID(2), Newsletter.ID(1)]), "the same choice adds no history")
        #expect(Subscriptions.choose(try subscriber(.active), [], from: lists)
            == SubscriberChange(status: .unsubscribed, newsletters: [], event: "Unsubscribed from everything (preferences)"))
    }

    @Test("leaving the last newsletter unsubscribes, but a bounced address stays bounced")
    func leaving() throws {
        let weekly = try newsletter(1, "The Weekly Round-up")
        #expect(Subscriptions.unsubscribe(try subscriber(.active), from: weekly)
            == SubscriberChange(newsletters: [Newsletter.ID(2)], event: "Unsubscribed from The Weekly Round-up"))
        #expect(Subscriptions.unsubscribe(try subscriber(.active, newsletters: [1]), from: weekly)
            == SubscriberChange(status: .unsubscribed, newsletters: [], event: "Unsubscribed from The Weekly Round-up"))
        #expect(Subscriptions.unsubscribe(try subscriber(.bounced), from: nil) == SubscriberChange(newsletters: [], event: "Unsubscribed from everything"))
        #expect(Subscriptions.importEvent(source: "old list") == "Imported (old list)")
    }

    @Test("a refused message is retried with growing delays up to six tries; a hard bounce suppresses the address")
    func deliveries() {
        #expect([0, 1, 2, 6, 7, 20].map(DeliveryRules.backoff) == [30, 60, 120, 1920, 3600, 3600])
        #expect(DeliveryRules.temporaryFailure("451 later", attempts: 4) == .retry("451 later"))
        #expect(DeliveryRules.temporaryFailure("451 later", attempts: 5) == .gaveUp("451 later"))
        #expect(DeliveryRules.record(.sent, attempts: 0, now: now) == DeliveryRecord(state: .sent, error: nil, retryAt: nil, suppresses: false, event: nil))
        #expect(DeliveryRules.record(.retry("451"), attempts: 2, now: now)
            == DeliveryRecord(state: .queued, error: "451", retryAt: now.addingTimeInterval(120), suppresses: false, event: nil))
        #expect(DeliveryRules.record(.gaveUp("451"), attempts: 5, now: now) == DeliveryRecord(state: .failed, error: "451", retryAt: nil, suppresses: false, event: nil))
        #expect(DeliveryRules.record(.bounced("550 no such user"), attempts: 0, now: now)
            == DeliveryRecord(state: .failed, error: "550 no such user", retryAt: nil, suppresses: true, event: "Bounced: 550 no such user"))
    }

    func issue(_ status: IssueStatus) -> NewsletterIssue {
        NewsletterIssue(
            id: NewsletterIssue.ID(1), newsletterID: Newsletter.ID(1), subject: "The week", intro: "", articleIDs: [], status: status,
            periodStart: now.addingTimeInterval(-604_800), periodEnd: now, sendAt: nil, sentAt: nil, createdAt: now)
    }

    @Test("an issue changes until it starts sending, is scheduled only for the future, and is queued once")
    func issues() throws {
        let edit = try IssueRules.edit(issue(.scheduled), subject: "  New subject ", intro: "Hello", articles: [Article.ID(3)])
        #expect(edit == IssueChange(subject: "New subject", intro: "Hello", articleIDs: [Article.ID(3)]))
        #expect(throws: WorkflowError("This issue is sending or sent; it can no longer be changed.")) {
            try IssueRules.edit(issue(.sending), subject: "x", intro: "", articles: [])
        }
        #expect(throws: ValidationError.self) { try IssueRules.edit(issue(.draft), subject: "   ", intro: "", articles: []) }
        #expect(throws: ValidationError.self) { try IssueRules.edit(issue(.draft), subject: String(repeating: "s", count: 301), intro: "", articles: []) }
        #expect(try IssueRules.schedule(issue(.draft), at: now.addingTimeInterval(60), now: now) == IssueChange(sendAt: now.addingTimeInterval(60)))
        #expect(throws: ValidationError.self) { try IssueRules.schedule(issue(.draft), at: now, now: now) }
        #expect(throws: WorkflowError("This issue is sending or sent already.")) { try IssueRules.schedule(issue(.sent), at: now.addingTimeInterval(60), now: now) }
        #expect(IssueStatus.allCases.filter { IssueRules.mayStartSending(issue($0)) } == [.draft, .scheduled])
    }

    @Test("the round-up falls due at its weekday and time in the publication's time zone, and covers the time since the last one")
    func roundupDue() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        // Friday 08:00 in London (weekday 6), in summer time.
        let friday = try Date("2026-07-10T07:00:00Z", strategy: .iso8601)
        let weekly = try newsletter(1, "The Weekly Round-up")
        #expect(Roundups.lastDueMoment(for: weekly, before: friday.addingTimeInterval(3600), timeZone: london) == friday)
        #expect(Roundups.lastDueMoment(for: weekly, before: friday.addingTimeInterval(-60), timeZone: london) == friday.addingTimeInterval(-7 * 86_400))
        let first = try #require(Roundups.due(weekly, lastIssue: nil, now: friday.addingTimeInterval(60), timeZone: london))
        #expect(first.due == friday && first.period == friday.addingTimeInterval(-7 * 86_400)..<friday)
        var covered = issue(.sent)
        covered = NewsletterIssue(
            id: covered.id, newsletterID: covered.newsletterID, subject: "", intro: "", articleIDs: [], status: .sent,
            periodStart: friday.addingTimeInterval(-7 * 86_400), periodEnd: friday, sendAt: nil, sentAt: nil, createdAt: friday)
        #expect(Roundups.due(weekly, lastIssue: covered, now: friday.addingTimeInterval(3600), timeZone: london) == nil, "one issue per week")
        let monthLater = friday.addingTimeInterval(28 * 86_400)
        let late = try #require(Roundups.due(weekly, lastIssue: covered, now: monthLater.addingTimeInterval(60), timeZone: london))
        #expect(late.period.lowerBound == monthLater.addingTimeInterval(-14 * 86_400), "a long gap is covered for two weeks at most")
        #expect(Roundups.due(try newsletter(2, "Breaking", weekly: false), lastIssue: nil, now: friday, timeZone: london) == nil)
    }

    @Test("a round-up draft presents the period's stories under a dated subject, with its due moment as its unique key")
    func roundupDraft() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let friday = try Date("2026-07-10T07:00:00Z", strategy: .iso8601)
        let weekly = try newsletter(1, "The Weekly Round-up")
        let period = friday.addingTimeInterval(-7 * 86_400)..<friday
        #expect(try Roundups.draft(weekly, due: friday, period: period, articles: [], siteName: "The Gazette", timeZone: london) == nil)
        let stories = try (1...25).map { number in
            ArticleSummary(
                id: Article.ID(Int64(number)), slug: try Slug("story-\(number)"), title: "Story \(number)", dek: "", format: .reporting,
                section: SectionReference(slug: try Slug("europe"), name: "Europe"), series: nil, authors: [], topMedia: nil, excerpt: "",
                openingHTML: "", publishedAt: friday)
        }
        let draft = try #require(try Roundups.draft(weekly, due: friday, period: period, articles: stories, siteName: "The Gazette", timeZone: london))
        #expect(draft.subject == "The Weekly Round-up: 10 July 2026")
        #expect(draft.intro == "Here is the week at The Gazette: 25 stories, the most important first.")
        #expect(draft.articleIDs.count == Roundups.maximumArticles && draft.articleIDs.first == Article.ID(1))
        #expect(draft.roundupDue == friday && draft.period == period)
    }
}
