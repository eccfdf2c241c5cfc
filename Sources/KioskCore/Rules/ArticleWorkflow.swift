import Foundation

/// The columns of an article that the workflow moves: whether it is a draft, scheduled or
/// published, when it goes live, and whether it waits for review or lies in the trash.
public struct ArticleState: Sendable, Equatable {
    /// Draft, scheduled or published.
    public var status: ArticleStatus
    /// When it went (or goes) live.
    public var publishedAt: Date?
    /// When a draft was handed to the editors, if it was.
    public var submittedAt: Date?
    /// When it was moved to the trash, if it is there.
    public var trashedAt: Date?

    /// Creates a state value.
    public init(status: ArticleStatus, publishedAt: Date?, submittedAt: Date? = nil, trashedAt: Date? = nil) {
        self.status = status
        self.publishedAt = publishedAt
        self.submittedAt = submittedAt
        self.trashedAt = trashedAt
    }
}

extension Article {
    /// The article's place in the workflow.
    public var state: ArticleState {
        ArticleState(status: status, publishedAt: publishedAt, submittedAt: submittedAt, trashedAt: trashedAt)
    }
}

/// Which moves an article may make through the newsroom's workflow, and what each move changes.
public enum ArticleWorkflow {
    /// Whether `role` may ask for `action` on an article it may edit.
    public static func permits(_ role: Role, _ action: WorkflowAction) -> Bool {
        role.includes(action.requiredRole)
    }

    /// The state `action` moves `article` to at `now`; throws `WorkflowError` when the move makes no sense.
    public static func move(_ action: WorkflowAction, from article: Article, now: Date) throws(WorkflowError) -> ArticleState {
        let current = WorkflowState(of: article)
        var state = article.state
        switch action {
        case .submit:
            guard current == .draft else {
                throw WorkflowError("Only a draft can be submitted for review; this article is \(current.displayName.lowercased()).")
            }
            state.submittedAt = now
        case .publish:
            guard current != .trash else { throw WorkflowError("Restore the article from the trash before publishing it.") }
            guard current != .published else { throw WorkflowError("This article is already published.") }
            // An article unpublished earlier keeps its first publication date when it comes back.
            let keepsDate = article.status == .draft && article.publishedAt.map { $0 <= now } == true
            state.status = .published
            state.publishedAt = keepsDate ? article.publishedAt : now
            state.submittedAt = nil
        case .schedule(let time):
            guard current != .trash else { throw WorkflowError("Restore the article from the trash before scheduling it.") }
            guard current != .published else { throw WorkflowError("This article is already published; unpublish it first to schedule it.") }
            guard time > now else { throw WorkflowError("Choose a time in the future to schedule the article.") }
            state.status = .scheduled
            state.publishedAt = time
            state.submittedAt = nil
        case .unpublish:
            guard current == .published || current == .scheduled else {
                throw WorkflowError("Only a published or scheduled article can be unpublished.")
            }
            state.status = .draft
            if article.status == .scheduled { state.publishedAt = nil }
        case .trash:
            guard current != .trash else { throw WorkflowError("This article is already in the trash.") }
            state.status = .draft
            state.trashedAt = now
            state.submittedAt = nil
            if article.status == .scheduled { state.publishedAt = nil }
        case .restore:
            guard current == .trash else { throw WorkflowError("Only an article in the trash can be restored.") }
            state.trashedAt = nil
        }
        return state
    }
}
