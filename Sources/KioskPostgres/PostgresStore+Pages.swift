import Foundation
import KioskCore
import KioskStore
import PostgresNIO

extension PostgresStore {
    /// Stores a new page with its first revision; throws `StoreError.slugTaken` when another page has its slug.
    public func createPage(_ content: PageContent, status: PageStatus, revision: NewPageRevision, now: Date) async throws -> SitePage {
        try await write { connection in
            let id = try await PageColumns.insert(
                connection, content, status: status, publishedAt: status == .published ? now : nil, createdAt: now, updatedAt: now)
            try await PageColumns.record(connection, page: id, revision, now: now)
            guard let page = try await PageColumns.fetch(connection, id: id) else { throw StoreError.notFound }
            return (page, status == .published ? .readers : .newsroom)
        }
    }

    /// Changes a page as `decide` says, given the page as stored (locked), in one transaction.
    public func changePage(_ id: SitePage.ID, now: Date, _ decide: @escaping @Sendable (SitePage) throws -> PageChange) async throws -> SitePage {
        try await write { connection in
            guard let current = try await PageColumns.fetch(connection, id: id, locking: true) else { throw StoreError.notFound }
            let change = try decide(current)
            if let content = change.content {
                try await Renames.move(connection, kind: .page, id: id.rawValue, to: content.slug)
                let body = content.body
                try await connection.execute(
                    """
                    UPDATE page SET title = \(content.title), top_media_id = \(content.topMediaID?.rawValue), placement = \(content.placement.rawValue),
                        position = \(content.position), body_markdown = \(body.markdown), body_html = \(body.html), opening_html = \(body.openingHTML),
                        excerpt = \(body.excerpt)
                    WHERE id = \(id.rawValue)
                    """)
            }
            try await connection.execute(
                """
                UPDATE page SET status = \(change.status.rawValue), published_at = \(change.publishedAt), version = version + 1, updated_at = \(now)
                WHERE id = \(id.rawValue)
                """)
            if let revision = change.revision {
                try await PageColumns.record(connection, page: id, revision, now: now)
            }
            guard let changed = try await PageColumns.fetch(connection, id: id) else { throw StoreError.notFound }
            return (changed, change.visibleToReaders ? .readers : .newsroom)
        }
    }

    /// Deletes a page, its revisions and its old addresses.
    public func deletePage(_ id: SitePage.ID) async throws {
        try await write(.readers) { connection in
            try await connection.execute("DELETE FROM slug_redirect WHERE kind = 'page' AND target_id = \(id.rawValue)")
            guard try await connection.execute("DELETE FROM page WHERE id = \(id.rawValue) RETURNING id") > 0 else { throw StoreError.notFound }
        }
    }

    /// The page with this id in any status, or `nil`.
    public func page(_ id: SitePage.ID) async throws -> SitePage? {
        try await read { connection in try await PageColumns.fetch(connection, id: id) }
    }

    /// A page of pages in any status, by title.
    public func newsroomPages(_ page: PageRequest) async throws -> Page<SitePage> {
        try await read { connection in
            let total = try await connection.value("SELECT count(*) FROM page", as: Int64.self) ?? 0
            let rows = try await connection.rows("SELECT * FROM page ORDER BY title, id LIMIT \(page.size) OFFSET \(page.offset)")
            return Page(items: try rows.map(PageColumns.page), request: page, totalItems: Int(total))
        }
    }

    /// The revisions of a page, newest first.
    public func pageRevisions(of id: SitePage.ID) async throws -> [PageRevision] {
        try await read { connection in
            try await connection.rows("SELECT * FROM page_revision WHERE page_id = \(id.rawValue) ORDER BY id DESC").map(PageColumns.revision)
        }
    }

    /// A published page with its top image, or where its slug moved.
    public func publishedPage(_ slug: Slug) async throws -> SlugLookup<PageDetail> {
        try await read { connection in
            guard let row = try await connection.row("SELECT * FROM page WHERE slug = \(slug.rawValue) AND status = 'published'") else {
                return try await Redirects.lookup(connection, kind: .page, slug: slug, visibleOnly: true)
            }
            let page = try PageColumns.page(row)
            var image: Media?
            if let media = page.content.topMediaID {
                image = try await connection.row("SELECT * FROM media WHERE id = \(media.rawValue)").map { try Records.media($0) }
            }
            return .found(PageDetail(page: page, topImage: image))
        }
    }
}

/// Reading and writing the `page` and `page_revision` tables.
enum PageColumns {
    /// Inserts a page; throws `StoreError.slugTaken` when another page has its slug.
    static func insert(
        _ connection: Connection, _ content: PageContent, status: PageStatus, publishedAt: Date?, createdAt: Date, updatedAt: Date
    ) async throws -> SitePage.ID {
        try await ensureSlugIsFree(connection, table: "page", slug: content.slug)
        let body = content.body
        let id: Int64? = try await connection.value(
            """
            INSERT INTO page (slug, title, status, top_media_id, placement, position, body_markdown, body_html, opening_html, excerpt,
                published_at, created_at, updated_at)
            VALUES (\(content.slug.rawValue), \(content.title), \(status.rawValue), \(content.topMediaID?.rawValue), \(content.placement.rawValue),
                \(content.position), \(body.markdown), \(body.html), \(body.openingHTML), \(body.excerpt), \(publishedAt), \(createdAt), \(updatedAt))
            RETURNING id
            """)
        guard let id else { throw StoreError.notFound }
        try await Redirects.forget(connection, kind: .page, slug: content.slug.rawValue)
        return SitePage.ID(id)
    }

    static func fetch(_ connection: Connection, id: SitePage.ID, locking: Bool = false) async throws -> SitePage? {
        let row =
            locking
            ? try await connection.row("SELECT * FROM page WHERE id = \(id.rawValue) FOR UPDATE")
            : try await connection.row("SELECT * FROM page WHERE id = \(id.rawValue)")
        return try row.map(page)
    }

    static func page(_ row: PostgresRandomAccessRow) throws -> SitePage {
        let media = try row.get("top_media_id", as: Int64?.self)
        let content = try PageContent(
            slug: try row.slug("slug"), title: try row.get("title"),
            body: RenderedBody(
                markdown: try row.get("body_markdown"), html: try row.get("body_html"), openingHTML: try row.get("opening_html"),
                excerpt: try row.get("excerpt")),
            topMediaID: media.map(Media.ID.init), placement: PagePlacement(rawValue: try row.get("placement")) ?? .none,
            position: try row.get("position", as: Int.self))
        return SitePage(
            id: .init(try row.get("id")), content: content, status: PageStatus(rawValue: try row.get("status")) ?? .draft,
            publishedAt: try row.get("published_at"), createdAt: try row.get("created_at"), updatedAt: try row.get("updated_at"),
            version: try row.get("version", as: Int.self))
    }

    static func revision(_ row: PostgresRandomAccessRow) throws -> PageRevision {
        let media = try row.get("top_media_id", as: Int64?.self)
        return PageRevision(
            id: .init(try row.get("id")), pageID: .init(try row.get("page_id")), savedBy: try row.get("saved_by"), savedAt: try row.get("saved_at"),
            kind: RevisionKind(rawValue: try row.get("kind")) ?? .saved,
            draft: PageDraft(
                title: try row.get("title"), slug: try row.get("slug"), markdown: try row.get("body_markdown"), topMediaID: media.map(Media.ID.init),
                placement: PagePlacement(rawValue: try row.get("placement")) ?? .none, position: try row.get("position", as: Int.self)))
    }

    static func record(_ connection: Connection, page: SitePage.ID, _ revision: NewPageRevision, now: Date) async throws {
        let draft = revision.draft
        try await connection.execute(
            """
            INSERT INTO page_revision (page_id, saved_by, saved_at, kind, title, slug, body_markdown, top_media_id, placement, position)
            VALUES (\(page.rawValue), \(revision.savedBy), \(now), \(revision.kind.rawValue), \(draft.title), \(draft.slug), \(draft.markdown),
                \(draft.topMediaID?.rawValue), \(draft.placement.rawValue), \(draft.position))
            """)
    }
}
