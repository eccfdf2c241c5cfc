import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    // MARK: Taxonomy

    /// Every section, topic, series and author.
    public func taxonomy() async throws -> Taxonomy {
        try await read { db in
            Taxonomy(
                sections: try Section.fetchAll(db.cachedStatement(sql: "SELECT * FROM section ORDER BY position, name")),
                topics: try Topic.fetchAll(db.cachedStatement(sql: "SELECT * FROM topic ORDER BY name")),
                series: try Series.fetchAll(db.cachedStatement(sql: "SELECT * FROM series ORDER BY name")),
                authors: try Author.fetchAll(db.cachedStatement(sql: "SELECT * FROM author ORDER BY name")))
        }
    }

    /// Adds a section; throws `StoreError.slugTaken` if its slug is in use.
    public func createSection(_ new: NewSection) async throws -> Section {
        try await write(.readers) { db in
            try ensureSlugIsFree(db, table: "section", slug: new.slug)
            try db.execute(
                sql: "INSERT INTO section (slug, name, description, position) VALUES (?, ?, ?, ?)",
                arguments: [new.slug.rawValue, new.name, new.description, new.position])
            return Section(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, description: new.description, position: new.position)
        }
    }

    /// Adds a topic; throws `StoreError.slugTaken` if its slug is in use.
    public func createTopic(_ new: NewTerm) async throws -> Topic {
        try await write(.readers) { db in
            try ensureSlugIsFree(db, table: "topic", slug: new.slug)
            try db.execute(sql: "INSERT INTO topic (slug, name, description) VALUES (?, ?, ?)", arguments: [new.slug.rawValue, new.name, new.description])
            return Topic(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, description: new.description)
        }
    }

    /// Adds a series; throws `StoreError.slugTaken` if its slug is in use.
    public func createSeries(_ new: NewTerm) async throws -> Series {
        try await write(.readers) { db in
            try ensureSlugIsFree(db, table: "series", slug: new.slug)
            try db.execute(sql: "INSERT INTO series (slug, name, description) VALUES (?, ?, ?)", arguments: [new.slug.rawValue, new.name, new.description])
            return Series(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, description: new.description)
        }
    }

    /// Adds an author; throws `StoreError.slugTaken` if its slug is in use.
    public func createAuthor(_ new: NewAuthor) async throws -> Author {
        try await write(.readers) { db in
            try ensureSlugIsFree(db, table: "author", slug: new.slug)
            try db.execute(
                sql: "INSERT INTO author (slug, name, bio, photo_media_id, links) VALUES (?, ?, ?, ?, ?)",
                arguments: [new.slug.rawValue, new.name, new.bio, new.photoID?.rawValue, try JSONColumn.encode(new.links)])
            return Author(id: .init(db.lastInsertedRowID), slug: new.slug, name: new.name, bio: new.bio, photoID: new.photoID, links: new.links)
        }
    }

    /// Changes a section; a new slug leaves the old one redirecting.
    public func updateSection(_ id: Section.ID, _ changes: NewSection) async throws {
        try await write(.readers) { db in
            try Renames.move(db, kind: .section, id: id.rawValue, to: changes.slug)
            try db.execute(
                sql: "UPDATE section SET name = ?, description = ?, position = ? WHERE id = ?",
                arguments: [changes.name, changes.description, changes.position, id.rawValue])
        }
    }

    /// Changes a topic; a new slug leaves the old one redirecting.
    public func updateTopic(_ id: Topic.ID, _ changes: NewTerm) async throws {
        try await write(.readers) { db in
            try Renames.move(db, kind: .topic, id: id.rawValue, to: changes.slug)
            try db.execute(sql: "UPDATE topic SET name = ?, description = ? WHERE id = ?", arguments: [changes.name, changes.description, id.rawValue])
            try Renames.reindex(db, sql: "SELECT article_id FROM article_topic WHERE topic_id = ?", id: id.rawValue)
        }
    }

    /// Changes a series; a new slug leaves the old one redirecting.
    public func updateSeries(_ id: Series.ID, _ changes: NewTerm) async throws {
        try await write(.readers) { db in
            try Renames.move(db, kind: .series, id: id.rawValue, to: changes.slug)
            try db.execute(sql: "UPDATE series SET name = ?, description = ? WHERE id = ?", arguments: [changes.name, changes.description, id.rawValue])
            try Renames.reindex(db, sql: "SELECT id FROM article WHERE series_id = ?", id: id.rawValue)
        }
    }

    /// Changes an author; a new slug leaves the old one redirecting.
    public func updateAuthor(_ id: Author.ID, _ changes: NewAuthor) async throws {
        try await write(.readers) { db in
            try Renames.move(db, kind: .author, id: id.rawValue, to: changes.slug)
            try db.execute(
                sql: "UPDATE author SET name = ?, bio = ?, photo_media_id = ?, links = ? WHERE id = ?",
                arguments: [changes.name, changes.bio, changes.photoID?.rawValue, try JSONColumn.encode(changes.links), id.rawValue])
            try Renames.reindex(db, sql: "SELECT article_id FROM article_author WHERE author_id = ?", id: id.rawValue)
        }
    }

    /// Puts the sections in this navigation order; sections not listed keep their place after them.
    public func orderSections(_ ids: [Section.ID]) async throws {
        try await write(.readers) { db in
            let others = try Int64.fetchAll(db, sql: "SELECT id FROM section ORDER BY position, name").filter { !ids.map(\.rawValue).contains($0) }
            for (position, id) in (ids.map(\.rawValue) + others).enumerated() {
                try db.execute(sql: "UPDATE section SET position = ? WHERE id = ?", arguments: [position, id])
            }
        }
    }

    // MARK: Media

    /// Records a media file with its bytes.
    public func addMedia(_ new: NewMedia, bytes: [UInt8]) async throws -> Media {
        try await write(.newsroom) { db in
            try db.execute(
                sql: """
                    INSERT INTO media (file_name, content_type, width, height, alt, caption, credit, created_at, renditions_wanted)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [new.fileName, new.contentType, new.width, new.height, new.alt, new.caption, new.credit, Date(), new.renditionsWanted])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO media_file (media_id, bytes) VALUES (?, ?)", arguments: [id, Data(bytes)])
            return Media(
                id: .init(id), fileName: new.fileName, contentType: new.contentType, width: new.width,
                height: new.height, alt: new.alt, caption: new.caption, credit: new.credit, renditionsWanted: new.renditionsWanted)
        }
    }

    /// The bytes of the media file with this name, or `nil`.
    public func mediaBytes(fileName: String) async throws -> [UInt8]? {
        try await read { db in
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT f.bytes FROM media_file f JOIN media m ON m.id = f.media_id WHERE m.file_name = ?"),
                arguments: [fileName]
            ).map(Array.init)
        }
    }

    /// Names of media records whose bytes are not stored yet, at most `limit`.
    public func mediaWithoutBytes(limit: Int) async throws -> [String] {
        try await read { db in
            try String.fetchAll(
                db, sql: "SELECT file_name FROM media m WHERE NOT EXISTS (SELECT 1 FROM media_file f WHERE f.media_id = m.id) ORDER BY id LIMIT ?",
                arguments: [limit])
        }
    }

    /// Stores the bytes of the media record named `fileName`, if it has none yet.
    public func storeMediaBytes(_ bytes: [UInt8], fileName: String) async throws {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO media_file (media_id, bytes) SELECT id, ? FROM media WHERE file_name = ?", arguments: [Data(bytes), fileName])
        }
    }

    /// A page of media, newest first, optionally only those whose text mentions `search`.
    public func mediaLibrary(search: String, page: PageRequest) async throws -> Page<MediaItem> {
        try await read { db in
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
        try await read { db in try Media.fetchOne(db, sql: "SELECT * FROM media WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// The media record stored under this file name, or `nil`.
    public func media(fileName: String) async throws -> Media? {
        try await read { db in try Media.fetchOne(db, sql: "SELECT * FROM media WHERE file_name = ?", arguments: [fileName]) }
    }

    /// Changes the text shown with an image wherever it is used.
    public func updateMediaText(_ id: Media.ID, alt: String, caption: String, credit: String) async throws -> Media {
        try await write(.readers) { db in
            try db.execute(sql: "UPDATE media SET alt = ?, caption = ?, credit = ? WHERE id = ?", arguments: [alt, caption, credit, id.rawValue])
            guard let media = try Media.fetchOne(db, sql: "SELECT * FROM media WHERE id = ?", arguments: [id.rawValue]) else { throw StoreError.notFound }
            return media
        }
    }

    /// Deletes a media record if `decide`, shown the record and how many places use it, does not throw.
    public func deleteMedia(_ id: Media.ID, _ decide: @escaping @Sendable (MediaItem) throws -> Void) async throws {
        try await write(.readers) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT *, \(MediaUsage.countSQL) AS usage_count FROM media m WHERE m.id = ?", arguments: [id.rawValue])
            else { throw StoreError.notFound }
            try decide(MediaItem(media: try Media(row: row), usageCount: row["usage_count"]))
            try db.execute(sql: "DELETE FROM media WHERE id = ?", arguments: [id.rawValue])
        }
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
         + (SELECT COUNT(*) FROM site_settings WHERE logo_media_id = m.id) + (SELECT COUNT(*) FROM page WHERE top_media_id = m.id))
        """
}

