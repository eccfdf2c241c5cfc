import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// The change feed, alone and as every engine reports to it.
@Suite("Change feed")
struct ChangeFeedTests {
    @Test("reader-visible commits advance the generation; newsroom ones are counted only")
    func audiences() {
        let feed = ChangeFeed()
        let start = feed.generation
        feed.committed(.newsroom, sharedGeneration: nil)
        #expect(feed.generation == start && feed.commits == 1)
        feed.committed(.readers, sharedGeneration: 5)
        #expect(feed.generation == start + 1 && feed.commits == 2)
    }

    @Test("a shared generation not seen before means another process changed what readers see")
    func observations() {
        let feed = ChangeFeed()
        let start = feed.generation
        feed.observed(sharedGeneration: 7)
        #expect(feed.generation == start, "the first reading only sets where we are")
        feed.observed(sharedGeneration: 7)
        #expect(feed.generation == start)
        feed.observed(sharedGeneration: 8)
        #expect(feed.generation == start + 1)
        feed.committed(.readers, sharedGeneration: 9)
        feed.observed(sharedGeneration: 9)
        #expect(feed.generation == start + 2, "our own commit is not counted twice when we read it back")
        feed.observed(sharedGeneration: 8)
        #expect(feed.generation == start + 2, "an older reading changes nothing")
        feed.lostTrack()
        #expect(feed.generation == start + 3)
    }

    @Test("every write reports a commit; only what readers see advances the generation", arguments: StoreKind.allCases)
    func storesReport(kind: StoreKind) async throws {
        let fixture = try await kind.publication()
        let store = fixture.store
        let (generation, commits) = (store.changes.generation, store.changes.commits)
        try await store.countAttempt(keys: ["k"], within: 60, now: TestPublication.now)
        _ = try await store.applyWorkflow(.submit, to: fixture.draft.id, now: TestPublication.now)
        #expect(store.changes.commits == commits + 2 && store.changes.generation == generation)
        await #expect(throws: WorkflowError.self) { try await store.applyWorkflow(.restore, to: fixture.draft.id, now: TestPublication.now) }
        #expect(store.changes.commits == commits + 2, "a refused write commits nothing")
        _ = try await store.applyWorkflow(.publish, to: fixture.draft.id, now: TestPublication.now)
        #expect(store.changes.generation == generation + 1)
    }

    @Test("a second process on the same database learns of reader-visible commits within seconds", arguments: StoreKind.allCases)
    func otherProcesses(kind: StoreKind) async throws {
        guard let (writer, reader) = try await kind.makeStorePair() else { return }
        let follower = Task { try await reader.followChanges() }
        defer { follower.cancel() }
        // The deadlines are generous: the whole suite runs at once on two cores; the one-second
        // figure is measured in bench/ without that load.
        let started = ContinuousClock.now
        while reader.changes.sharedGeneration == nil && ContinuousClock.now < started + .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let before = reader.changes.generation
        _ = try await writer.createSection(NewSection(slug: Slug("opinion"), name: "Opinion"))
        let deadline = ContinuousClock.now + .seconds(30)
        while reader.changes.generation == before && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(reader.changes.generation > before)
        try await writer.countAttempt(keys: ["k"], within: 60, now: TestPublication.now)
        let after = reader.changes.generation
        let shared = reader.changes.sharedGeneration
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(reader.changes.generation == after && reader.changes.sharedGeneration == shared, "newsroom-only commits leave other processes' caches alone")
    }
}
