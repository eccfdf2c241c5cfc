import Foundation
import KioskCore
import KioskStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    // MARK: Accounts

    /// How many accounts exist.
    public func userCount() async throws -> Int {
        try await read { connection in Int(try await connection.value("SELECT count(*) FROM \"user\"", as: Int64.self) ?? 0) }
    }

    /// Makes an account with an author profile of the same name for its bylines.
    public func createUser(_ new: NewUser, now: Date) async throws -> User {
        try await write(.readers) { connection in try await Accounts.insert(connection, new, now: now) }
    }

    /// Makes the account `decide` returns when told how many accounts exist, holding a lock on the
    /// accounts table that another first account waits for, so only one can ever be made.
    public func createFirstUser(now: Date, _ decide: @escaping @Sendable (_ existingAccounts: Int) throws -> NewUser) async throws -> User {
        try await write(.readers) { connection in
            try await connection.execute("LOCK TABLE \"user\" IN SHARE ROW EXCLUSIVE MODE")
            let existing = Int(try await connection.value("SELECT count(*) FROM \"user\"", as: Int64.self) ?? 0)
            return try await Accounts.insert(connection, try decide(existing), now: now)
        }
    }

    /// The account with this id, or `nil`.
    public func user(_ id: User.ID) async throws -> User? {
        try await read { connection in try await connection.row("SELECT * FROM \"user\" WHERE id = \(id.rawValue)").map(Records.user) }
    }

    /// The sealed authenticator secret of an account, or `nil`.
    public func twoFactorSecret(of id: User.ID) async throws -> String? {
        try await read { connection in try await connection.row("SELECT totp_secret FROM \"user\" WHERE id = \(id.rawValue)")?.get("totp_secret") }
    }

    /// Turns two-step sign-in on and replaces the account's recovery codes.
    public func enableTwoFactor(_ id: User.ID, secret: String, recoveryCodeHashes: [[UInt8]]) async throws {
        try await write(.newsroom) { connection in
            guard try await connection.execute(
                "UPDATE \"user\" SET totp_secret = \(secret), totp_last_step = NULL WHERE id = \(id.rawValue) RETURNING id") == 1
            else { throw StoreError.notFound }
            try await connection.execute("DELETE FROM recovery_code WHERE user_id = \(id.rawValue)")
            for hash in recoveryCodeHashes {
                try await connection.execute("INSERT INTO recovery_code (user_id, code_hash) VALUES (\(id.rawValue), \(hash.bytea))")
            }
        }
    }

    /// Turns two-step sign-in off.
    public func disableTwoFactor(_ id: User.ID) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute("UPDATE \"user\" SET totp_secret = NULL, totp_last_step = NULL WHERE id = \(id.rawValue)")
            try await connection.execute("DELETE FROM recovery_code WHERE user_id = \(id.rawValue)")
        }
    }

    /// Records the time step of a code that signed the account in, unless it or a later one was used.
    public func useTwoFactorStep(_ id: User.ID, step: Int64) async throws -> Bool {
        try await write(.newsroom) { connection in
            try await connection.execute(
                """
                UPDATE "user" SET totp_last_step = \(step)
                WHERE id = \(id.rawValue) AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < \(step)) RETURNING id
                """) == 1
        }
    }

    /// Marks an unused recovery code used.
    public func useRecoveryCode(_ id: User.ID, hash: [UInt8], now: Date) async throws -> Bool {
        try await write(.newsroom) { connection in
            try await connection.execute(
                """
                UPDATE recovery_code SET used_at = \(now)
                WHERE user_id = \(id.rawValue) AND code_hash = \(hash.bytea) AND used_at IS NULL RETURNING id
                """) == 1
        }
    }

    /// How many unused recovery codes the account has.
    public func unusedRecoveryCodes(of id: User.ID) async throws -> Int {
        try await read { connection in
            Int(try await connection.value("SELECT count(*) FROM recovery_code WHERE user_id = \(id.rawValue) AND used_at IS NULL", as: Int64.self) ?? 0)
        }
    }

    /// The account with this address and its password hash, or `nil`.
    public func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)? {
        try await read { connection in
            guard let row = try await connection.row("SELECT * FROM \"user\" WHERE email = \(email.rawValue)") else { return nil }
            return (try Records.user(row), try row.get("password_hash"))
        }
    }

    /// Every account, by name.
    public func users() async throws -> [User] {
        try await read { connection in try await connection.rows("SELECT * FROM \"user\" ORDER BY name, id").map(Records.user) }
    }

    /// Replaces a password hash and ends every session of the account.
    public func changePassword(_ id: User.ID, passwordHash: String) async throws {
        try await write(.newsroom) { connection in
            guard try await connection.execute("UPDATE \"user\" SET password_hash = \(passwordHash) WHERE id = \(id.rawValue) RETURNING id") == 1 else {
                throw StoreError.notFound
            }
            try await connection.execute("DELETE FROM session WHERE user_id = \(id.rawValue)")
        }
    }

    /// Gives an account the role `decide` returns, shown the account and how many administrators
    /// there are; the administrators' rows are locked first, so two changes never both count them.
    public func changeRole(_ id: User.ID, _ decide: @escaping @Sendable (User, _ administrators: Int) throws -> Role) async throws {
        try await write(.newsroom) { connection in
            let administrators = try await connection.execute("SELECT id FROM \"user\" WHERE role = 'admin' ORDER BY id FOR UPDATE")
            guard let user = try await connection.row("SELECT * FROM \"user\" WHERE id = \(id.rawValue) FOR UPDATE").map(Records.user) else {
                throw StoreError.notFound
            }
            let role = try decide(user, administrators)
            try await connection.execute("UPDATE \"user\" SET role = \(role.rawValue) WHERE id = \(id.rawValue)")
        }
    }

    /// Suspends, reinstates or removes an account as `decide` says, with the administrators locked,
    /// ending its sessions and tokens when it goes.
    public func changeAccountStatus(
        _ id: User.ID, now: Date, _ decide: @escaping @Sendable (User, _ activeAdministrators: Int) throws -> AccountChange
    ) async throws {
        try await write(.newsroom) { connection in
            let active = try await connection.execute("SELECT id FROM \"user\" WHERE role = 'admin' AND suspended_at IS NULL ORDER BY id FOR UPDATE")
            guard let user = try await connection.row("SELECT * FROM \"user\" WHERE id = \(id.rawValue) FOR UPDATE").map(Records.user) else {
                throw StoreError.notFound
            }
            let change = try decide(user, active)
            if change != .reinstate {
                try await connection.execute("DELETE FROM session WHERE user_id = \(id.rawValue)")
                try await connection.execute("UPDATE api_token SET revoked_at = \(now) WHERE created_by = \(id.rawValue) AND revoked_at IS NULL")
            }
            switch change {
            case .suspend: try await connection.execute("UPDATE \"user\" SET suspended_at = \(now) WHERE id = \(id.rawValue)")
            case .reinstate: try await connection.execute("UPDATE \"user\" SET suspended_at = NULL WHERE id = \(id.rawValue)")
            case .remove: try await connection.execute("DELETE FROM \"user\" WHERE id = \(id.rawValue)")
            }
        }
    }

    // MARK: Sessions and sign-in

    /// Records a session, known by the SHA-256 of its cookie token; ended sessions are cleared out.
    public func createSession(tokenHash: [UInt8], userID: User.ID, csrfToken: String, userAgent: String, now: Date, expiresAt: Date) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute("DELETE FROM session WHERE expires_at <= \(now) OR last_seen_at < \(SessionRules.seenSince(now: now))")
            try await connection.execute(
                """
                INSERT INTO session (token_hash, user_id, csrf_token, user_agent, created_at, last_seen_at, expires_at)
                VALUES (\(tokenHash.bytea), \(userID.rawValue), \(csrfToken), \(userAgent), \(now), \(now), \(expiresAt))
                """)
        }
    }

    /// The signed-in account of a live session of an account that is not suspended, or `nil`.
    public func session(tokenHash: [UInt8], now: Date, seenSince: Date) async throws -> SignedIn? {
        try await read { connection in
            guard let row = try await connection.row(
                """
                SELECT u.*, s.csrf_token, s.last_seen_at, (SELECT require_two_factor FROM site_settings WHERE id = 1) AS two_factor_required
                FROM session s JOIN "user" u ON u.id = s.user_id
                WHERE s.token_hash = \(tokenHash.bytea) AND s.expires_at > \(now) AND s.last_seen_at >= \(seenSince) AND u.suspended_at IS NULL
                """)
            else { return nil }
            return SignedIn(
                user: try Records.user(row), csrfToken: try row.get("csrf_token"), twoFactorRequired: try row.get("two_factor_required"),
                lastSeenAt: try row.get("last_seen_at"))
        }
    }

    /// Records that a session was used.
    public func touchSession(tokenHash: [UInt8], now: Date) async throws {
        try await write(.newsroom) { connection in
            _ = try await connection.execute("UPDATE session SET last_seen_at = \(now) WHERE token_hash = \(tokenHash.bytea)")
        }
    }

    /// The live sessions of an account, most recently used first.
    public func sessions(of id: User.ID, now: Date, seenSince: Date) async throws -> [SessionRecord] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT token_hash, created_at, last_seen_at, user_agent FROM session
                WHERE user_id = \(id.rawValue) AND expires_at > \(now) AND last_seen_at >= \(seenSince) ORDER BY last_seen_at DESC
                LIMIT \(SessionRules.listed)
                """
            ).map { row in
                SessionRecord(
                    tokenHash: Array(buffer: try row.get("token_hash", as: ByteBuffer.self)), createdAt: try row.get("created_at"),
                    lastSeenAt: try row.get("last_seen_at"), userAgent: try row.get("user_agent"))
            }
        }
    }

    /// Ends one session.
    public func endSession(tokenHash: [UInt8]) async throws {
        try await write(.newsroom) { connection in _ = try await connection.execute("DELETE FROM session WHERE token_hash = \(tokenHash.bytea)") }
    }

    /// Ends one session of an account.
    public func endSession(tokenHash: [UInt8], of id: User.ID) async throws -> Bool {
        try await write(.newsroom) { connection in
            try await connection.execute("DELETE FROM session WHERE token_hash = \(tokenHash.bytea) AND user_id = \(id.rawValue) RETURNING user_id") == 1
        }
    }

    /// Ends every session of an account.
    public func endAllSessions(of id: User.ID) async throws {
        try await write(.newsroom) { connection in try await connection.execute("DELETE FROM session WHERE user_id = \(id.rawValue)") }
    }

    /// Attempts counted under each key whose last one is less than `window` old.
    public func countAttempt(
        keys: [String], within window: TimeInterval, now: Date, _ decide: @escaping @Sendable ([String: AttemptCount]) throws -> Void
    ) async throws {
        let keys = Array(Set(keys)).sorted()
        try await write(.newsroom) { connection in
            // A row for every key, locked in one order: attempts arriving together wait here in turn,
            // even for a key never seen before. A refused attempt rolls the new rows back.
            for key in keys {
                try await connection.execute(
                    "INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (\(key), 0, \(now)) ON CONFLICT (key) DO NOTHING")
            }
            let rows = try await connection.rows("SELECT key, failures, last_failure_at FROM login_throttle WHERE key = ANY(\(keys)) ORDER BY key FOR UPDATE")
            var counts: [String: AttemptCount] = [:]
            for row in rows {
                let count = AttemptCount(count: try row.get("failures", as: Int.self), last: try row.get("last_failure_at"))
                if count.count > 0 && count.last > now.addingTimeInterval(-window) { counts[try row.get("key")] = count }
            }
            try decide(counts)
            for key in keys {
                try await connection.execute(
                    """
                    INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (\(key), 1, \(now))
                    ON CONFLICT (key) DO UPDATE SET
                        failures = CASE WHEN login_throttle.last_failure_at > \(now.addingTimeInterval(-window)) THEN login_throttle.failures + 1 ELSE 1 END,
                        last_failure_at = excluded.last_failure_at
                    """)
            }
        }
    }

    /// Takes back one attempt under each key; a count that reaches none is forgotten.
    public func withdrawAttempt(keys: [String]) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute("UPDATE login_throttle SET failures = failures - 1 WHERE key = ANY(\(keys))")
            try await connection.execute("DELETE FROM login_throttle WHERE key = ANY(\(keys)) AND failures <= 0")
        }
    }

    /// Forgets the attempts under the keys.
    public func clearAttempts(keys: [String]) async throws {
        try await write(.newsroom) { connection in try await connection.execute("DELETE FROM login_throttle WHERE key = ANY(\(keys))") }
    }

    // MARK: Invitations

    /// Records an invitation.
    public func createInvitation(email: EmailAddress, role: Role, invitedBy: User.ID, now: Date, expiresAt: Date) async throws -> Invitation {
        try await write(.newsroom) { connection in
            let id: Int64? = try await connection.value(
                """
                INSERT INTO invitation (email, role, invited_by, created_at, expires_at)
                VALUES (\(email.rawValue), \(role.rawValue), \(invitedBy.rawValue), \(now), \(expiresAt)) RETURNING id
                """)
            return Invitation(id: .init(id ?? 0), email: email, role: role, createdAt: now, expiresAt: expiresAt, acceptedAt: nil)
        }
    }

    /// The invitation with this id, or `nil`.
    public func invitation(_ id: Invitation.ID) async throws -> Invitation? {
        try await read { connection in try await connection.row("SELECT * FROM invitation WHERE id = \(id.rawValue)").map(Records.invitation) }
    }

    /// Invitations not yet accepted or expired, newest first.
    public func pendingInvitations(now: Date) async throws -> [Invitation] {
        try await read { connection in
            try await connection.rows("SELECT * FROM invitation WHERE accepted_at IS NULL AND expires_at > \(now) ORDER BY id DESC").map(Records.invitation)
        }
    }

    /// Withdraws an unused invitation.
    public func revokeInvitation(_ id: Invitation.ID) async throws {
        try await write(.newsroom) { connection in
            guard try await connection.execute("DELETE FROM invitation WHERE id = \(id.rawValue) AND accepted_at IS NULL RETURNING id") == 1 else {
                throw StoreError.notFound
            }
        }
    }

    /// Makes the account `decide` returns for the invitation (its row locked), and marks the invitation used.
    public func acceptInvitation(_ id: Invitation.ID, now: Date, _ decide: @escaping @Sendable (Invitation) throws -> NewUser) async throws -> User {
        try await write(.readers) { connection in
            guard let invitation = try await connection.row("SELECT * FROM invitation WHERE id = \(id.rawValue) FOR UPDATE").map(Records.invitation) else {
                throw InvitationError.unknown
            }
            let user = try await Accounts.insert(connection, try decide(invitation), now: now)
            try await connection.execute("UPDATE invitation SET accepted_at = \(now) WHERE id = \(id.rawValue)")
            return user
        }
    }

    // MARK: Integration tokens

    /// Records a token for the Admin API.
    public func createAPIToken(_ new: NewAPIToken, createdBy: User.ID, now: Date) async throws -> APIToken {
        try await write(.newsroom) { connection in
            let id: Int64? = try await connection.value(
                """
                INSERT INTO api_token (name, scope, token_hash, created_by, created_at)
                VALUES (\(new.name), \(new.scope.rawValue), \(new.tokenHash.bytea), \(createdBy.rawValue), \(now)) RETURNING id
                """)
            return APIToken(id: .init(id ?? 0), name: new.name, scope: new.scope, createdAt: now, revokedAt: nil)
        }
    }

    /// Every token, revoked ones too, newest first.
    public func apiTokens() async throws -> [APIToken] {
        try await read { connection in try await connection.rows("SELECT * FROM api_token ORDER BY id DESC").map(Records.apiToken) }
    }

    /// The live token with this SHA-256, or `nil`.
    public func apiToken(hash: [UInt8]) async throws -> APIToken? {
        try await read { connection in
            try await connection.row("SELECT * FROM api_token WHERE token_hash = \(hash.bytea) AND revoked_at IS NULL").map(Records.apiToken)
        }
    }

    /// Revokes a token.
    public func revokeAPIToken(_ id: APIToken.ID, now: Date) async throws {
        try await write(.newsroom) { connection in
            guard try await connection.execute("UPDATE api_token SET revoked_at = coalesce(revoked_at, \(now)) WHERE id = \(id.rawValue) RETURNING id") == 1
            else { throw StoreError.notFound }
        }
    }
}

/// Account rows.
enum Accounts {
    /// Inserts an account and an author profile named after it, under the first free candidate slug.
    static func insert(_ connection: Connection, _ new: NewUser, now: Date) async throws -> User {
        guard try await connection.value("SELECT 1 FROM \"user\" WHERE email = \(new.email.rawValue)", as: Int32.self) == nil else {
            throw StoreError.duplicate("An account with the address \(new.email) exists already.")
        }
        var slug: Slug?
        for candidate in new.authorSlugCandidates
        where try await connection.value("SELECT 1 FROM author WHERE slug = \(candidate.rawValue)", as: Int32.self) == nil {
            slug = candidate
            break
        }
        guard let slug else { throw StoreError.duplicate("Every author address for the name \(new.name) is taken.") }
        let authorID: Int64? = try await connection.value("INSERT INTO author (slug, name) VALUES (\(slug.rawValue), \(new.name)) RETURNING id")
        let id: Int64? = try await connection.value(
            """
            INSERT INTO "user" (email, name, role, password_hash, author_id, created_at)
            VALUES (\(new.email.rawValue), \(new.name), \(new.role.rawValue), \(new.passwordHash), \(authorID), \(now)) RETURNING id
            """)
        return User(id: .init(id ?? 0), email: new.email, name: new.name, role: new.role, authorID: authorID.map(Author.ID.init), createdAt: now)
    }
}
