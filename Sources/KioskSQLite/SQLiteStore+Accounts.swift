import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    // MARK: Accounts

    /// How many accounts exist.
    public func userCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0 }
    }

    /// Makes an account with an author profile of the same name for its bylines.
    public func createUser(_ new: NewUser, now: Date) async throws -> User {
        try await write(.readers) { db in try Accounts.insert(db, new, now: now) }
    }

    /// Makes the account `decide` returns when told how many accounts exist; SQLite runs one write at a time.
    public func createFirstUser(now: Date, _ decide: @escaping @Sendable (_ existingAccounts: Int) throws -> NewUser) async throws -> User {
        try await write(.readers) { db in
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0
            return try Accounts.insert(db, try decide(existing), now: now)
        }
    }

    /// The account with this id, or `nil`.
    public func user(_ id: User.ID) async throws -> User? {
        try await read { db in try User.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// The sealed authenticator secret of an account, or `nil`.
    public func twoFactorSecret(of id: User.ID) async throws -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT totp_secret FROM user WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// Turns two-step sign-in on and replaces the account's recovery codes.
    public func enableTwoFactor(_ id: User.ID, secret: String, recoveryCodeHashes: [[UInt8]]) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE user SET totp_secret = ?, totp_last_step = NULL WHERE id = ?", arguments: [secret, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM recovery_code WHERE user_id = ?", arguments: [id.rawValue])
            for hash in recoveryCodeHashes {
                try db.execute(sql: "INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)", arguments: [id.rawValue, Data(hash)])
            }
        }
    }

    /// Turns two-step sign-in off.
    public func disableTwoFactor(_ id: User.ID) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE user SET totp_secret = NULL, totp_last_step = NULL WHERE id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM recovery_code WHERE user_id = ?", arguments: [id.rawValue])
        }
    }

    /// Records the time step of a code that signed the account in, unless it or a later one was used.
    public func useTwoFactorStep(_ id: User.ID, step: Int64) async throws -> Bool {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE user SET totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?)",
                arguments: [step, id.rawValue, step])
            return db.changesCount == 1
        }
    }

    /// Marks an unused recovery code used.
    public func useRecoveryCode(_ id: User.ID, hash: [UInt8], now: Date) async throws -> Bool {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
                arguments: [now, id.rawValue, Data(hash)])
            return db.changesCount == 1
        }
    }

    /// How many unused recovery codes the account has.
    public func unusedRecoveryCodes(of id: User.ID) async throws -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL", arguments: [id.rawValue]) ?? 0
        }
    }

    /// The account with this address and its password hash, or `nil`.
    public func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email.rawValue]) else { return nil }
            return (try User(row: row), row["password_hash"])
        }
    }

    /// Every account, by name.
    public func users() async throws -> [User] {
        try await read { db in try User.fetchAll(db, sql: "SELECT * FROM user ORDER BY name, id") }
    }

    /// Replaces a password hash and ends every session of the account.
    public func changePassword(_ id: User.ID, passwordHash: String) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [passwordHash, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id.rawValue])
        }
    }

    /// Gives an account the role `decide` returns, shown the account and how many administrators there are.
    public func changeRole(_ id: User.ID, _ decide: @escaping @Sendable (User, _ administrators: Int) throws -> Role) async throws {
        try await write(.newsroom) { db in
            guard let user = try User.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id.rawValue]) else { throw StoreError.notFound }
            let administrators = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE role = 'admin'") ?? 0
            let role = try decide(user, administrators)
            try db.execute(sql: "UPDATE user SET role = ? WHERE id = ?", arguments: [role.rawValue, id.rawValue])
        }
    }

    /// Suspends, reinstates or removes an account as `decide` says, ending its sessions and tokens when it goes.
    public func changeAccountStatus(
        _ id: User.ID, now: Date, _ decide: @escaping @Sendable (User, _ activeAdministrators: Int) throws -> AccountChange
    ) async throws {
        try await write(.newsroom) { db in
            guard let user = try User.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id.rawValue]) else { throw StoreError.notFound }
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE role = 'admin' AND suspended_at IS NULL") ?? 0
            let change = try decide(user, active)
            if change != .reinstate {
                try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id.rawValue])
                try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL", arguments: [now, id.rawValue])
            }
            switch change {
            case .suspend: try db.execute(sql: "UPDATE user SET suspended_at = ? WHERE id = ?", arguments: [now, id.rawValue])
            case .reinstate: try db.execute(sql: "UPDATE user SET suspended_at = NULL WHERE id = ?", arguments: [id.rawValue])
            case .remove: try db.execute(sql: "DELETE FROM user WHERE id = ?", arguments: [id.rawValue])
            }
        }
    }

    // MARK: Sessions and sign-in

    /// Records a session, known by the SHA-256 of its cookie token; ended sessions are cleared out.
    public func createSession(tokenHash: [UInt8], userID: User.ID, csrfToken: String, userAgent: String, now: Date, expiresAt: Date) async throws {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "DELETE FROM session WHERE expires_at <= ? OR last_seen_at < ?", arguments: [now, SessionRules.seenSince(now: now)])
            try db.execute(
                sql: "INSERT INTO session (token_hash, user_id, csrf_token, user_agent, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [Data(tokenHash), userID.rawValue, csrfToken, userAgent, now, now, expiresAt])
        }
    }

    /// The signed-in account of a live session of an account that is not suspended, or `nil`.
    public func session(tokenHash: [UInt8], now: Date, seenSince: Date) async throws -> SignedIn? {
        try await read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT u.*, s.csrf_token, s.last_seen_at, (SELECT require_two_factor FROM site_settings WHERE id = 1) AS two_factor_required
                        FROM session s JOIN user u ON u.id = s.user_id
                        WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at >= ? AND u.suspended_at IS NULL
                        """),
                arguments: [Data(tokenHash), now, seenSince])
            else { return nil }
            return SignedIn(
                user: try User(row: row), csrfToken: row["csrf_token"], twoFactorRequired: row["two_factor_required"], lastSeenAt: row["last_seen_at"])
        }
    }

    /// Records that a session was used.
    public func touchSession(tokenHash: [UInt8], now: Date) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE session SET last_seen_at = ? WHERE token_hash = ?", arguments: [now, Data(tokenHash)])
        }
    }

    /// The live sessions of an account, most recently used first.
    public func sessions(of id: User.ID, now: Date, seenSince: Date) async throws -> [SessionRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT token_hash, created_at, last_seen_at, user_agent FROM session
                    WHERE user_id = ? AND expires_at > ? AND last_seen_at >= ? ORDER BY last_seen_at DESC LIMIT ?
                    """,
                arguments: [id.rawValue, now, seenSince, SessionRules.listed]
            ).map { row in
                SessionRecord(
                    tokenHash: Array(row["token_hash"] as Data), createdAt: row["created_at"], lastSeenAt: row["last_seen_at"], userAgent: row["user_agent"])
            }
        }
    }

    /// Ends one session.
    public func endSession(tokenHash: [UInt8]) async throws {
        try await write(.newsroom) { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Data(tokenHash)]) }
    }

    /// Ends one session of an account.
    public func endSession(tokenHash: [UInt8], of id: User.ID) async throws -> Bool {
        try await write(.newsroom) { db in
            try db.execute(sql: "DELETE FROM session WHERE token_hash = ? AND user_id = ?", arguments: [Data(tokenHash), id.rawValue])
            return db.changesCount == 1
        }
    }

    /// Ends every session of an account.
    public func endAllSessions(of id: User.ID) async throws {
        try await write(.newsroom) { db in try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id.rawValue]) }
    }

    /// Attempts counted under each key whose last one is less than `window` old.
    public func countAttempt(
        keys: [String], within window: TimeInterval, now: Date, _ decide: @escaping @Sendable ([String: AttemptCount]) throws -> Void
    ) async throws {
        try await write(.newsroom) { db in
            var counts: [String: AttemptCount] = [:]
            for key in keys {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT failures, last_failure_at FROM login_throttle WHERE key = ? AND last_failure_at > ?",
                    arguments: [key, now.addingTimeInterval(-window)])
                {
                    counts[key] = AttemptCount(count: row["failures"], last: row["last_failure_at"])
                }
            }
            try decide(counts)
            for key in keys {
                try db.execute(
                    sql: """
                        INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?, 1, ?)
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN last_failure_at > ? THEN failures + 1 ELSE 1 END,
                            last_failure_at = excluded.last_failure_at
                        """,
                    arguments: [key, now, now.addingTimeInterval(-window)])
            }
        }
    }

    /// Takes back one attempt under each key; a count that reaches none is forgotten.
    public func withdrawAttempt(keys: [String]) async throws {
        try await write(.newsroom) { db in
            for key in keys {
                try db.execute(sql: "UPDATE login_throttle SET failures = failures - 1 WHERE key = ?", arguments: [key])
                try db.execute(sql: "DELETE FROM login_throttle WHERE key = ? AND failures <= 0", arguments: [key])
            }
        }
    }

    /// Forgets the attempts under the keys.
    public func clearAttempts(keys: [String]) async throws {
        try await write(.newsroom) { db in
            for key in keys { try db.execute(sql: "DELETE FROM login_throttle WHERE key = ?", arguments: [key]) }
        }
    }

    // MARK: Invitations

    /// Records an invitation.
    public func createInvitation(email: EmailAddress, role: Role, invitedBy: User.ID, now: Date, expiresAt: Date) async throws -> Invitation {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "INSERT INTO invitation (email, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [email.rawValue, role.rawValue, invitedBy.rawValue, now, expiresAt])
            return Invitation(id: .init(db.lastInsertedRowID), email: email, role: role, createdAt: now, expiresAt: expiresAt, acceptedAt: nil)
        }
    }

    /// The invitation with this id, or `nil`.
    public func invitation(_ id: Invitation.ID) async throws -> Invitation? {
        try await read { db in try Invitation.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// Invitations not yet accepted or expired, newest first.
    public func pendingInvitations(now: Date) async throws -> [Invitation] {
        try await read { db in
            try Invitation.fetchAll(
                db, sql: "SELECT * FROM invitation WHERE accepted_at IS NULL AND expires_at > ? ORDER BY id DESC", arguments: [now])
        }
    }

    /// Withdraws an unused invitation.
    public func revokeInvitation(_ id: Invitation.ID) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "DELETE FROM invitation WHERE id = ? AND accepted_at IS NULL", arguments: [id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }

    /// Makes the account `decide` returns for the invitation, and marks the invitation used.
    public func acceptInvitation(_ id: Invitation.ID, now: Date, _ decide: @escaping @Sendable (Invitation) throws -> NewUser) async throws -> User {
        try await write(.readers) { db in
            guard let invitation = try Invitation.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id.rawValue]) else {
                throw InvitationError.unknown
            }
            let user = try Accounts.insert(db, try decide(invitation), now: now)
            try db.execute(sql: "UPDATE invitation SET accepted_at = ? WHERE id = ?", arguments: [now, id.rawValue])
            return user
        }
    }

    // MARK: Integration tokens

    /// Records a token for the Admin API.
    public func createAPIToken(_ new: NewAPIToken, createdBy: User.ID, now: Date) async throws -> APIToken {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "INSERT INTO api_token (name, scope, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [new.name, new.scope.rawValue, Data(new.tokenHash), createdBy.rawValue, now])
            return APIToken(id: .init(db.lastInsertedRowID), name: new.name, scope: new.scope, createdAt: now, revokedAt: nil)
        }
    }

    /// Every token, revoked ones too, newest first.
    public func apiTokens() async throws -> [APIToken] {
        try await read { db in try APIToken.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY id DESC") }
    }

    /// The live token with this SHA-256, or `nil`.
    public func apiToken(hash: [UInt8]) async throws -> APIToken? {
        try await read { db in
            try APIToken.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_token WHERE token_hash = ? AND revoked_at IS NULL"), arguments: [Data(hash)])
        }
    }

    /// Revokes a token.
    public func revokeAPIToken(_ id: APIToken.ID, now: Date) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [now, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }
}

/// Account rows.
enum Accounts {
    /// Inserts an account and an author profile named after it, under the first free candidate slug.
    static func insert(_ db: Database, _ new: NewUser, now: Date) throws -> User {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM user WHERE email = ?", arguments: [new.email.rawValue]) == nil else {
            throw StoreError.duplicate("An account with the address \(new.email) exists already.")
        }
        guard let slug = try new.authorSlugCandidates.first(where: { candidate in
            try Int.fetchOne(db, sql: "SELECT 1 FROM author WHERE slug = ?", arguments: [candidate.rawValue]) == nil
        }) else { throw StoreError.duplicate("Every author address for the name \(new.name) is taken.") }
        try db.execute(sql: "INSERT INTO author (slug, name) VALUES (?, ?)", arguments: [slug.rawValue, new.name])
        let authorID = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO user (email, name, role, password_hash, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [new.email.rawValue, new.name, new.role.rawValue, new.passwordHash, authorID, now])
        return User(id: .init(db.lastInsertedRowID), email: new.email, name: new.name, role: new.role, authorID: .init(authorID), createdAt: now)
    }
}

extension User: FetchableRecord {
    public init(row: Row) throws {
        let author: Int64? = row["author_id"]
        guard let role = Role(rawValue: row["role"]) else { throw StoreError.missingReference("user \(row["id"] as Int64) has an unknown role") }
        self.init(
            id: .init(row["id"]), email: try EmailAddress(row["email"]), name: row["name"], role: role, authorID: author.map(Author.ID.init),
            createdAt: row["created_at"], usesTwoFactor: (row["totp_secret"] as String?) != nil, suspendedAt: row["suspended_at"])
    }
}

extension Invitation: FetchableRecord {
    public init(row: Row) throws {
        guard let role = Role(rawValue: row["role"]) else { throw StoreError.missingReference("invitation with an unknown role") }
        self.init(
            id: .init(row["id"]), email: try EmailAddress(row["email"]), role: role, createdAt: row["created_at"],
            expiresAt: row["expires_at"], acceptedAt: row["accepted_at"])
    }
}

extension APIToken: FetchableRecord {
    public init(row: Row) throws {
        guard let scope = TokenScope(rawValue: row["scope"]) else { throw StoreError.missingReference("token with an unknown scope") }
        self.init(id: .init(row["id"]), name: row["name"], scope: scope, createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
