import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// What every `NewsletterStore` must do: consent, and a delivery queue that sends each issue once.
@Suite("Newsletter store contract")
struct NewsletterStoreContractTests {
    let now = TestPublication<SQLiteStore>.now

    func roundup(_ store: SQLiteStore) async throws -> Newsletter {
        try #require(try await store.newsletters().first { $0.isWeeklyRoundup })
    }

    @Test("double opt-in: pending until confirmed; signing up again does not reveal or duplicate", arguments: StoreKind.allCases)
    func signUp(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let weekly = try await roundup(store)
        let address = try EmailAddress("Reader@Example.org")
        guard case .confirmationNeeded(let id, nil) = try await store.signUp(email: address, newsletters: [weekly.id], source: "site", now: now) else {
            Issue.record("a new address needs confirming")
            return
        }
        #expect(try await store.subscriber(id)?.status == .pending)
        try await store.markConfirmationSent(id, now: now)
        guard case .confirmationNeeded(id, let last) = try await store.signUp(email: address, newsletters: [weekly.id], source: "site", now: now) else {
            Issue.record("a pending address is asked again")
            return
        }
        #expect(last == now)
        let confirmed = try await store.confirmSubscriber(id, now: now)
        #expect(confirmed.status == .active && confirmed.newsletterIDs == [weekly.id])
        #expect(try await store.signUp(email: address, newsletters: [weekly.id], source: "site", now: now) == .alreadySubscribed(id, lastSentAt: now))
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
                email: EmailAddress("reader\(number)@example.org"), newsletters: [weekly.id], source: "site", now: now)
            else { continue }
            ids.append(id)
            if number < 4 { _ = try await store.confirmSubscriber(id, now: now) }
        }
        try await store.unsubscribe(ids[3], from: weekly.id, now: now)
        let issue = try await store.createIssue(
            newsletter: weekly.id, subject: "The week", intro: "", articles: fixture.articles.values.map(\.id), period: now.addingTimeInterval(-604_800)..<now, now: now)
        #expect(try await store.startSending(issue.id, now: now) == 3)
        #expect(try await store.startSending(issue.id, now: now) == 0, "an issue is queued once")
        let claimed = try await store.claimDeliveries(limit: 2, now: now)
        #expect(claimed.count == 2)
        #expect(try await store.requeueUnfinishedDeliveries() == 2, "what a stopped process claimed goes back")
        let all = try await store.claimDeliveries(limit: 10, now: now)
        #expect(all.count == 3)
        try await store.recordDelivery(all[0], result: .sent, now: now, retryAt: now)
        try await store.recordDelivery(all[1], result: .bounced("550 no such user"), now: now, retryAt: now)
        try await store.recordDelivery(all[2], result: .retry("451 later"), now: now, retryAt: now.addingTimeInterval(60))
        #expect(try await store.claimDeliveries(limit: 10, now: now).isEmpty, "a retry waits for its time")
        #expect(try await store.finishSentIssues(now: now).isEmpty)
        let again = try await store.claimDeliveries(limit: 10, now: now.addingTimeInterval(60))
        try await store.recordDelivery(try #require(again.first), result: .sent, now: now, retryAt: now)
        #expect(try await store.finishSentIssues(now: now) == [issue.id])
        #expect(try await store.deliveryProgress(issue.id) == DeliveryProgress(sent: 2, failed: 1, remaining: 0, firstSentAt: now, lastSentAt: now))
        #expect(try await store.subscriber(all[1].subscriberID)?.status == .bounced)
        #expect(try await store.signUp(email: all[1].email, newsletters: [weekly.id], source: "site", now: now) == .suppressed)
    }

    @Test("deleting a subscriber removes everything about them", arguments: StoreKind.allCases)
    func delete(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let weekly = try await roundup(store)
        guard case .confirmationNeeded(let id, _) = try await store.signUp(
            email: EmailAddress("gone@example.org"), newsletters: [weekly.id], source: "site", now: now)
        else { return }
        try await store.deleteSubscriber(id)
        #expect(try await store.subscriber(id) == nil)
        #expect(try await store.subscriberHistory(id).isEmpty)
    }
}
