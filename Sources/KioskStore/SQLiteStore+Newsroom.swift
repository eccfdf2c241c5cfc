import Foundation
import GRDB
import KioskCore

extension SQLiteStore {
    // MARK: Accounts

    /// How many accounts exist.
    public func userCount() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0 }
    }

    /// Makes an account with an author profile of the same name for its bylines.
    public func createUser(_ new: NewUser, now: Date) async throws -> User {
        try await write { db in try Accounts.insert(db, new, now: now) }
    }

    /// The account with this id, or `nil`.
    public func user(_ id: User.ID) async throws -> User? {
        try await writer.read { db in try User.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// The account with this address and its password hash, or `nil`.
    public func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email.rawValue]) else { return nil }
            return (try User(row: row), row["password_hash"])
        }
    }

    /// Every account, by name.
    public func users() async throws -> [User] {
        try await writer.read { db in try User.fetchAll(db, sql: "SELECT * FROM user ORDER BY name, id") }
    }

    /// Replaces a password hash and ends every session of the account.
    public func changePassword(_ id: User.ID, passwordHash: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [passwordHash, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id.rawValue])
        }
    }

    /// Changes what an account may do; refuses to leave the newsroom without an administrator.
    public func changeRole(_ id: User.ID, to role: Role) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE user SET role = ? WHERE id = ?", arguments: [role.rawValue, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            let admins = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE role = 'admin'") ?? 0
            guard admins > 0 else { throw WorkflowError("The newsroom needs at least one administrator; make someone else one first.") }
        }
    }

    // MARK: Sessions and sign-in

    /// Records a session, known by the SHA-256 of its cookie token.
    public func createSession(tokenHash: [UInt8], userID: User.ID, csrfToken: String, now: Date, expiresAt: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [now])
            try db.execute(
                sql: "INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [Data(tokenHash), userID.rawValue, csrfToken, now, expiresAt])
        }
    }

    /// The signed-in account of a session that has not expired, or `nil`.
    public func session(tokenHash: [UInt8], now: Date) async throws -> SignedIn? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT u.*, s.csrf_token FROM session s JOIN user u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?"),
                arguments: [Data(tokenHash), now])
            else { return nil }
            return SignedIn(user: try User(row: row), csrfToken: row["csrf_token"])
        }
    }

    /// Ends one session.
    public func endSession(tokenHash: [UInt8]) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Data(tokenHash)]) }
    }

    /// Ends every session of an account.
    public func endAllSessions(of id: User.ID) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id.rawValue]) }
    }

    /// Attempts counted under each key whose last one is less than `window` old.
    public func attempts(keys: [String], within window: TimeInterval, now: Date) async throws -> [String: AttemptCount] {
        try await writer.read { db in
            var result: [String: AttemptCount] = [:]
            for key in keys {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT failures, last_failure_at FROM login_throttle WHERE key = ? AND last_failure_at > ?",
                    arguments: [key, now.addingTimeInterval(-window)])
                {
                    result[key] = AttemptCount(count: row["failures"], last: row["last_failure_at"])
                }
            }
            return result
        }
    }

    /// Counts one more attempt under each key; a count whose last attempt is `window` old or more starts again at one.
    public func recordAttempt(keys: [String], within window: TimeInterval, now: Date) async throws {
        try await writer.write { db in
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

    /// Forgets the attempts under the keys.
    public func clearAttempts(keys: [String]) async throws {
        try await writer.write { db in
            for key in keys { try db.execute(sql: "DELETE FROM login_throttle WHERE key = ?", arguments: [key]) }
        }
    }

    // MARK: Invitations

    /// The random secret every node shares for signing links.
    public func siteSecret() async throws -> [UInt8] {
        try await writer.read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT value FROM site_secret WHERE id = 1") else { throw StoreError.notFound }
            return Array(data)
        }
    }

    /// Records an invitation.
    public func createInvitation(email: EmailAddress, role: Role, invitedBy: User.ID, now: Date, expiresAt: Date) async throws -> Invitation {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO invitation (email, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [email.rawValue, role.rawValue, invitedBy.rawValue, now, expiresAt])
            return Invitation(id: .init(db.lastInsertedRowID), email: email, role: role, createdAt: now, expiresAt: expiresAt, acceptedAt: nil)
        }
    }

    /// The invitation with this id, or `nil`.
    public func invitation(_ id: Invitation.ID) async throws -> Invitation? {
        try await writer.read { db in try Invitation.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// Invitations not yet accepted or expired, newest first.
    public func pendingInvitations(now: Date) async throws -> [Invitation] {
        try await writer.read { db in
            try Invitation.fetchAll(
                db, sql: "SELECT * FROM invitation WHERE accepted_at IS NULL AND expires_at > ? ORDER BY id DESC", arguments: [now])
        }
    }

    /// Uses an invitation to make an account; throws `InvitationError` if it was used or has expired.
    public func acceptInvitation(_ id: Invitation.ID, name: String, passwordHash: String, now: Date) async throws -> User {
        try await write { db in
            guard let invitation = try Invitation.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id.rawValue]) else {
                throw InvitationError.unknown
            }
            guard invitation.acceptedAt == nil else { throw InvitationError.alreadyUsed }
            guard invitation.expiresAt > now else { throw InvitationError.expired }
            let user = try Accounts.insert(
                db, try NewUser(email: invitation.email, name: name, role: invitation.role, passwordHash: passwordHash), now: now)
            try db.execute(sql: "UPDATE invitation SET accepted_at = ? WHERE id = ?", arguments: [now, id.rawValue])
            return user
        }
    }

    // MARK: Integration tokens

    /// Records a token for the Admin API, known by its SHA-256.
    public func createAPIToken(name: String, scope: TokenScope, tokenHash: [UInt8], createdBy: User.ID, now: Date) async throws -> APIToken {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count) else { throw ValidationError(field: "name", message: "Name the token (up to 200 characters) after what uses it.") }
        return try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO api_token (name, scope, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, scope.rawValue, Data(tokenHash), createdBy.rawValue, now])
            return APIToken(id: .init(db.lastInsertedRowID), name: name, scope: scope, createdAt: now, revokedAt: nil)
        }
    }

    /// Every token, revoked ones too, newest first.
    public func apiTokens() async throws -> [APIToken] {
        try await writer.read { db in try APIToken.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY id DESC") }
    }

    /// The live token with this SHA-256, or `nil`.
    public func apiToken(hash: [UInt8]) async throws -> APIToken? {
        try await writer.read { db in
            try APIToken.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_token WHERE token_hash = ? AND revoked_at IS NULL"), arguments: [Data(hash)])
        }
    }

    /// Revokes a token.
    public func revokeAPIToken(_ id: APIToken.ID, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [now, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }

    // MARK: Articles

    /// A page of articles in any state, most recently changed first.
    public func newsroomArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<NewsroomArticle> {
        try await writer.read { db in
            let (condition, arguments) = NewsroomQueries.condition(filter)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article a WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.title, a.status, a.submitted_at, a.trashed_at, a.published_at, a.updated_at, a.owner_user_id,
                        s.name AS section_name,
                        (SELECT group_concat(name, char(31)) FROM (SELECT au.name FROM article_author aa JOIN author au ON au.id = aa.author_id
                            WHERE aa.article_id = a.id ORDER BY aa.position)) AS author_names
                    FROM article a JOIN section s ON s.id = a.section_id
                    WHERE \(condition) ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [page.size, page.offset])
            let items = rows.map { row in
                let names: String? = row["author_names"]
                let owner: Int64? = row["owner_user_id"]
                return NewsroomArticle(
                    id: .init(row["id"]), title: row["title"], state: NewsroomQueries.state(row), sectionName: row["section_name"],
                    authorNames: names.map { $0.split(separator: "\u{1F}").map(String.init) } ?? [], publishedAt: row["published_at"],
                    updatedAt: row["updated_at"], ownerID: owner.map(User.ID.init))
            }
            return Page(items: items, request: page, totalItems: total)
        }
    }

    /// Stores a new draft started by `author`, with its first revision.
    public func createDraft(_ content: ArticleContent, by author: ChangeAuthor, now: Date) async throws -> Article {
        try await write { db in
            let id = try ArticleColumns.insert(db, content, status: .draft, publishedAt: nil, now: now)
            try db.execute(sql: "UPDATE article SET owner_user_id = ? WHERE id = ?", arguments: [author.userID?.rawValue, id.rawValue])
            try Revisions.record(db, article: id, content: content, by: author.name, kind: .created, now: now)
            guard let article = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return article
        }
    }

    /// Saves new content with a revision if the article is still at `expectedVersion`; otherwise keeps
    /// the refused content as a `conflict` revision and throws `EditConflict`.
    public func saveArticle(
        _ id: Article.ID, content: ArticleContent, expectedVersion: Int, by author: ChangeAuthor, kind: RevisionKind, now: Date
    ) async throws -> Article {
        let outcome: Result<Article, EditConflict> = try await write { db in
            guard let current = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            guard current.version == expectedVersion else {
                let kept = try Revisions.record(db, article: id, content: content, by: author.name, kind: .conflict, now: now)
                return .failure(EditConflict(currentVersion: current.version, keptRevision: kept))
            }
            try ArticleColumns.update(db, current, to: content, now: now)
            try Revisions.record(db, article: id, content: content, by: author.name, kind: kind, now: now)
            guard let saved = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return .success(saved)
        }
        return try outcome.get()
    }

    /// Moves an article through the workflow; throws `WorkflowError` when the move makes no sense.
    public func applyWorkflow(_ action: WorkflowAction, to id: Article.ID, now: Date) async throws -> Article {
        try await write { db in
            guard let article = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            let state = WorkflowState(of: article)
            let change: (sql: String, arguments: StatementArguments)
            switch action {
            case .submit:
                guard state == .draft else { throw WorkflowError("Only a draft can be submitted for review; this article is \(state.displayName.lowercased()).") }
                change = ("submitted_at = ?", [now])
            case .publish:
                guard state != .trash else { throw WorkflowError("Restore the article from the trash before publishing it.") }
                guard state != .published else { throw WorkflowError("This article is already published.") }
                let keepsDate = article.status == .draft && article.publishedAt.map { $0 <= now } == true
                change = ("status = 'published', published_at = ?, submitted_at = NULL", [keepsDate ? article.publishedAt : now])
            case .schedule(let time):
                guard state != .trash else { throw WorkflowError("Restore the article from the trash before scheduling it.") }
                guard state != .published else { throw WorkflowError("This article is already published; unpublish it first to schedule it.") }
                guard time > now else { throw WorkflowError("Choose a time in the future to schedule the article.") }
                change = ("status = 'scheduled', published_at = ?, submitted_at = NULL", [time])
            case .unpublish:
                guard state == .published || state == .scheduled else { throw WorkflowError("Only a published or scheduled article can be unpublished.") }
                change = ("status = 'draft', published_at = CASE WHEN status = 'scheduled' THEN NULL ELSE published_at END", [])
            case .trash:
                guard state != .trash else { throw WorkflowError("This article is already in the trash.") }
                change = ("status = 'draft', trashed_at = ?, submitted_at = NULL, published_at = CASE WHEN status = 'scheduled' THEN NULL ELSE published_at END", [now])
            case .restore:
                guard state == .trash else { throw WorkflowError("Only an article in the trash can be restored.") }
                change = ("trashed_at = NULL", [])
            }
            try db.execute(
                sql: "UPDATE article SET \(change.sql), version = version + 1, updated_at = ? WHERE id = ?",
                arguments: change.arguments + [now, id.rawValue])
            try SearchIndex.update(db, article: id)
            guard let changed = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return changed
        }
    }

    /// Publishes every scheduled article whose time has come; returns how many.
    public func publishDueArticles(now: Date) async throws -> Int {
        let due = try await writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM article WHERE status = 'scheduled' AND published_at <= ?", arguments: [now])
        }
        guard !due.isEmpty else { return 0 }
        return try await write { db in
            var published = 0
            for id in due {
                try db.execute(
                    sql: "UPDATE article SET status = 'published', version = version + 1 WHERE id = ? AND status = 'scheduled' AND published_at <= ?",
                    arguments: [id, now])
                guard db.changesCount == 1 else { continue }
                try SearchIndex.update(db, article: Article.ID(id))
                published += 1
            }
            return published
        }
    }

    /// The earliest time a scheduled article goes live, if any is scheduled.
    public func nextScheduledPublication() async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(published_at) FROM article WHERE status = 'scheduled'")
        }
    }

    /// The revisions of an article, newest first.
    public func revisions(of id: Article.ID) async throws -> [Revision] {
        try await writer.read { db in
            try Revision.fetchAll(db, sql: "SELECT * FROM revision WHERE article_id = ? ORDER BY id DESC", arguments: [id.rawValue])
        }
    }

    /// An article in any state with everything its page shows, for previews.
    public func articlePreview(_ id: Article.ID, relatedLimit: Int) async throws -> ArticleDetail? {
        try await writer.read { db in
            guard let article = try ArticleColumns.fetch(db, id: id) else { return nil }
            return try ArticleDetails.fetch(db, article: article, relatedLimit: relatedLimit)
        }
    }

    // MARK: Media library

    /// A page of media, newest first, optionally only those whose text mentions `search`.
    public func mediaLibrary(search: String, page: PageRequest) async throws -> Page<MediaItem> {
        try await writer.read { db in
            let pattern = "%" + NewsroomQueries.likeEscaped(search) + "%"
            let condition = "(alt LIKE ?1 ESCAPE '\\' OR caption LIKE ?1 ESCAPE '\\' OR credit LIKE ?1 ESCAPE '\\' OR file_name LIKE ?1 ESCAPE '\\')"
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM media WHERE \(condition)", arguments: [pattern]) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT *, \(MediaUsage.countSQL) AS usage_count FROM media m WHERE \(condition) ORDER BY id DESC LIMIT ?2 OFFSET ?3",
                arguments: [pattern, page.size, page.offset])
            let items = try rows.map { MediaItem(media: try Media(row: $0), usageCount: $0["usage_count"]) }
            return Page(items: items, request: page, totalItems: total)
        }
    }

    /// The media record with this id, or `nil`.
    public func media(_ id: Media.ID) async throws -> Media? {
        try await writer.read { db in try Media.fetchOne(db, sql: "SELECT * FROM media WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// The media record stored under this file name, or `nil`.
    public func media(fileName: String) async throws -> Media? {
        try await writer.read { db in try Media.fetchOne(db, sql: "SELECT * FROM media WHERE file_name = ?", arguments: [fileName]) }
    }

    /// Changes the text shown with an image wherever it is used.
    public func updateMediaText(_ id: Media.ID, alt: String, caption: String, credit: String) async throws -> Media {
        try await write { db in
            try db.execute(sql: "UPDATE media SET alt = ?, caption = ?, credit = ? WHERE id = ?", arguments: [alt, caption, credit, id.rawValue])
            guard let media = try Media.fetchOne(db, sql: "SELECT * FROM media WHERE id = ?", arguments: [id.rawValue]) else { throw StoreError.notFound }
            return media
        }
    }

    /// Deletes an unused media record; throws `StoreError.inUse` when something shows it.
    public func deleteMedia(_ id: Media.ID) async throws {
        try await write { db in
            let uses = try Int.fetchOne(db, sql: "SELECT \(MediaUsage.countSQL) FROM media m WHERE m.id = ?", arguments: [id.rawValue])
            guard let uses else { throw StoreError.notFound }
            guard uses == 0 else { throw StoreError.inUse("This image is used in \(uses) place\(uses == 1 ? "" : "s"); remove it there first.") }
            try db.execute(sql: "DELETE FROM media WHERE id = ?", arguments: [id.rawValue])
        }
    }

    // MARK: Site management

    /// Changes a section; a new slug leaves the old one redirecting.
    public func updateSection(_ id: Section.ID, _ changes: NewSection) async throws {
        try await write { db in
            try Renames.move(db, kind: .section, id: id.rawValue, to: changes.slug)
            try db.execute(
                sql: "UPDATE section SET name = ?, description = ?, position = ? WHERE id = ?",
                arguments: [changes.name, changes.description, changes.position, id.rawValue])
        }
    }

    /// Changes a topic; a new slug leaves the old one redirecting.
    public func updateTopic(_ id: Topic.ID, _ changes: NewTerm) async throws {
        try await write { db in
            try Renames.move(db, kind: .topic, id: id.rawValue, to: changes.slug)
            try db.execute(sql: "UPDATE topic SET name = ?, description = ? WHERE id = ?", arguments: [changes.name, changes.description, id.rawValue])
            try Renames.reindex(db, sql: "SELECT article_id FROM article_topic WHERE topic_id = ?", id: id.rawValue)
        }
    }

    /// Changes a series; a new slug leaves the old one redirecting.
    public func updateSeries(_ id: Series.ID, _ changes: NewTerm) async throws {
        try await write { db in
            try Renames.move(db, kind: .series, id: id.rawValue, to: changes.slug)
            try db.execute(sql: "UPDATE series SET name = ?, description = ? WHERE id = ?", arguments: [changes.name, changes.description, id.rawValue])
            try Renames.reindex(db, sql: "SELECT id FROM article WHERE series_id = ?", id: id.rawValue)
        }
    }

    /// Changes an author; a new slug leaves the old one redirecting.
    public func updateAuthor(_ id: Author.ID, _ changes: NewAuthor) async throws {
        try await write { db in
            try Renames.move(db, kind: .author, id: id.rawValue, to: changes.slug)
            try db.execute(
                sql: "UPDATE author SET name = ?, bio = ?, photo_media_id = ?, links = ? WHERE id = ?",
                arguments: [changes.name, changes.bio, changes.photoID?.rawValue, try JSONColumn.encode(changes.links), id.rawValue])
            try Renames.reindex(db, sql: "SELECT article_id FROM article_author WHERE author_id = ?", id: id.rawValue)
        }
    }

    /// Puts the sections in this navigation order; sections not listed keep their place after them.
    public func orderSections(_ ids: [Section.ID]) async throws {
        try await write { db in
            let others = try Int64.fetchAll(db, sql: "SELECT id FROM section ORDER BY position, name").filter { !ids.map(\.rawValue).contains($0) }
            for (position, id) in (ids.map(\.rawValue) + others).enumerated() {
                try db.execute(sql: "UPDATE section SET position = ? WHERE id = ?", arguments: [position, id])
            }
        }
    }
}

/// Account rows.
enum Accounts {
    /// Inserts an account and an author profile named after it (with a free slug).
    static func insert(_ db: Database, _ new: NewUser, now: Date) throws -> User {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM user WHERE email = ?", arguments: [new.email.rawValue]) == nil else {
            throw StoreError.duplicate("An account with the address \(new.email) exists already.")
        }
        let base = Slug.derived(from: new.name)?.rawValue ?? "author"
        var slug = base
        var suffix = 2
        while try Int.fetchOne(db, sql: "SELECT 1 FROM author WHERE slug = ?", arguments: [slug]) != nil {
            slug = "\(base.prefix(Slug.maximumLength - 8))-\(suffix)"
            suffix += 1
        }
        try db.execute(sql: "INSERT INTO author (slug, name) VALUES (?, ?)", arguments: [slug, new.name])
        let authorID = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO user (email, name, role, password_hash, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [new.email.rawValue, new.name, new.role.rawValue, new.passwordHash, authorID, now])
        return User(id: .init(db.lastInsertedRowID), email: new.email, name: new.name, role: new.role, authorID: .init(authorID), createdAt: now)
    }
}

/// Revision rows: each keeps the editable fields as JSON and as readable text for diffs.
enum Revisions {
    @discardableResult
    static func record(_ db: Database, article: Article.ID, content: ArticleContent, by name: String, kind: RevisionKind, now: Date) throws -> Revision.ID {
        let draft = ArticleDraft(content)
        let snapshot = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO revision (article_id, saved_by, saved_at, kind, title, text, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [article.rawValue, name, now, kind.rawValue, content.title, try text(db, content), snapshot])
        return Revision.ID(db.lastInsertedRowID)
    }

    /// The fields written out one per line, with names instead of ids, then the body.
    private static func text(_ db: Database, _ content: ArticleContent) throws -> String {
        func names(_ table: String, _ ids: [Int64]) throws -> String {
            try ids.compactMap { try String.fetchOne(db, sql: "SELECT name FROM \(table) WHERE id = ?", arguments: [$0]) }.joined(separator: ", ")
        }
        let media = try content.topMediaID.flatMap {
            try String.fetchOne(db, sql: "SELECT alt FROM media WHERE id = ?", arguments: [$0.rawValue])
        }
        let lines = [
            "Headline: \(content.title)",
            "Dek: \(content.dek)",
            "Slug: \(content.slug)",
            "Format: \(content.format.displayName)",
            "Section: \(try names("section", [content.sectionID.rawValue]))",
            "Series: \(try names("series", content.seriesID.map { [$0.rawValue] } ?? []))",
            "Topics: \(try names("topic", content.topicIDs.map(\.rawValue)))",
            "Authors: \(try names("author", content.authorIDs.map(\.rawValue)))",
            "Top image: \(media ?? "")",
            "SEO title: \(content.seo.title ?? "")",
            "SEO description: \(content.seo.description ?? "")",
            "Canonical URL: \(content.seo.canonicalURL ?? "")",
            "",
        ]
        return lines.joined(separator: "\n") + "\n" + content.body.markdown
    }
}

/// Slug changes of sections, topics, series and authors.
enum Renames {
    /// Gives a record a new slug, leaving its old one redirecting.
    static func move(_ db: Database, kind: RedirectKind, id: Int64, to slug: Slug) throws {
        guard let old = try String.fetchOne(db, sql: "SELECT slug FROM \(kind.rawValue) WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound
        }
        guard old != slug.rawValue else { return }
        try ensureSlugIsFree(db, table: kind.rawValue, slug: slug, except: id)
        try db.execute(sql: "UPDATE \(kind.rawValue) SET slug = ? WHERE id = ?", arguments: [slug.rawValue, id])
        try Redirects.record(db, kind: kind, from: old, to: slug.rawValue, target: id)
    }

    /// Refreshes the search text of the articles `sql` selects, after a name they show changed.
    static func reindex(_ db: Database, sql: String, id: Int64) throws {
        for article in try Int64.fetchAll(db, sql: sql, arguments: [id]) {
            try SearchIndex.update(db, article: Article.ID(article))
        }
    }
}

/// How many places show a media record `m`.
enum MediaUsage {
    static let countSQL = """
        ((SELECT COUNT(*) FROM article WHERE top_media_id = m.id) + (SELECT COUNT(*) FROM author WHERE photo_media_id = m.id)
         + (SELECT COUNT(*) FROM site_settings WHERE logo_media_id = m.id))
        """
}

/// Conditions of the newsroom's article list.
enum NewsroomQueries {
    static func condition(_ filter: ArticleListFilter) -> (String, StatementArguments) {
        var parts: [String] = []
        var arguments: StatementArguments = []
        switch filter.state {
        case nil: parts.append("a.trashed_at IS NULL")
        case .trash: parts.append("a.trashed_at IS NOT NULL")
        case .draft: parts.append("a.trashed_at IS NULL AND a.status = 'draft' AND a.submitted_at IS NULL")
        case .review: parts.append("a.trashed_at IS NULL AND a.status = 'draft' AND a.submitted_at IS NOT NULL")
        case .scheduled: parts.append("a.status = 'scheduled'")
        case .published: parts.append("a.status = 'published'")
        }
        if let section = filter.sectionID {
            parts.append("a.section_id = ?")
            arguments += [section.rawValue]
        }
        if let series = filter.seriesID {
            parts.append("a.series_id = ?")
            arguments += [series.rawValue]
        }
        if let author = filter.authorID {
            parts.append("EXISTS (SELECT 1 FROM article_author aa WHERE aa.article_id = a.id AND aa.author_id = ?)")
            arguments += [author.rawValue]
        }
        if let owner = filter.ownerID {
            parts.append("a.owner_user_id = ?")
            arguments += [owner.rawValue]
        }
        let search = filter.titleSearch.trimmingCharacters(in: .whitespacesAndNewlines)
        if !search.isEmpty {
            parts.append("a.title LIKE ? ESCAPE '\\'")
            arguments += ["%" + likeEscaped(search) + "%"]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    /// The workflow state of a row with `status`, `submitted_at` and `trashed_at`.
    static func state(_ row: Row) -> WorkflowState {
        let trashed: Date? = row["trashed_at"]
        let submitted: Date? = row["submitted_at"]
        if trashed != nil { return .trash }
        switch row["status"] as String {
        case "published": return .published
        case "scheduled": return .scheduled
        default: return submitted == nil ? .draft : .review
        }
    }

    /// `text` with the LIKE wildcards escaped by a backslash.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}

extension User: FetchableRecord {
    public init(row: Row) throws {
        let author: Int64? = row["author_id"]
        guard let role = Role(rawValue: row["role"]) else { throw StoreError.missingReference("user \(row["id"] as Int64) has an unknown role") }
        self.init(
            id: .init(row["id"]), email: try EmailAddress(row["email"]), name: row["name"], role: role, authorID: author.map(Author.ID.init),
            createdAt: row["created_at"])
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

extension Revision: FetchableRecord {
    public init(row: Row) throws {
        guard let kind = RevisionKind(rawValue: row["kind"]) else { throw StoreError.missingReference("revision with an unknown kind") }
        let snapshot: String = row["snapshot"]
        self.init(
            id: .init(row["id"]), articleID: .init(row["article_id"]), savedBy: row["saved_by"], savedAt: row["saved_at"], kind: kind,
            text: row["text"], title: row["title"], draft: try JSONDecoder().decode(ArticleDraft.self, from: Data(snapshot.utf8)))
    }
}

extension APIToken: FetchableRecord {
    public init(row: Row) throws {
        guard let scope = TokenScope(rawValue: row["scope"]) else { throw StoreError.missingReference("token with an unknown scope") }
        self.init(id: .init(row["id"]), name: row["name"], scope: scope, createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
