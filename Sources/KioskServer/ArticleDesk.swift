import Foundation
import KioskCore
import KioskStore

/// The newsroom's article operations, shared by the newsroom's pages and the Admin API: each puts
/// the rules of `KioskCore` (workflow, edit conflicts, revision text) together with one store write.
struct ArticleDesk<Store: ArticleStore & TaxonomyStore & MediaStore>: Sendable {
    let store: Store

    /// Stores a new draft by `author`, with its first revision.
    func createDraft(_ content: ArticleContent, by author: ChangeAuthor, now: Date) async throws -> Article {
        let revision = try await revision(.created, of: content, by: author)
        return try await store.createDraft(content, owner: author.userID, revision: revision, now: now)
    }

    /// Saves `content` as `kind` if the article is still at `expectedVersion`, and makes the workflow
    /// move `action` in the same transaction ("save and publish"). A save from an older version is
    /// refused: its text is kept as a `conflict` revision and `EditConflict` is thrown.
    func save(
        _ id: Article.ID, content: ArticleContent, expectedVersion: Int, action: WorkflowAction? = nil, by author: ChangeAuthor,
        kind: RevisionKind, now: Date
    ) async throws -> Article {
        let revision = try await revision(kind, of: content, by: author)
        do {
            return try await store.changeArticle(id, now: now) { current in
                try ArticleEdits.save(current, content: content, expectedVersion: expectedVersion, action: action, revision: revision, now: now)
            }
        } catch let stale as StaleEdit {
            let kept = try await store.addRevision(revision.kept(as: .conflict), to: id, now: now)
            throw EditConflict(currentVersion: stale.currentVersion, keptRevision: kept)
        }
    }

    /// Moves an article through the workflow; throws `WorkflowError` when the move makes no sense.
    func apply(_ action: WorkflowAction, to id: Article.ID, now: Date) async throws -> Article {
        try await store.changeArticle(id, now: now) { current in
            try ArticleEdits.save(current, content: nil, expectedVersion: nil, action: action, revision: nil, now: now)
        }
    }

    /// The revision of `content`, its text written with the names its ids stand for now.
    private func revision(_ kind: RevisionKind, of content: ArticleContent, by author: ChangeAuthor) async throws -> NewRevision {
        let taxonomy = try await store.taxonomy()
        let image = try await content.topMediaID.asyncFlatMap { try await store.media($0) }
        return NewRevision(kind: kind, by: author, content: content, names: ContentNames(of: content, in: taxonomy, topImage: image))
    }
}
