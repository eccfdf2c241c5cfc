import Foundation
import KioskCore
import KioskSQLite
import KioskStore
import KioskTestSupport
import Testing

/// What every `PublicationStore` must do: consent, and a delivery queue that sends each issue once.
@Suite("Newsletter store contract")
struct NewsletterStoreContractTests {
    let now = TestPublication.now

    func roundup(_ store: any PublicationStore) async throws -> Newsletter {
        try #require(try await store.newsletters().first { $0.isWeeklyRoundup })
    }

    @Test("double opt-in: pending until confirmed; signing up again does not reveal or duplicate", arguments: StoreKind.allCases)
    func signUp(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let weekly = try await roundup(store)
        let address = try EmailAddress("Reader@Example.org")
        guard case .confirmationNeeded(let id, nil) = try await store.signUp(email: address, newsletters: [weekly.id], now: now) else {
            Issue.record("a new address needs confirming")
            return
        }
        #expect(try await store.subscriber(id)?.status == .pending)
        try await store.markConfirmationSent(id, now: now)
        guard case .confirmationNeeded(id, let last) = try await store.signUp(email: address, newsletters: [weekly.id], now: now) else {
            Issue.record("a pending address is asked again")
            return
        }
        #expect(last == now)
        let confirmed = try await store.confirmSubscriber(id, now: now)
        #expect(confirmed.status == .active && confirmed.newsletterIDs == [weekly.id])
        #expect(try await store.signUp(email: address, newsletters: [weekly.id], now: now) == .alreadySubscribed(id, lastSentAt: now))
        #expect(try await store.subscribers(SubscriberFilter(), page: PageRequest(number: 1, size: 10)!).totalItems == 1)
        #expect(try await store.subscriberHistory(id).map(\.what) == ["Signed up (site)", "Signed up again (site)", "Confirmed"])
    }

    @Test("an issue is queued once, for active subscribers only, and every delivery is recorded", arguments: StoreKind.allCases)
    func queue(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let weekly = try await roundup(store)
        var ids: [Subscriber.ID] = []
        for number in 0..<5 {
            guard case .confirmationNeeded(let id, _) = try await store.signUp(
                email: EmailAddress("reader\(number)@example.org"), newsletters: [weekly.id], now: now)
            else { continue }
            ids.append(id)
            if number < 4 { _ = try await store.confirmSubscriber(id, now: now) }
        }
        _ = try await store.changeSubscriber(ids[3], now: now) { Subscriptions.unsubscribe($0, from: weekly) }
        let issue = try #require(
            try await store.createIssue(
                NewIssue(
                    newsletterID: weekly.id, subject: "The week", intro: "", articleIDs: fixture.articles.values.map(\.id),
                    period: now.addingTimeInterval(-604_800)..<now),
                now: now))
        #expect(try await store.startSending(issue.id, now: now, IssueRules.mayStartSending) == 3)
        #expect(try await store.startSending(issue.id, now: now, IssueRules.mayStartSending) == 0, "an issue is queued once")
        let lease = now.addingTimeInterval(600)
        let claimed = try await store.claimDeliveries(limit: 2, now: now, node: "a", leaseUntil: lease)
        #expect(claimed.count == 2)
        #expect(try await store.requeueDeliveries(claimedBy: "b", now: now) == 0, "another live node's claims stay")
        #expect(try await store.requeueDeliveries(claimedBy: "a", now: now) == 2, "what a stopped process claimed goes back")
        let all = try await store.claimDeliveries(limit: 10, now: now, node: "a", leaseUntil: lease)
        #expect(all.count == 3)
        try await store.recordDelivery(all[0], DeliveryRules.record(.sent, attempts: 0, now: now), now: now)
        try await store.recordDelivery(all[1], DeliveryRules.record(.bounced("550 no such user"), attempts: 0, now: now), now: now)
        try await store.recordDelivery(all[2], DeliveryRules.record(.retry("451 later"), attempts: 1, now: now), now: now)
        #expect(try await store.claimDeliveries(limit: 10, now: now, node: "a", leaseUntil: lease).isEmpty, "a retry waits for its time")
        #expect(try await store.finishSentIssues(now: now).isEmpty)
        let again = try await store.claimDeliveries(limit: 10, now: now.addingTimeInterval(60), node: "b", leaseUntil: lease)
        try await store.recordDelivery(try #require(again.first), DeliveryRules.record(.sent, attempts: 1, now: now), now: now)
        #expect(try await store.finishSentIssues(now: now) == [issue.id])
        #expect(try await store.deliveryProgress(issue.id) == DeliveryProgress(sent: 2, failed: 1, remaining: 0, firstSentAt: now, lastSentAt: now))
        #expect(try await store.subscriber(all[1].subscriberID)?.status == .bounced)
        #expect(try await store.signUp(email: all[1].email, newsletters: [weekly.id], now: now) == .suppressed)
        #expect(try await store.subscriberHistory(all[1].subscriberID).last?.what == "Bounced: 550 no such user")
    }

    @Test("nodes claiming at once never share a delivery; claims that run out go back to the queue", arguments: StoreKind.allCases)
    func leases(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let weekly = try await roundup(store)
        for number in 0..<30 {
            if case .confirmationNeeded(let id, _) = try await store.signUp(email: EmailAddress("r\(number)@example.org"), newsletters: [weekly.id], now: now) {
                _ = try await store.confirmSubscriber(id, now: now)
            }
        }
        let issue = try #require(
            try await store.createIssue(NewIssue(newsletterID: weekly.id, subject: "Leases", intro: "", articleIDs: [], period: now..<now), now: now))
        #expect(try await store.startSending(issue.id, now: now, IssueRules.mayStartSending) == 30)
        let lease = now.addingTimeInterval(60)
        let claims = try await withThrowingTaskGroup(of: [Delivery].self) { group in
            for node in ["a", "b", "c"] {
                group.addTask { try await store.claimDeliveries(limit: 12, now: now, node: node, leaseUntil: lease) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let subscribers = claims.flatMap { $0.map(\.subscriberID) }
        #expect(subscribers.count == 30 && Set(subscribers).count == 30, "every delivery claimed once, by one node")
        #expect(try await store.requeueDeliveries(claimedBy: nil, now: now.addingTimeInterval(59)) == 0, "live claims stay")
        #expect(try await store.requeueDeliveries(claimedBy: nil, now: lease) == 30, "claims that ran out go back")
        #expect(try await store.claimDeliveries(limit: 50, now: lease, node: "d", leaseUntil: lease.addingTimeInterval(60)).count == 30)
    }

    @Test("a round-up due at one moment is stored once, however often it is drafted; other issues are not limited", arguments: StoreKind.allCases)
    func roundupOnce(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let weekly = try await roundup(store)
        let period = now.addingTimeInterval(-604_800)..<now
        let draft = try NewIssue(newsletterID: weekly.id, subject: "The week", intro: "", articleIDs: [], period: period, roundupDue: now)
        let results = try await withThrowingTaskGroup(of: NewsletterIssue?.self) { group in
            for _ in 0..<4 { group.addTask { try await store.createIssue(draft, now: now) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.compactMap { $0 }.count == 1, "four nodes drafting at once store one issue")
        let manual = try NewIssue(newsletterID: weekly.id, subject: "Extra", intro: "", articleIDs: [], period: period)
        #expect(try await store.createIssue(manual, now: now) != nil)
        #expect(try await store.createIssue(manual, now: now) != nil)
        #expect(try await store.issues(of: weekly.id).count == 3)
    }

    @Test("deleting a subscriber removes everything about them", arguments: StoreKind.allCases)
    func delete(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let weekly = try await roundup(store)
        guard case .confirmationNeeded(let id, _) = try await store.signUp(
            email: EmailAddress("gone@example.org"), newsletters: [weekly.id], now: now)
        else { return }
        try await store.deleteSubscriber(id)
        #expect(try await store.subscriber(id) == nil)
        #expect(try await store.subscriberHistory(id).isEmpty)
    }
}
