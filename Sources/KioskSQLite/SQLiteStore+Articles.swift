import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    /// Stores a new article as it is given; throws `StoreError` for a taken slug or a missing reference.
    public func createArticle(_ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) async throws -> Article {
        try await write(status == .published ? .readers : .newsroom) { db in
            let id = try ArticleColumns.insert(db, content, status: status, publishedAt: publishedAt, now: now)
            return Article(id: id, content: content, status: status, publishedAt: publishedAt, createdAt: now, updatedAt: now)
        }
    }

    /// Stores many published articles in one transaction; nothing is stored if any of them is refused.
    public func createPublishedArticles(_ articles: [(content: ArticleContent, publishedAt: Date)]) async throws {
        try await write(.readers) { db in
            for article in articles {
                _ = try ArticleColumns.insert(db, article.content, status: .published, publishedAt: article.publishedAt, now: article.publishedAt)
            }
        }
    }

    /// Stores a new draft started by `owner`, with its first revision.
    public func createDraft(_ content: ArticleContent, owner: User.ID?, revision: NewRevision, now: Date) async throws -> Article {
        try await write(.newsroom) { db in
            let id = try ArticleColumns.insert(db, content, status: .draft, publishedAt: nil, now: now)
            try db.execute(sql: "UPDATE article SET owner_user_id = ? WHERE id = ?", arguments: [owner?.rawValue, id.rawValue])
            try Revisions.record(db, article: id, revision, now: now)
            guard let article = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return article
        }
    }

    /// Changes an article as `decide` says, given the article as stored, all in one transaction.
    public func changeArticle(_ id: Article.ID, now: Date, _ decide: @escaping @Sendable (Article) throws -> ArticleChange) async throws -> Article {
        try await write { db in
            guard let current = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            let change = try decide(current)
            if let content = change.content {
                try ArticleColumns.update(db, current, to: content)
            }
            if let state = change.state {
                try db.execute(
                    sql: "UPDATE article SET status = ?, published_at = ?, submitted_at = ?, trashed_at = ? WHERE id = ?",
                    arguments: [state.status.rawValue, state.publishedAt, state.submittedAt, state.trashedAt, id.rawValue])
            }
            try db.execute(sql: "UPDATE article SET version = version + 1, updated_at = ? WHERE id = ?", arguments: [now, id.rawValue])
            try SearchIndex.update(db, article: id)
            if let revision = change.revision {
                try Revisions.record(db, article: id, revision, now: now)
            }
            guard let changed = try ArticleColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return (changed, change.visibleToReaders ? .readers : .newsroom)
        }
    }

    /// Keeps a revision without changing the article; returns its id.
    public func addRevision(_ revision: NewRevision, to id: Article.ID, now: Date) async throws -> Revision.ID {
        try await write(.newsroom) { db in try Revisions.record(db, article: id, revision, now: now) }
    }

    /// The article with this id in any status, or `nil`.
    public func article(_ id: Article.ID) async throws -> Article? {
        try await read { db in try ArticleColumns.fetch(db, id: id) }
    }

    /// How many articles exist in any status.
    public func articleCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM article")) ?? 0 }
    }

    /// A page of articles in any state, most recently changed first.
    public func newsroomArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<NewsroomArticle> {
        try await read { db in
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

    /// Publishes every scheduled article whose time has come; returns how many.
    public func publishDueArticles(now: Date) async throws -> Int {
        let due = try await read { db in
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
            return (published, published > 0 ? .readers : .newsroom)
        }
    }

    /// The earliest time a scheduled article goes live, if any is scheduled.
    public func nextScheduledPublication() async throws -> Date? {
        try await read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(published_at) FROM article WHERE status = 'scheduled'")
        }
    }

    /// The revisions of an article, newest first.
    public func revisions(of id: Article.ID) async throws -> [Revision] {
        try await read { db in
            try Revision.fetchAll(db, sql: "SELECT * FROM revision WHERE article_id = ? ORDER BY id DESC", arguments: [id.rawValue])
        }
    }

    /// An article in any state with everything its page shows, for previews.
    public func articlePreview(_ id: Article.ID, relatedLimit: Int) async throws -> ArticleDetail? {
        try await read { db in
            guard let article = try ArticleColumns.fetch(db, id: id) else { return nil }
            return try ArticleDetails.fetch(db, article: article, relatedLimit: relatedLimit)
        }
    }
}

/// Revision rows: each keeps the editable fields as JSON and as readable text for diffs.
enum Revisions {
    @discardableResult
    static func record(_ db: Database, article: Article.ID, _ revision: NewRevision, now: Date) throws -> Revision.ID {
        try db.cachedStatement(sql: "INSERT INTO revision (article_id, saved_by, saved_at, kind, title, text, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [article.rawValue, revision.savedBy, now, revision.kind.rawValue, revision.title, revision.text, revision.snapshot])
        return Revision.ID(db.lastInsertedRowID)
    }
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

    /// The workflow state of a row with `status`, `published_at`, `submitted_at` and `trashed_at`.
    static func state(_ row: Row) -> WorkflowState {
        WorkflowState(
            ArticleState(
                status: ArticleStatus(rawValue: row["status"]) ?? .draft, publishedAt: row["published_at"], submittedAt: row["submitted_at"],
                trashedAt: row["trashed_at"]))
    }

    /// `text` with the LIKE wildcards escaped by a backslash.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
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

