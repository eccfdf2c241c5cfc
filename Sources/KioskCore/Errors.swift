/// Input that breaks a rule of the content model, with a message a person can act on.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field that was wrong, e.g. "title" or "slug".
    public let field: String
    /// What is wrong, written for the person who typed it.
    public let message: String

    /// Creates an error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// A failure of a store operation that callers may want to tell apart.
public enum StoreError: Error, Equatable, Sendable {
    /// Something with this slug already exists.
    case slugTaken(Slug)
    /// A referenced record (section, author, media…) does not exist.
    case missingReference(String)
    /// A value that must be unique (other than a slug, reported as `slugTaken`) is already in use.
    case duplicate(String)
    /// The record to change does not exist.
    case notFound
    /// The record cannot be deleted because something still uses it; says what.
    case inUse(String)
    /// The database cannot be reached or is too busy right now; nothing was changed, and trying
    /// again later may work. The detail is for the log.
    case unavailable(String)
    /// The database failed in a way the request cannot fix (a broken schema, a full disk). The
    /// detail is for the log, never for the person.
    case failed(String)
}
