import Foundation

/// An invitation to join the newsroom.
public struct Invitation: Sendable, Identifiable, Equatable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Invitation>
    /// The store identifier, part of the signed link.
    public let id: ID
    /// Who is invited.
    public let email: EmailAddress
    /// The role they will have.
    public let role: Role
    /// When it was made.
    public let createdAt: Date
    /// When the link stops working.
    public let expiresAt: Date
    /// When it was used, if it was.
    public let acceptedAt: Date?

    /// Creates the value.
    public init(id: ID, email: EmailAddress, role: Role, createdAt: Date, expiresAt: Date, acceptedAt: Date?) {
        self.id = id
        self.email = email
        self.role = role
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
    }
}

/// Why an invitation cannot be used.
public enum InvitationError: Error, Equatable, Sendable {
    /// It was used already; each link works once.
    case alreadyUsed
    /// Its time ran out.
    case expired
    /// Nothing matches it.
    case unknown
}

/// A move that does not fit the state of what it applies to (an article, an issue, the accounts),
/// with a message for the person who asked.
public struct WorkflowError: Error, Equatable, Sendable {
    /// What is wrong, for the person who asked.
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }
}

/// What an integration token may do.
public enum TokenScope: String, Sendable, CaseIterable {
    /// Read articles in any state, media, taxonomy.
    case read
    /// Read, and create, change, publish and schedule.
    case write

    /// The label people see.
    public var displayName: String { self == .read ? "Read only" : "Read and write" }
}

/// A token an integration uses to call the Admin API.
public struct APIToken: Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<APIToken>
    /// The store identifier.
    public let id: ID
    /// What it is for, as the administrator named it.
    public let name: String
    /// What it may do.
    public let scope: TokenScope
    /// When it was made.
    public let createdAt: Date
    /// When it was revoked, if it was.
    public let revokedAt: Date?

    /// Creates the value.
    public init(id: ID, name: String, scope: TokenScope, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// Attempts counted under one key, for throttling.
/// An attempt refused because a limit on attempts was reached, with the message to show.
public struct LimitReached: Error, Sendable, Equatable {
    /// What the person is told.
    public let message: String

    /// Creates the refusal.
    public init(_ message: String) {
        self.message = message
    }
}

/// How many attempts may be counted under one key within a window (sign-ups per network, reset
/// emails per address), and what is said once they have been.
public struct AttemptLimit: Sendable {
    /// Attempts allowed within the window.
    public let maximum: Int
    /// How long attempts are remembered after the last one.
    public let window: TimeInterval
    /// What is said to an attempt over the limit.
    public let message: String

    /// Creates the limit.
    public init(maximum: Int, window: TimeInterval, message: String) {
        self.maximum = maximum
        self.window = window
        self.message = message
    }

    /// Throws `LimitReached` when the attempts counted under `key` in `counts` have reached the maximum.
    public func check(_ counts: [String: AttemptCount], key: String) throws(LimitReached) {
        if (counts[key]?.count ?? 0) >= maximum { throw LimitReached(message) }
    }
}

/// Attempts counted under one key.
public struct AttemptCount: Sendable, Equatable {
    /// How many, since the count last started again.
    public let count: Int
    /// When the last one happened.
    public let last: Date

    /// Creates the value.
    public init(count: Int, last: Date) {
        self.count = count
        self.last = last
    }
}
