import Foundation
import KioskCore
import KioskStore
import KioskTestSupport
import Testing

/// What every store must do for image renditions: work claimed by one node at a time, files kept
/// in the database, the plan recorded only when all of it is made, stale files removed.
@Suite("Rendition store contract")
struct RenditionStoreContractTests {
    let now = TestPublication.now

    func photo(_ store: some PublicationStore, name: String = "photo.jpg") async throws -> Media {
        try await store.addMedia(NewMedia(fileName: name, contentType: "image/jpeg", width: 2000, height: 1000, alt: "A photo"), bytes: [1, 2, 3])
    }

    @Test("asked-for renditions are claimed by one node at a time and recorded once all are made", arguments: StoreKind.allCases)
    func claimAndFinish(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let image = try await photo(store)
        #expect(try await store.claimRenditionWork(node: "a", now: now, until: now + 60, preferring: nil) == nil, "nothing asked for yet")
        let plan = RenditionPlan(media: image, avif: false)
        let asked = try await store.requestRenditions(image.id, focus: .centre, key: plan.key)
        #expect(asked.renditionsWanted == plan.key && asked.renditionsMade == nil)

        let claimed = try await store.claimRenditionWork(node: "a", now: now, until: now + 60, preferring: nil)
        #expect(claimed?.id == image.id)
        #expect(try await store.claimRenditionWork(node: "b", now: now + 30, until: now + 90, preferring: nil) == nil, "node a holds it")
        #expect(try await store.addRendition(plan.largest, of: image.id, bytes: [7, 7], node: "b", until: now + 90) == false)
        #expect(try await store.rendition(named: plan.largest.name) == nil, "a node without the claim stores nothing")

        for rendition in plan.all {
            #expect(try await store.addRendition(rendition, of: image.id, bytes: [9, 9, 9], node: "a", until: now + 120))
        }
        #expect(try await store.renditionNames(of: image.id) == Set(plan.all.map(\.name)))
        let stored = try await store.rendition(named: plan.largest.name)
        #expect(stored?.bytes == [9, 9, 9] && stored?.contentType == "image/jpeg")
        #expect(try await store.renditionLengths(named: [plan.largest.name, "no-such-rendition.jpg"]) == [plan.largest.name: 3])
        #expect(try await store.renditionLengths(named: []) == [:])
        #expect(try await store.media(image.id)?.renditionsMade == nil, "not recorded before it is finished")

        try await store.finishRenditions(image.id, key: plan.key, keeping: Set(plan.all.map(\.name)), node: "a")
        #expect(try await store.media(image.id)?.renditionsMade == plan.key)
        #expect(try await store.claimRenditionWork(node: "b", now: now + 200, until: now + 260, preferring: nil) == nil, "nothing left")
    }

    @Test("a claim that runs out passes to another node, and a preferred image is taken first", arguments: StoreKind.allCases)
    func expiryAndPreference(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let first = try await photo(store, name: "first.jpg")
        let second = try await photo(store, name: "second.jpg")
        for image in [first, second] {
            _ = try await store.requestRenditions(image.id, focus: .centre, key: RenditionPlan(media: image, avif: false).key)
        }
        #expect(try await store.claimRenditionWork(node: "a", now: now, until: now + 60, preferring: second.id)?.id == second.id)
        #expect(try await store.claimRenditionWork(node: "b", now: now + 10, until: now + 70, preferring: second.id)?.id == first.id)
        #expect(try await store.claimRenditionWork(node: "c", now: now + 61, until: now + 120, preferring: nil)?.id == second.id, "a's claim ran out")
        let plan = RenditionPlan(media: second, avif: false)
        #expect(try await store.addRendition(plan.largest, of: second.id, bytes: [1], node: "a", until: now + 130) == false, "a lost it")
    }

    @Test("moving the focal point asks for new crops and the old ones go when the new plan is made", arguments: StoreKind.allCases)
    func newFocus(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        var image = try await photo(store)
        let before = RenditionPlan(media: image, avif: false)
        _ = try await store.requestRenditions(image.id, focus: .centre, key: before.key)
        _ = try await store.claimRenditionWork(node: "a", now: now, until: now + 60, preferring: nil)
        for rendition in before.all { _ = try await store.addRendition(rendition, of: image.id, bytes: [1], node: "a", until: now + 60) }
        try await store.finishRenditions(image.id, key: before.key, keeping: Set(before.all.map(\.name)), node: "a")

        image.focus = try FocalPoint(x: 0.2, y: 0.7)
        let after = RenditionPlan(media: image, avif: false)
        #expect(after.key != before.key)
        #expect(after.crops[.square] != before.crops[.square], "a crop's address names its focal point")
        #expect(after.largest == before.largest, "resized copies do not depend on it")
        let asked = try await store.requestRenditions(image.id, focus: image.focus, key: after.key)
        #expect(asked.focus == image.focus && asked.renditionsMade == before.key)
        _ = try await store.claimRenditionWork(node: "a", now: now + 100, until: now + 160, preferring: nil)
        for rendition in after.all { _ = try await store.addRendition(rendition, of: image.id, bytes: [2], node: "a", until: now + 160) }
        try await store.finishRenditions(image.id, key: after.key, keeping: Set(after.all.map(\.name)), node: "a")
        #expect(try await store.renditionNames(of: image.id) == Set(after.all.map(\.name)))
        #expect(try await store.rendition(named: before.crops[.square]!.name) == nil)
    }

    @Test("a failure is recorded and not retried until the renditions are asked for again", arguments: StoreKind.allCases)
    func failure(kind: StoreKind) async throws {
        let store = try await kind.publication().store
        let image = try await photo(store)
        let key = RenditionPlan(media: image, avif: false).key
        _ = try await store.requestRenditions(image.id, focus: .centre, key: key)
        _ = try await store.claimRenditionWork(node: "a", now: now, until: now + 60, preferring: nil)
        try await store.failRenditions(image.id, key: key, failure: "The image is damaged.", node: "a")
        #expect(try await store.media(image.id)?.renditionsFailure == "The image is damaged.")
        #expect(try await store.claimRenditionWork(node: "a", now: now + 1, until: now + 60, preferring: nil) == nil)
        let again = try await store.requestRenditions(image.id, focus: .centre, key: key)
        #expect(again.renditionsFailure == nil)
        #expect(try await store.claimRenditionWork(node: "b", now: now + 2, until: now + 60, preferring: nil)?.id == image.id)
        try await store.deleteMedia(image.id) { _ in }
        #expect(try await store.renditionNames(of: image.id).isEmpty)
    }
}
