import Foundation

/// What one save changes on an article, as the rules decided it. The store writes all of it in one
/// transaction and bumps the article's version.
public struct ArticleChange: Sendable {
    /// The new content, if the save brings any.
    public var content: ArticleContent?
    /// The new workflow state, if the save moves the article.
    public var state: ArticleState?
    /// The revision kept with the change, if any.
    public var revision: NewRevision?
    /// Whether readers can see the difference, so the public site's caches must drop their pages.
    public var visibleToReaders: Bool

    /// Creates a change.
    public init(content: ArticleContent? = nil, state: ArticleState? = nil, revision: NewRevision? = nil, visibleToReaders: Bool) {
        self.content = content
        self.state = state
        self.revision = revision
        self.visibleToReaders = visibleToReaders
    }
}

/// A save refused because the article changed since the editor loaded it.
public struct StaleEdit: Error, Equatable, Sendable {
    /// The version now stored.
    public let currentVersion: Int

    /// Creates the error.
    public init(currentVersion: Int) { self.currentVersion = currentVersion }
}

/// How saves of articles are decided: the edit-conflict policy, workflow moves made with a save,
/// the revision kept, and whether readers see the result.
public enum ArticleEdits {
    /// The edit-conflict policy: a save must start from the version now stored; anything else would
    /// silently undo someone's work. A refused save's text is kept as a `conflict` revision instead.
    public static func checkVersion(_ expectedVersion: Int, of current: Article) throws(StaleEdit) {
        guard current.version == expectedVersion else { throw StaleEdit(currentVersion: current.version) }
    }

    /// Whether readers see a change from `before` to a state of `after`: only published articles are
    /// visible, so a change matters to them when the article was published or becomes so.
    public static func isVisibleToReaders(before: Article, after: ArticleState?) -> Bool {
        before.status == .published || after?.status == .published
    }

    /// The change a save makes: `content` replaces the article's (when `expectedVersion` is still the
    /// stored one), `action` moves it through the workflow in the same step, and `revision` is kept.
    public static func save(
        _ current: Article, content: ArticleContent?, expectedVersion: Int?, action: WorkflowAction?, revision: NewRevision?, now: Date
    ) throws -> ArticleChange {
        if let expectedVersion { try checkVersion(expectedVersion, of: current) }
        let state = try action.map { action throws(WorkflowError) in try ArticleWorkflow.move(action, from: current, now: now) }
        return ArticleChange(
            content: content, state: state, revision: revision, visibleToReaders: isVisibleToReaders(before: current, after: state))
    }
}
