import Foundation
import KioskCore
import KioskStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    // MARK: Renditions

    /// Asks for the renditions of plan `key` of image `id`, with its subject at `focus`, to be made.
    public func requestRenditions(_ id: Media.ID, focus: FocalPoint, key: String) async throws -> Media {
        try await write(.newsroom) { connection in
            guard
                let row = try await connection.row(
                    """
                    UPDATE media SET focus_x = \(focus.x), focus_y = \(focus.y), renditions_wanted = \(key), renditions_error = NULL
                    WHERE id = \(id.rawValue) RETURNING *
                    """)
            else { throw StoreError.notFound }
            return try Records.media(row)
        }
    }

    /// Claims for `node` an image with renditions to make, `preferring` one, unless another node holds it.
    public func claimRenditionWork(node: String, now: Date, until: Date, preferring: Media.ID?) async throws -> Media? {
        let preferred = preferring?.rawValue ?? 0
        return try await write(.newsroom) { connection in
            try await connection.row(
                """
                UPDATE media SET renditions_node = \(node), renditions_lease_until = \(until)
                WHERE id = (
                    SELECT id FROM media
                    WHERE renditions_wanted IS NOT NULL AND renditions_wanted IS DISTINCT FROM renditions_made AND renditions_error IS NULL
                        AND (renditions_node IS NULL OR renditions_node = \(node) OR renditions_lease_until < \(now))
                    ORDER BY id = \(preferred) DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """
            ).map { try Records.media($0) }
        }
    }

    /// The names of the renditions stored for image `id`.
    public func renditionNames(of id: Media.ID) async throws -> Set<String> {
        try await read { connection in
            Set(try await connection.values("SELECT name FROM media_rendition WHERE media_id = \(id.rawValue)", as: String.self))
        }
    }

    /// Stores one rendition of image `id` and extends `node`'s claim, while `node` holds it.
    public func addRendition(_ rendition: Rendition, of id: Media.ID, bytes: [UInt8], node: String, until: Date) async throws -> Bool {
        try await write(.newsroom) { connection in
            let held = try await connection.execute(
                "UPDATE media SET renditions_lease_until = \(until) WHERE id = \(id.rawValue) AND renditions_node = \(node) RETURNING id")
            guard held == 1 else { return false }
            try await connection.execute(
                """
                INSERT INTO media_rendition (name, media_id, content_type, width, height, bytes)
                VALUES (\(rendition.name), \(id.rawValue), \(rendition.encoding.contentType), \(rendition.width), \(rendition.height), \(bytes.bytea))
                ON CONFLICT (name) DO UPDATE SET bytes = EXCLUDED.bytes
                """)
            return true
        }
    }

    /// Records plan `key` of image `id` as made, releases `node`'s claim and deletes stale renditions.
    public func finishRenditions(_ id: Media.ID, key: String, keeping: Set<String>, node: String) async throws {
        try await write(.readers) { connection in
            let finished = try await connection.execute(
                """
                UPDATE media SET renditions_made = renditions_wanted, renditions_node = NULL, renditions_lease_until = NULL
                WHERE id = \(id.rawValue) AND renditions_node = \(node) AND renditions_wanted = \(key) RETURNING id
                """)
            guard finished == 1 else { return }
            try await connection.execute(
                "DELETE FROM media_rendition WHERE media_id = \(id.rawValue) AND NOT (name = ANY(\(Array(keeping))))")
        }
    }

    /// Records why plan `key` of image `id` could not be made and releases `node`'s claim.
    public func failRenditions(_ id: Media.ID, key: String, failure: String, node: String) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute(
                """
                UPDATE media SET renditions_error = \(failure), renditions_node = NULL, renditions_lease_until = NULL
                WHERE id = \(id.rawValue) AND renditions_node = \(node) AND renditions_wanted = \(key)
                """)
        }
    }

    /// Images whose renditions were never asked for, oldest first, at most `limit`.
    public func mediaWithoutRenditions(limit: Int) async throws -> [Media] {
        try await read { connection in
            try await connection.rows("SELECT * FROM media WHERE renditions_wanted IS NULL ORDER BY id LIMIT \(limit)").map { try Records.media($0) }
        }
    }

    /// Whether the rendition named `name` is stored, without reading it.
    public func hasRendition(named name: String) async throws -> Bool {
        try await read { connection in
            try await connection.value("SELECT 1 FROM media_rendition WHERE name = \(name)", as: Int32.self) != nil
        }
    }

    /// The size in bytes of each rendition in `names` that is stored, by name, without reading them.
    public func renditionLengths(named names: [String]) async throws -> [String: Int] {
        guard !names.isEmpty else { return [:] }
        return try await read { connection in
            let rows = try await connection.rows("SELECT name, octet_length(bytes) AS size FROM media_rendition WHERE name = ANY(\(names))")
            return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.get("name", as: String.self), Int(try $0.get("size", as: Int32.self))) })
        }
    }

    /// The type and bytes of the rendition named `name`, or `nil`.
    public func rendition(named name: String) async throws -> StoredRendition? {
        try await read { connection in
            try await connection.row("SELECT content_type, bytes FROM media_rendition WHERE name = \(name)").map {
                StoredRendition(contentType: try $0.get("content_type"), bytes: Array(buffer: try $0.get("bytes", as: ByteBuffer.self)))
            }
        }
    }
}
