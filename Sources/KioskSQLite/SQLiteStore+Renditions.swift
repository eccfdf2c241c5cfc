import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    // MARK: Renditions

    /// The condition of images with renditions to make.
    private static let toMake = "renditions_wanted IS NOT NULL AND renditions_wanted IS NOT renditions_made AND renditions_error IS NULL"

    /// Asks for the renditions of plan `key` of image `id`, with its subject at `focus`, to be made.
    public func requestRenditions(_ id: Media.ID, focus: FocalPoint, key: String) async throws -> Media {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE media SET focus_x = ?, focus_y = ?, renditions_wanted = ?, renditions_error = NULL WHERE id = ?",
                arguments: [focus.x, focus.y, key, id.rawValue])
            guard let media = try Media.fetchOne(db, sql: "SELECT * FROM media WHERE id = ?", arguments: [id.rawValue]) else { throw StoreError.notFound }
            return media
        }
    }

    /// Claims for `node` an image with renditions to make, `preferring` one, unless another node holds it.
    public func claimRenditionWork(node: String, now: Date, until: Date, preferring: Media.ID?) async throws -> Media? {
        let free = "(renditions_node IS NULL OR renditions_node = ?1 OR renditions_lease_until < ?2)"
        let waiting = try await read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM media WHERE \(Self.toMake) AND \(free))", arguments: [node, now])
        }
        guard waiting == true else { return nil }
        return try await write(.newsroom) { db in
            guard
                let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM media WHERE \(Self.toMake) AND \(free) ORDER BY id = ?3 DESC, id LIMIT 1",
                    arguments: [node, now, preferring?.rawValue])
            else { return nil }
            try db.execute(sql: "UPDATE media SET renditions_node = ?, renditions_lease_until = ? WHERE id = ?", arguments: [node, until, id])
            return try Media.fetchOne(db, sql: "SELECT * FROM media WHERE id = ?", arguments: [id])
        }
    }

    /// The names of the renditions stored for image `id`.
    public func renditionNames(of id: Media.ID) async throws -> Set<String> {
        try await read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM media_rendition WHERE media_id = ?", arguments: [id.rawValue]))
        }
    }

    /// Stores one rendition of image `id` and extends `node`'s claim, while `node` holds it.
    public func addRendition(_ rendition: Rendition, of id: Media.ID, bytes: [UInt8], node: String, until: Date) async throws -> Bool {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE media SET renditions_lease_until = ? WHERE id = ? AND renditions_node = ?", arguments: [until, id.rawValue, node])
            guard db.changesCount == 1 else { return false }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO media_rendition (name, media_id, content_type, width, height, bytes)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [rendition.name, id.rawValue, rendition.encoding.contentType, rendition.width, rendition.height, Data(bytes)])
            return true
        }
    }

    /// Records plan `key` of image `id` as made, releases `node`'s claim and deletes stale renditions.
    public func finishRenditions(_ id: Media.ID, key: String, keeping: Set<String>, node: String) async throws {
        try await write(.readers) { db in
            try db.execute(
                sql: """
                    UPDATE media SET renditions_made = renditions_wanted, renditions_node = NULL, renditions_lease_until = NULL
                    WHERE id = ? AND renditions_node = ? AND renditions_wanted = ?
                    """,
                arguments: [id.rawValue, node, key])
            guard db.changesCount == 1 else { return }
            let stale = try String.fetchAll(db, sql: "SELECT name FROM media_rendition WHERE media_id = ?", arguments: [id.rawValue])
                .filter { !keeping.contains($0) }
            for name in stale {
                try db.execute(sql: "DELETE FROM media_rendition WHERE name = ?", arguments: [name])
            }
        }
    }

    /// Records why plan `key` of image `id` could not be made and releases `node`'s claim.
    public func failRenditions(_ id: Media.ID, key: String, failure: String, node: String) async throws {
        try await write(.newsroom) { db in
            try db.execute(
                sql: """
                    UPDATE media SET renditions_error = ?, renditions_node = NULL, renditions_lease_until = NULL
                    WHERE id = ? AND renditions_node = ? AND renditions_wanted = ?
                    """,
                arguments: [failure, id.rawValue, node, key])
        }
    }

    /// Images whose renditions were never asked for, oldest first, at most `limit`.
    public func mediaWithoutRenditions(limit: Int) async throws -> [Media] {
        try await read { db in
            try Media.fetchAll(db, sql: "SELECT * FROM media WHERE renditions_wanted IS NULL ORDER BY id LIMIT ?", arguments: [limit])
        }
    }

    /// Whether the rendition named `name` is stored, without reading it.
    public func hasRendition(named name: String) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM media_rendition WHERE name = ?)"), arguments: [name]) ?? false
        }
    }

    /// The size in bytes of each rendition in `names` that is stored, by name, without reading them.
    public func renditionLengths(named names: [String]) async throws -> [String: Int] {
        guard !names.isEmpty else { return [:] }
        return try await read { db in
            let marks = Array(repeating: "?", count: names.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: "SELECT name, length(bytes) AS size FROM media_rendition WHERE name IN (\(marks))", arguments: StatementArguments(names))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"], $0["size"]) })
        }
    }

    /// The type and bytes of the rendition named `name`, or `nil`.
    public func rendition(named name: String) async throws -> StoredRendition? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT content_type, bytes FROM media_rendition WHERE name = ?"), arguments: [name]).map {
                StoredRendition(contentType: $0["content_type"], bytes: Array($0["bytes"] as Data))
            }
        }
    }
}
