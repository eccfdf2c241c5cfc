import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    /// The names of the tables the database holds now.
    public func tableNames() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") }
    }

    /// How many rows `table` holds.
    public func rowCount(of table: CopiedTable) async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name.quotedDatabaseIdentifier)") ?? 0 }
    }

    /// Up to `limit` rows of `table` from `offset`, ordered by its key; dates come out as dates.
    public func exportRows(of table: CopiedTable, offset: Int, limit: Int) async throws -> TableRows {
        try await read { db in
            let columns = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table.name])
                .map { (name: $0["name"] as String, isDate: ($0["type"] as String).uppercased() == "DATETIME") }
            let list = columns.map { $0.name.quotedDatabaseIdentifier }.joined(separator: ", ")
            let order = table.key.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(list) FROM \(table.name.quotedDatabaseIdentifier) ORDER BY \(order) LIMIT ? OFFSET ?", arguments: [limit, offset])
            return TableRows(
                columns: columns.map(\.name),
                rows: rows.map { row in
                    columns.indices.map { index in Self.cell(row[index] as DatabaseValue, isDate: columns[index].isDate) }
                })
        }
    }

    /// Writes rows into `table` as they are; a row whose key exists already replaces it.
    public func importRows(_ rows: TableRows, into table: CopiedTable) async throws {
        let columns = rows.columns.map(\.quotedDatabaseIdentifier)
        let updates = rows.columns.filter { !table.key.contains($0) }.map { "\($0.quotedDatabaseIdentifier) = excluded.\($0.quotedDatabaseIdentifier)" }
        let sql = """
            INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (\(table.key.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) \(updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))
            """
        try await write(.newsroom) { db in
            let statement = try db.makeStatement(sql: sql)
            for row in rows.rows {
                try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
            }
        }
    }

    /// Rebuilds the full-text index after an import and tells caches that everything changed.
    public func finishImport() async throws {
        try await write(.readers) { db in try SearchIndex.rebuild(db) }
    }

    private static func cell(_ value: DatabaseValue, isDate: Bool) -> CellValue {
        if isDate, !value.isNull, let date = Date.fromDatabaseValue(value) { return .date(date) }
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .blob(Array(data))
        }
    }

    private static func databaseValue(_ cell: CellValue) -> DatabaseValue {
        switch cell {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        case .date(let date): date.databaseValue
        case .boolean(let flag): flag.databaseValue
        }
    }
}
