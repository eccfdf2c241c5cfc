import Foundation

/// Rules about who may hold which role in the newsroom.
public enum AccountRules {
    /// Throws when giving `user` the role `role` would leave the newsroom without an administrator;
    /// `administrators` is how many there are now, `user` included if it is one.
    public static func checkRoleChange(of user: User, to role: Role, administrators: Int) throws(WorkflowError) {
        guard user.role == .admin, role != .admin, administrators <= 1 else { return }
        throw WorkflowError("The newsroom needs at least one administrator; make someone else one first.")
    }

    /// Throws when `actor` may not make `change` to `user`: nobody suspends or removes their own
    /// account, and the last active administrator stays; `activeAdministrators` counts those not suspended.
    public static func checkStatusChange(of user: User, _ change: AccountChange, by actor: User.ID, activeAdministrators: Int) throws(WorkflowError) {
        guard change != .reinstate else { return }
        guard user.id != actor else { throw WorkflowError("You cannot suspend or remove your own account; ask another administrator.") }
        if user.role == .admin, user.suspendedAt == nil, activeAdministrators <= 1 {
            throw WorkflowError("The newsroom needs at least one active administrator; make someone else one first.")
        }
    }
}

/// What an administrator does to another account.
public enum AccountChange: String, Sendable, Equatable {
    /// It can no longer sign in; its sessions and integration tokens end at once.
    case suspend
    /// It can sign in again.
    case reinstate
    /// It is deleted; its sessions and tokens end, and its articles and bylines stay.
    case remove
}

/// Rules of newsroom sessions: how long one lasts in all, and without being used.
public enum SessionRules {
    /// The longest a session lasts, however busy.
    public static let lifetime: TimeInterval = 14 * 24 * 3600
    /// A session unused for this long has ended.
    public static let idleTimeout: TimeInterval = 24 * 3600
    /// The most sessions an account page lists (the most recently used); "sign out everywhere" ends them all.
    public static let listed = 50
    /// How old the record of a session's last use may get before it is written again.
    public static let touchInterval: TimeInterval = 5 * 60

    /// The moment before which a session's last use means it has ended.
    public static func seenSince(now: Date) -> Date {
        now.addingTimeInterval(-idleTimeout)
    }
}

/// Rules of a publication's first run: while it has no newsroom account, a signed link that works
/// for a day opens the setup page, which makes the first administrator; once one exists, no setup
/// link works again.
public enum FirstRun {
    /// How long a setup link works.
    public static let linkLifetime: TimeInterval = 24 * 3600

    /// The first administrator's account, when the publication has no account yet
    /// (`existingAccounts` is how many it has); throws `FirstRunError.alreadySetUp` otherwise.
    public static func administrator(existingAccounts: Int, email: EmailAddress, name: String, passwordHash: String) throws -> NewUser {
        guard existingAccounts == 0 else { throw FirstRunError.alreadySetUp }
        return try NewUser(email: email, name: name, role: .admin, passwordHash: passwordHash)
    }
}

/// Why the setup page cannot be used.
public enum FirstRunError: Error, Equatable, Sendable {
    /// The newsroom has an account already, so the publication is set up.
    case alreadySetUp
}

/// Rules of invitations to the newsroom: a signed link for one person, working once, for a week.
public enum Invitations {
    /// How long an invitation link works.
    public static let lifetime: TimeInterval = 7 * 24 * 3600

    /// Throws why `invitation` cannot be used at `now`: used already or expired.
    public static func check(_ invitation: Invitation, now: Date) throws(InvitationError) {
        guard invitation.acceptedAt == nil else { throw InvitationError.alreadyUsed }
        guard invitation.expiresAt > now else { throw InvitationError.expired }
    }

    /// The account `invitation` makes for the person who chose `name` and a password hashed to `passwordHash`.
    public static func accept(_ invitation: Invitation, name: String, passwordHash: String, now: Date) throws -> NewUser {
        try check(invitation, now: now)
        return try NewUser(email: invitation.email, name: name, role: invitation.role, passwordHash: passwordHash)
    }
}

/// Rules of password resets by email: a link that works for an hour, once, a few a day per address.
public enum PasswordResets {
    /// How long a reset link works.
    public static let lifetime: TimeInterval = 3600
    /// Reset emails one address may receive in an hour; more are quietly not sent.
    public static let perAddress = AttemptLimit(maximum: 3, window: 3600, message: "Enough reset emails were sent to this address for now.")

    /// The key reset emails to `email` are counted under.
    public static func key(_ email: EmailAddress) -> String {
        "reset:" + email.rawValue
    }

    /// The purpose a reset link is signed for. It names a fingerprint of the account's current
    /// password hash, so the link stops working once the password changes: it works once.
    public static func purpose(passwordFingerprint: String) -> String {
        "password-reset:" + passwordFingerprint
    }
}

/// How repeated failed sign-ins are slowed and then locked, per account and per address.
public enum LoginThrottle {
    /// Failures after which each further attempt must wait.
    public static let slowAfter = 3
    /// Failures on one account after which it is locked.
    public static let lockAccountAfter = 10
    /// Failures from one address after which it is locked (higher: offices share addresses).
    public static let lockAddressAfter = 30
    /// How long a lock lasts, and how long failures are remembered after the last one.
    public static let lockDuration: TimeInterval = 15 * 60

    /// The throttle keys of a sign-in attempt: the account as its address is looked up (so every
    /// spelling of it counts as it), and the client's address.
    public static func keys(email: String, address: String) -> (account: String, address: String) {
        ("account:" + EmailAddress.normalized(email), "address:" + address)
    }

    /// Throws `LimitReached` when an attempt must be refused before its password is checked, given
    /// the failures counted so far under the account's and the address's keys.
    public static func check(_ failures: [String: AttemptCount], account: String, address: String, now: Date) throws(LimitReached) {
        for (key, limit) in [(account, lockAccountAfter), (address, lockAddressAfter)] {
            guard let record = failures[key] else { continue }
            if record.count >= limit {
                let minutes = Int((lockDuration - now.timeIntervalSince(record.last)) / 60) + 1
                throw LimitReached(
                    "Sign-in is locked after too many failed attempts. Try again in \(minutes) minute\(minutes == 1 ? "" : "s"), or ask an administrator to reset your password.")
            }
            if record.count >= slowAfter {
                let wait = min(pow(2, Double(record.count - slowAfter)), 60)
                let remaining = wait - now.timeIntervalSince(record.last)
                if remaining > 0 {
                    let seconds = Int(remaining.rounded(.up))
                    throw LimitReached("Too many failed attempts. Wait \(seconds) second\(seconds == 1 ? "" : "s") before trying again.")
                }
            }
        }
    }
}

/// Rules of the media library.
public enum MediaRules {
    /// Throws `StoreError.inUse` when an image shown in `usageCount` places would be deleted.
    public static func checkDeletable(usageCount: Int) throws(StoreError) {
        guard usageCount == 0 else {
            throw StoreError.inUse("This image is used in \(usageCount) place\(usageCount == 1 ? "" : "s"); remove it there first.")
        }
    }
}
