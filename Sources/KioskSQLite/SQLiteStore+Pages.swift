import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    /// Stores a new page with its first revision; throws `StoreError.slugTaken` when another page has its slug.
    public func createPage(_ content: PageContent, status: PageStatus, revision: NewPageRevision, now: Date) async throws -> SitePage {
        try await write { db in
            let id = try PageColumns.insert(db, content, status: status, publishedAt: status == .published ? now : nil, createdAt: now, updatedAt: now)
            try PageColumns.record(db, page: id, revision, now: now)
            guard let page = try PageColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return (page, status == .published ? .readers : .newsroom)
        }
    }

    /// Changes a page as `decide` says, given the page as stored, in one transaction.
    public func changePage(_ id: SitePage.ID, now: Date, _ decide: @escaping @Sendable (SitePage) throws -> PageChange) async throws -> SitePage {
        try await write { db in
            guard let current = try PageColumns.fetch(db, id: id) else { throw StoreError.notFound }
            let change = try decide(current)
            if let content = change.content {
                try Renames.move(db, kind: .page, id: id.rawValue, to: content.slug)
                try db.execute(
                    sql: """
                        UPDATE page SET slug = ?, title = ?, top_media_id = ?, placement = ?, position = ?, body_markdown = ?, body_html = ?,
                            opening_html = ?, excerpt = ? WHERE id = ?
                        """,
                    arguments: PageColumns.contentArguments(content) + [id.rawValue])
            }
            try db.execute(
                sql: "UPDATE page SET status = ?, published_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
                arguments: [change.status.rawValue, change.publishedAt, now, id.rawValue])
            if let revision = change.revision {
                try PageColumns.record(db, page: id, revision, now: now)
            }
            guard let changed = try PageColumns.fetch(db, id: id) else { throw StoreError.notFound }
            return (changed, change.visibleToReaders ? .readers : .newsroom)
        }
    }

    /// Deletes a page, its revisions and its old addresses.
    public func deletePage(_ id: SitePage.ID) async throws {
        try await write(.readers) { db in
            try db.execute(sql: "DELETE FROM slug_redirect WHERE kind = 'page' AND target_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM page WHERE id = ?", arguments: [id.rawValue])
            guard db.changesCount > 0 else { throw StoreError.notFound }
        }
    }

    /// The page with this id in any status, or `nil`.
    public func page(_ id: SitePage.ID) async throws -> SitePage? {
        try await read { db in try PageColumns.fetch(db, id: id) }
    }

    /// A page of pages in any status, by title.
    public func newsroomPages(_ page: PageRequest) async throws -> Page<SitePage> {
        try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM page ORDER BY title, id LIMIT ? OFFSET ?", arguments: [page.size, page.offset])
            return Page(items: try rows.map(PageColumns.page), request: page, totalItems: total)
        }
    }

    /// The revisions of a page, newest first.
    public func pageRevisions(of id: SitePage.ID) async throws -> [PageRevision] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM page_revision WHERE page_id = ? ORDER BY id DESC", arguments: [id.rawValue]).map(PageColumns.revision)
        }
    }

    /// A published page with its top image, or where its slug moved.
    public func publishedPage(_ slug: Slug) async throws -> SlugLookup<PageDetail> {
        try await read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM page WHERE slug = ? AND status = 'published'"), arguments: [slug.rawValue])
            else { return try Redirects.lookup(db, kind: .page, slug: slug, table: "page", visibleOnly: true) }
            let page = try PageColumns.page(row)
            let image = try page.content.topMediaID.flatMap {
                try Media.fetchOne(db.cachedStatement(sql: "SELECT * FROM media WHERE id = ?"), arguments: [$0.rawValue])
            }
            return .found(PageDetail(page: page, topImage: image))
        }
    }
}

/// Reading and writing the `page` and `page_revision` tables.
enum PageColumns {
    /// The content columns in the order the statements above list them.
    static func contentArguments(_ content: PageContent) -> StatementArguments {
        [
            content.slug.rawValue, content.title, content.topMediaID?.rawValue, content.placement.rawValue, content.position,
            content.body.markdown, content.body.html, content.body.openingHTML, content.body.excerpt,
        ]
    }

    /// Inserts a page; throws `StoreError.slugTaken` when another page has its slug.
    static func insert(_ db: Database, _ content: PageContent, status: PageStatus, publishedAt: Date?, createdAt: Date, updatedAt: Date) throws -> SitePage.ID {
        try ensureSlugIsFree(db, table: "page", slug: content.slug)
        try db.execute(
            sql: """
                INSERT INTO page (slug, title, top_media_id, placement, position, body_markdown, body_html, opening_html, excerpt,
                    status, published_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: contentArguments(content) + [status.rawValue, publishedAt, createdAt, updatedAt])
        let id = SitePage.ID(db.lastInsertedRowID)
        try Redirects.forget(db, kind: .page, slug: content.slug.rawValue)
        return id
    }

    static func fetch(_ db: Database, id: SitePage.ID) throws -> SitePage? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM page WHERE id = ?"), arguments: [id.rawValue]).map(page)
    }

    static func page(_ row: Row) throws -> SitePage {
        let media: Int64? = row["top_media_id"]
        let content = try PageContent(
            slug: try Slug(column: row, "slug"), title: row["title"],
            body: RenderedBody(markdown: row["body_markdown"], html: row["body_html"], openingHTML: row["opening_html"], excerpt: row["excerpt"]),
            topMediaID: media.map(Media.ID.init), placement: PagePlacement(rawValue: row["placement"]) ?? .none, position: row["position"])
        return SitePage(
            id: .init(row["id"]), content: content, status: PageStatus(rawValue: row["status"]) ?? .draft, publishedAt: row["published_at"],
            createdAt: row["created_at"], updatedAt: row["updated_at"], version: row["version"])
    }

    static func revision(_ row: Row) throws -> PageRevision {
        let media: Int64? = row["top_media_id"]
        return PageRevision(
            id: .init(row["id"]), pageID: .init(row["page_id"]), savedBy: row["saved_by"], savedAt: row["saved_at"],
            kind: RevisionKind(rawValue: row["kind"]) ?? .saved,
            draft: PageDraft(
                title: row["title"], slug: row["slug"], markdown: row["body_markdown"], topMediaID: media.map(Media.ID.init),
                placement: PagePlacement(rawValue: row["placement"]) ?? .none, position: row["position"]))
    }

    static func record(_ db: Database, page: SitePage.ID, _ revision: NewPageRevision, now: Date) throws {
        let draft = revision.draft
        try db.execute(
            sql: """
                INSERT INTO page_revision (page_id, saved_by, saved_at, kind, title, slug, body_markdown, top_media_id, placement, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                page.rawValue, revision.savedBy, now, revision.kind.rawValue, draft.title, draft.slug, draft.markdown, draft.topMediaID?.rawValue,
                draft.placement.rawValue, draft.position,
            ])
    }
}
