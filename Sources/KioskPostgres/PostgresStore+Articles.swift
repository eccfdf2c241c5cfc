import Foundation
import KioskCore
import KioskStore
import PostgresNIO

extension PostgresStore {
    /// Stores a new article as it is given; throws `StoreError` for a taken slug or a missing reference.
    public func createArticle(_ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) async throws -> Article {
        try await write(status == .published ? .readers : .newsroom) { connection in
            let id = try await ArticleColumns.insert(connection, content, status: status, publishedAt: publishedAt, now: now)
            return Article(id: id, content: content, status: status, publishedAt: publishedAt, createdAt: now, updatedAt: now)
        }
    }

    /// Stores many published articles in one transaction; nothing is stored if any of them is refused.
    public func createPublishedArticles(_ articles: [(content: ArticleContent, publishedAt: Date)]) async throws {
        let articles = articles.map { ($0.content, $0.publishedAt) }
        try await write(.readers) { connection in
            for (content, publishedAt) in articles {
                _ = try await ArticleColumns.insert(connection, content, status: .published, publishedAt: publishedAt, now: publishedAt)
            }
        }
    }

    /// Stores a new draft started by `owner`, with its first revision.
    public func createDraft(_ content: ArticleContent, owner: User.ID?, revision: NewRevision, now: Date) async throws -> Article {
        try await write(.newsroom) { connection in
            let id = try await ArticleColumns.insert(connection, content, status: .draft, publishedAt: nil, now: now)
            try await connection.execute("UPDATE article SET owner_user_id = \(owner?.rawValue) WHERE id = \(id.rawValue)")
            try await Revisions.record(connection, article: id, revision, now: now)
            guard let article = try await ArticleColumns.fetch(connection, id: id) else { throw StoreError.notFound }
            return article
        }
    }

    /// Changes an article as `decide` says, given the article as stored (its row locked), all in one transaction.
    public func changeArticle(_ id: Article.ID, now: Date, _ decide: @escaping @Sendable (Article) throws -> ArticleChange) async throws -> Article {
        try await write { connection in
            guard let current = try await ArticleColumns.fetch(connection, id: id, locking: true) else { throw StoreError.notFound }
            let change = try decide(current)
            if let content = change.content {
                try await ArticleColumns.update(connection, current, to: content)
            }
            if let state = change.state {
                try await connection.execute(
                    """
                    UPDATE article SET status = \(state.status.rawValue), published_at = \(state.publishedAt), submitted_at = \(state.submittedAt),
                        trashed_at = \(state.trashedAt)
                    WHERE id = \(id.rawValue)
                    """)
            }
            try await connection.execute("UPDATE article SET version = version + 1, updated_at = \(now) WHERE id = \(id.rawValue)")
            try await SearchIndex.update(connection, article: id)
            if let revision = change.revision {
                try await Revisions.record(connection, article: id, revision, now: now)
            }
            guard let changed = try await ArticleColumns.fetch(connection, id: id) else { throw StoreError.notFound }
            return (changed, change.visibleToReaders ? .readers : .newsroom)
        }
    }

    /// Keeps a revision without changing the article; returns its id.
    public func addRevision(_ revision: NewRevision, to id: Article.ID, now: Date) async throws -> Revision.ID {
        try await write(.newsroom) { connection in try await Revisions.record(connection, article: id, revision, now: now) }
    }

    /// The article with this id in any status, or `nil`.
    public func article(_ id: Article.ID) async throws -> Article? {
        try await read { connection in try await ArticleColumns.fetch(connection, id: id) }
    }

    /// How many articles exist in any status.
    public func articleCount() async throws -> Int {
        try await read { connection in Int(try await connection.value("SELECT count(*) FROM article", as: Int64.self) ?? 0) }
    }

    /// A page of articles in any state, most recently changed first.
    public func newsroomArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<NewsroomArticle> {
        try await read { connection in
            var count = SQLBuilder("SELECT count(*) FROM article a WHERE ")
            NewsroomQueries.condition(filter, into: &count)
            let total = Int(try await connection.value(count.query, as: Int64.self) ?? 0)
            var sql = SQLBuilder(
                """
                SELECT a.id, a.title, a.status, a.submitted_at, a.trashed_at, a.published_at, a.updated_at, a.owner_user_id,
                    s.name AS section_name,
                    ARRAY(SELECT au.name FROM article_author aa JOIN author au ON au.id = aa.author_id WHERE aa.article_id = a.id ORDER BY aa.position)
                        AS author_names
                FROM article a JOIN section s ON s.id = a.section_id
                WHERE 
                """)
            NewsroomQueries.condition(filter, into: &sql)
            sql.append(" ORDER BY a.updated_at DESC, a.id DESC LIMIT \(sql.bind(page.size)) OFFSET \(sql.bind(page.offset))")
            let items = try await connection.rows(sql.query).map { row in
                let owner: Int64? = try row.get("owner_user_id")
                return NewsroomArticle(
                    id: .init(try row.get("id")), title: try row.get("title"), state: try NewsroomQueries.state(row), sectionName: try row.get("section_name"),
                    authorNames: try row.get("author_names"), publishedAt: try row.get("published_at"), updatedAt: try row.get("updated_at"),
                    ownerID: owner.map(User.ID.init))
            }
            return Page(items: items, request: page, totalItems: total)
        }
    }

    /// Publishes every scheduled article whose time has come; returns how many. The `WHERE` on the
    /// status makes it happen once, however many nodes run it at the same moment.
    public func publishDueArticles(now: Date) async throws -> Int {
        let due = try await read { connection in
            try await connection.value("SELECT 1 FROM article WHERE status = 'scheduled' AND published_at <= \(now) LIMIT 1", as: Int32.self) != nil
        }
        guard due else { return 0 }
        return try await write { connection in
            let published = try await connection.values(
                """
                UPDATE article SET status = 'published', version = version + 1
                WHERE status = 'scheduled' AND published_at <= \(now) RETURNING id
                """, as: Int64.self)
            try await SearchIndex.update(connection, articles: published)
            return (published.count, published.isEmpty ? .newsroom : .readers)
        }
    }

    /// The earliest time a scheduled article goes live, if any is scheduled.
    public func nextScheduledPublication() async throws -> Date? {
        try await read { connection in
            try await connection.value("SELECT min(published_at) FROM article WHERE status = 'scheduled'", as: Date.self)
        }
    }

    /// The revisions of an article, newest first.
    public func revisions(of id: Article.ID) async throws -> [Revision] {
        try await read { connection in
            try await connection.rows("SELECT * FROM revision WHERE article_id = \(id.rawValue) ORDER BY id DESC").map(Records.revision)
        }
    }

    /// An article in any state with everything its page shows, for previews.
    public func articlePreview(_ id: Article.ID, relatedLimit: Int) async throws -> ArticleDetail? {
        try await read { connection in
            guard let article = try await ArticleColumns.fetch(connection, id: id) else { return nil }
            return try await ArticleDetails.fetch(connection, article: article, relatedLimit: relatedLimit)
        }
    }
}

/// Revision rows: each keeps the editable fields as JSON and as readable text for diffs.
enum Revisions {
    @discardableResult
    static func record(_ connection: Connection, article: Article.ID, _ revision: NewRevision, now: Date) async throws -> Revision.ID {
        let id: Int64? = try await connection.value(
            """
            INSERT INTO revision (article_id, saved_by, saved_at, kind, title, text, snapshot)
            VALUES (\(article.rawValue), \(revision.savedBy), \(now), \(revision.kind.rawValue), \(revision.title), \(revision.text), \(revision.snapshot))
            RETURNING id
            """)
        return Revision.ID(id ?? 0)
    }
}

/// Conditions of the newsroom's article list.
enum NewsroomQueries {
    static func condition(_ filter: ArticleListFilter, into sql: inout SQLBuilder) {
        var parts: [String] = []
        switch filter.state {
        case nil: parts.append("a.trashed_at IS NULL")
        case .trash: parts.append("a.trashed_at IS NOT NULL")
        case .draft: parts.append("a.trashed_at IS NULL AND a.status = 'draft' AND a.submitted_at IS NULL")
        case .review: parts.append("a.trashed_at IS NULL AND a.status = 'draft' AND a.submitted_at IS NOT NULL")
        case .scheduled: parts.append("a.status = 'scheduled'")
        case .published: parts.append("a.status = 'published'")
        }
        if let section = filter.sectionID { parts.append("a.section_id = \(sql.bind(section.rawValue))") }
        if let series = filter.seriesID { parts.append("a.series_id = \(sql.bind(series.rawValue))") }
        if let author = filter.authorID {
            parts.append("EXISTS (SELECT 1 FROM article_author aa WHERE aa.article_id = a.id AND aa.author_id = \(sql.bind(author.rawValue)))")
        }
        if let owner = filter.ownerID { parts.append("a.owner_user_id = \(sql.bind(owner.rawValue))") }
        let search = filter.titleSearch.trimmingCharacters(in: .whitespacesAndNewlines)
        if !search.isEmpty { parts.append("a.title ILIKE \(sql.bind("%" + Patterns.likeEscaped(search) + "%"))") }
        sql.append(parts.joined(separator: " AND "))
    }

    /// The workflow state of a row with `status`, `published_at`, `submitted_at` and `trashed_at`.
    static func state(_ row: PostgresRandomAccessRow) throws -> WorkflowState {
        WorkflowState(
            ArticleState(
                status: ArticleStatus(rawValue: try row.get("status")) ?? .draft, publishedAt: try row.get("published_at"),
                submittedAt: try row.get("submitted_at"), trashedAt: try row.get("trashed_at")))
    }
}
