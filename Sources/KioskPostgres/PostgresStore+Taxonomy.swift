import Foundation
import KioskCore
import KioskStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    // MARK: Taxonomy

    /// Every section, topic, series and author.
    public func taxonomy() async throws -> Taxonomy {
        try await read { connection in
            Taxonomy(
                sections: try await connection.rows("SELECT * FROM section ORDER BY position, name").map(Records.section),
                topics: try await connection.rows("SELECT * FROM topic ORDER BY name").map(Records.topic),
                series: try await connection.rows("SELECT * FROM series ORDER BY name").map(Records.series),
                authors: try await connection.rows("SELECT * FROM author ORDER BY name").map(Records.author))
        }
    }

    /// Adds a section; throws `StoreError.slugTaken` if its slug is in use.
    public func createSection(_ new: NewSection) async throws -> Section {
        try await write(.readers) { connection in
            try await ensureSlugIsFree(connection, table: "section", slug: new.slug)
            let id: Int64? = try await connection.value(
                """
                INSERT INTO section (slug, name, description, position) VALUES (\(new.slug.rawValue), \(new.name), \(new.description), \(new.position))
                RETURNING id
                """)
            return Section(id: .init(id ?? 0), slug: new.slug, name: new.name, description: new.description, position: new.position)
        }
    }

    /// Adds a topic; throws `StoreError.slugTaken` if its slug is in use.
    public func createTopic(_ new: NewTerm) async throws -> Topic {
        try await write(.readers) { connection in
            try await ensureSlugIsFree(connection, table: "topic", slug: new.slug)
            let id: Int64? = try await connection.value(
                "INSERT INTO topic (slug, name, description) VALUES (\(new.slug.rawValue), \(new.name), \(new.description)) RETURNING id")
            return Topic(id: .init(id ?? 0), slug: new.slug, name: new.name, description: new.description)
        }
    }

    /// Adds a series; throws `StoreError.slugTaken` if its slug is in use.
    public func createSeries(_ new: NewTerm) async throws -> Series {
        try await write(.readers) { connection in
            try await ensureSlugIsFree(connection, table: "series", slug: new.slug)
            let id: Int64? = try await connection.value(
                "INSERT INTO series (slug, name, description) VALUES (\(new.slug.rawValue), \(new.name), \(new.description)) RETURNING id")
            return Series(id: .init(id ?? 0), slug: new.slug, name: new.name, description: new.description)
        }
    }

    /// Adds an author; throws `StoreError.slugTaken` if its slug is in use.
    public func createAuthor(_ new: NewAuthor) async throws -> Author {
        let links = try JSONColumn.encode(new.links)
        return try await write(.readers) { connection in
            try await ensureSlugIsFree(connection, table: "author", slug: new.slug)
            let id: Int64? = try await connection.value(
                """
                INSERT INTO author (slug, name, bio, photo_media_id, links)
                VALUES (\(new.slug.rawValue), \(new.name), \(new.bio), \(new.photoID?.rawValue), \(links)) RETURNING id
                """)
            return Author(id: .init(id ?? 0), slug: new.slug, name: new.name, bio: new.bio, photoID: new.photoID, links: new.links)
        }
    }

    /// Changes a section; a new slug leaves the old one redirecting.
    public func updateSection(_ id: Section.ID, _ changes: NewSection) async throws {
        try await write(.readers) { connection in
            try await Renames.move(connection, kind: .section, id: id.rawValue, to: changes.slug)
            try await connection.execute(
                "UPDATE section SET name = \(changes.name), description = \(changes.description), position = \(changes.position) WHERE id = \(id.rawValue)")
        }
    }

    /// Changes a topic; a new slug leaves the old one redirecting.
    public func updateTopic(_ id: Topic.ID, _ changes: NewTerm) async throws {
        try await write(.readers) { connection in
            try await Renames.move(connection, kind: .topic, id: id.rawValue, to: changes.slug)
            try await connection.execute("UPDATE topic SET name = \(changes.name), description = \(changes.description) WHERE id = \(id.rawValue)")
            try await SearchIndex.update(
                connection, articles: try await connection.values("SELECT article_id FROM article_topic WHERE topic_id = \(id.rawValue)"))
        }
    }

    /// Changes a series; a new slug leaves the old one redirecting.
    public func updateSeries(_ id: Series.ID, _ changes: NewTerm) async throws {
        try await write(.readers) { connection in
            try await Renames.move(connection, kind: .series, id: id.rawValue, to: changes.slug)
            try await connection.execute("UPDATE series SET name = \(changes.name), description = \(changes.description) WHERE id = \(id.rawValue)")
            try await SearchIndex.update(connection, articles: try await connection.values("SELECT id FROM article WHERE series_id = \(id.rawValue)"))
        }
    }

    /// Changes an author; a new slug leaves the old one redirecting.
    public func updateAuthor(_ id: Author.ID, _ changes: NewAuthor) async throws {
        let links = try JSONColumn.encode(changes.links)
        try await write(.readers) { connection in
            try await Renames.move(connection, kind: .author, id: id.rawValue, to: changes.slug)
            try await connection.execute(
                """
                UPDATE author SET name = \(changes.name), bio = \(changes.bio), photo_media_id = \(changes.photoID?.rawValue), links = \(links)
                WHERE id = \(id.rawValue)
                """)
            try await SearchIndex.update(
                connection, articles: try await connection.values("SELECT article_id FROM article_author WHERE author_id = \(id.rawValue)"))
        }
    }

    /// Puts the sections in this navigation order; sections not listed keep their place after them.
    public func orderSections(_ ids: [Section.ID]) async throws {
        try await write(.readers) { connection in
            let listed = ids.map(\.rawValue)
            let others = try await connection.values("SELECT id FROM section ORDER BY position, name", as: Int64.self).filter { !listed.contains($0) }
            for (position, id) in (listed + others).enumerated() {
                try await connection.execute("UPDATE section SET position = \(position) WHERE id = \(id)")
            }
        }
    }

    // MARK: Media

    /// Records a media file with its bytes.
    public func addMedia(_ new: NewMedia, bytes: [UInt8]) async throws -> Media {
        try await write(.newsroom) { connection in
            let id: Int64? = try await connection.value(
                """
                INSERT INTO media (file_name, content_type, width, height, alt, caption, credit, created_at, renditions_wanted)
                VALUES (\(new.fileName), \(new.contentType), \(new.width), \(new.height), \(new.alt), \(new.caption), \(new.credit), \(Date()),
                        \(new.renditionsWanted))
                RETURNING id
                """)
            try await connection.execute("INSERT INTO media_file (media_id, bytes) VALUES (\(id), \(bytes.bytea))")
            return Media(
                id: .init(id ?? 0), fileName: new.fileName, contentType: new.contentType, width: new.width, height: new.height, alt: new.alt,
                caption: new.caption, credit: new.credit, renditionsWanted: new.renditionsWanted)
        }
    }

    /// The bytes of the media file with this name, or `nil`.
    public func mediaBytes(fileName: String) async throws -> [UInt8]? {
        try await read { connection in
            try await connection.value(
                "SELECT f.bytes FROM media_file f JOIN media m ON m.id = f.media_id WHERE m.file_name = \(fileName)", as: ByteBuffer.self
            ).map { Array(buffer: $0) }
        }
    }

    /// Names of media records whose bytes are not stored yet, at most `limit`.
    public func mediaWithoutBytes(limit: Int) async throws -> [String] {
        try await read { connection in
            try await connection.values(
                "SELECT file_name FROM media m WHERE NOT EXISTS (SELECT 1 FROM media_file f WHERE f.media_id = m.id) ORDER BY id LIMIT \(limit)",
                as: String.self)
        }
    }

    /// Stores the bytes of the media record named `fileName`, if it has none yet.
    public func storeMediaBytes(_ bytes: [UInt8], fileName: String) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute(
                "INSERT INTO media_file (media_id, bytes) SELECT id, \(bytes.bytea) FROM media WHERE file_name = \(fileName) ON CONFLICT DO NOTHING")
        }
    }

    /// A page of media, newest first, optionally only those whose text mentions `search`.
    public func mediaLibrary(search: String, page: PageRequest) async throws -> Page<MediaItem> {
        let pattern = "%" + Patterns.likeEscaped(search) + "%"
        return try await read { connection in
            let condition = "(alt ILIKE $1 OR caption ILIKE $1 OR credit ILIKE $1 OR file_name ILIKE $1)"
            var count = PostgresBindings()
            count.append(pattern)
            let total = try await connection.value(PostgresQuery(unsafeSQL: "SELECT count(*) FROM media WHERE \(condition)", binds: count), as: Int64.self) ?? 0
            var listing = count
            listing.append(page.size)
            listing.append(page.offset)
            let rows = try await connection.rows(
                PostgresQuery(
                    unsafeSQL: "SELECT m.*, \(MediaUsage.countSQL) AS usage_count FROM media m WHERE \(condition) ORDER BY id DESC LIMIT $2 OFFSET $3",
                    binds: listing))
            let items = try rows.map { MediaItem(media: try Records.media($0), usageCount: Int(try $0.get("usage_count", as: Int64.self))) }
            return Page(items: items, request: page, totalItems: Int(total))
        }
    }

    /// The media record with this id, or `nil`.
    public func media(_ id: Media.ID) async throws -> Media? {
        try await read { connection in try await connection.row("SELECT * FROM media WHERE id = \(id.rawValue)").map { try Records.media($0) } }
    }

    /// The media record stored under this file name, or `nil`.
    public func media(fileName: String) async throws -> Media? {
        try await read { connection in try await connection.row("SELECT * FROM media WHERE file_name = \(fileName)").map { try Records.media($0) } }
    }

    /// Changes the text shown with an image wherever it is used.
    public func updateMediaText(_ id: Media.ID, alt: String, caption: String, credit: String) async throws -> Media {
        try await write(.readers) { connection in
            guard let row = try await connection.row(
                "UPDATE media SET alt = \(alt), caption = \(caption), credit = \(credit) WHERE id = \(id.rawValue) RETURNING *")
            else { throw StoreError.notFound }
            return try Records.media(row)
        }
    }

    /// Deletes a media record if `decide`, shown the record and how many places use it, does not throw.
    public func deleteMedia(_ id: Media.ID, _ decide: @escaping @Sendable (MediaItem) throws -> Void) async throws {
        try await write(.readers) { connection in
            guard try await connection.value("SELECT id FROM media WHERE id = \(id.rawValue) FOR UPDATE", as: Int64.self) != nil,
                let row = try await connection.row(
                    PostgresQuery(unsafeSQL: "SELECT m.*, \(MediaUsage.countSQL) AS usage_count FROM media m WHERE m.id = \(id.rawValue)"))
            else { throw StoreError.notFound }
            try decide(MediaItem(media: try Records.media(row), usageCount: Int(try row.get("usage_count", as: Int64.self))))
            try await connection.execute("DELETE FROM media WHERE id = \(id.rawValue)")
        }
    }
}

/// Slug changes of sections, topics, series and authors.
enum Renames {
    /// Gives a record a new slug, leaving its old one redirecting.
    static func move(_ connection: Connection, kind: RedirectKind, id: Int64, to slug: Slug) async throws {
        guard let old = try await connection.value(PostgresQuery(unsafeSQL: "SELECT slug FROM \(kind.rawValue) WHERE id = \(id)"), as: String.self) else {
            throw StoreError.notFound
        }
        guard old != slug.rawValue else { return }
        try await ensureSlugIsFree(connection, table: kind.rawValue, slug: slug, except: id)
        var sql = SQLBuilder("UPDATE \(kind.rawValue) SET slug = ")
        sql.append(sql.bind(slug.rawValue) + " WHERE id = " + sql.bind(id))
        try await connection.execute(sql.query)
        try await Redirects.record(connection, kind: kind, from: old, to: slug.rawValue, target: id)
    }
}

/// How many places show a media record `m`.
enum MediaUsage {
    static let countSQL = """
        ((SELECT count(*) FROM article WHERE top_media_id = m.id) + (SELECT count(*) FROM author WHERE photo_media_id = m.id)
         + (SELECT count(*) FROM site_settings WHERE logo_media_id = m.id) + (SELECT count(*) FROM page WHERE top_media_id = m.id))
        """
}

/// Text patterns for `LIKE`.
enum Patterns {
    /// `text` with the LIKE wildcards escaped by a backslash.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
