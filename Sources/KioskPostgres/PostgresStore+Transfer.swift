import Foundation
import KioskCore
import KioskStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// The names of the tables the database holds now.
    public func tableNames() async throws -> [String] {
        try await read { connection in
            try await connection.values(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                as: String.self)
        }
    }

    /// How many rows `table` holds.
    public func rowCount(of table: CopiedTable) async throws -> Int {
        try await read { connection in
            Int(try await connection.value(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(Transfer.quoted(table.name))"), as: Int64.self) ?? 0)
        }
    }

    /// Up to `limit` rows of `table` from `offset`, ordered by its key.
    public func exportRows(of table: CopiedTable, offset: Int, limit: Int) async throws -> TableRows {
        try await read { connection in
            let columns = try await Transfer.columns(of: table.name, connection)
            let list = columns.map { Transfer.quoted($0.name) }.joined(separator: ", ")
            let order = table.key.map(Transfer.quoted).joined(separator: ", ")
            let rows = try await connection.rows(
                PostgresQuery(unsafeSQL: "SELECT \(list) FROM \(Transfer.quoted(table.name)) ORDER BY \(order) LIMIT \(limit) OFFSET \(offset)"))
            return TableRows(
                columns: columns.map(\.name),
                rows: try rows.map { row in try columns.indices.map { try Transfer.cell(row[$0], type: columns[$0].type) } })
        }
    }

    /// Writes rows into `table` as they are, each value converted to its column's type; a row whose
    /// key exists already replaces it. Rows go in as few statements as PostgreSQL's limit of bound
    /// values allows, since each statement is a round trip.
    public func importRows(_ rows: TableRows, into table: CopiedTable) async throws {
        try await write(.newsroom) { connection in
            let types = Dictionary(uniqueKeysWithValues: try await Transfer.columns(of: table.name, connection).map { ($0.name, $0.type) })
            let casts = rows.columns.map { "::" + (types[$0] ?? "text") }
            let updates = rows.columns.filter { !table.key.contains($0) }.map { "\(Transfer.quoted($0)) = excluded.\(Transfer.quoted($0))" }
            let rowsPerStatement = max(1, Transfer.maximumBindings / max(1, rows.columns.count))
            for start in stride(from: 0, to: rows.rows.count, by: rowsPerStatement) {
                let chunk = rows.rows[start..<min(start + rowsPerStatement, rows.rows.count)]
                var bindings = PostgresBindings()
                var values: [String] = []
                for row in chunk {
                    var placeholders: [String] = []
                    for (index, cell) in row.enumerated() {
                        try Transfer.bind(cell, as: types[rows.columns[index]] ?? "text", into: &bindings)
                        placeholders.append("$\(bindings.count)\(casts[index])")
                    }
                    values.append("(" + placeholders.joined(separator: ", ") + ")")
                }
                let sql = """
                    INSERT INTO \(Transfer.quoted(table.name)) (\(rows.columns.map(Transfer.quoted).joined(separator: ", "))) VALUES \(values.joined(separator: ", "))
                    ON CONFLICT (\(table.key.map(Transfer.quoted).joined(separator: ", "))) \(updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))
                    """
                try await connection.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
            }
        }
    }

    /// Makes an import usable: identities continue after the largest copied id, the full-text
    /// index is rebuilt, and caches learn that everything changed.
    public func finishImport() async throws {
        try await write(.readers) { connection in
            let identities = try await connection.rows(
                """
                SELECT table_name::text AS name FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
                """)
            for name in try identities.map({ try $0.get("name", as: String.self) }) {
                try await connection.execute(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('\(Transfer.quoted(name))', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL)
                            FROM \(Transfer.quoted(name))
                            """))
            }
            try await SearchIndex.update(connection, articles: try await connection.values("SELECT id FROM article ORDER BY id", as: Int64.self))
        }
    }
}

/// Columns, types and values of a copy.
enum Transfer {
    /// The most values one statement binds (PostgreSQL allows 65,535), leaving room to spare.
    static let maximumBindings = 30_000

    /// `name` as a quoted identifier (`"user"` must be quoted; quoting all is simplest).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The columns of `table` in order, each with the type to cast values to.
    static func columns(of table: String, _ connection: Connection) async throws -> [(name: String, type: String)] {
        try await connection.rows(
            """
            SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """
        ).map { (try $0.get("name"), try $0.get("type")) }
    }

    /// The value of `cell`, a column of PostgreSQL type `type`.
    static func cell(_ cell: PostgresCell, type: String) throws -> CellValue {
        guard cell.bytes != nil else { return .null }
        switch type {
        case "bigint": return .integer(try cell.decode(Int64.self))
        case "integer": return .integer(Int64(try cell.decode(Int32.self)))
        case "boolean": return .boolean(try cell.decode(Bool.self))
        case "bytea": return .blob(Array(buffer: try cell.decode(ByteBuffer.self)))
        case "timestamp with time zone": return .date(try cell.decode(Date.self))
        case "double precision", "real": return .real(try cell.decode(Double.self))
        default: return .text(try cell.decode(String.self))
        }
    }

    /// Appends `cell` converted to a column of type `type`; a value that does not fit is refused.
    static func bind(_ cell: CellValue, as type: String, into bindings: inout PostgresBindings) throws {
        switch (cell, type) {
        case (.null, _): bindings.appendNull()
        case (.integer(let number), "boolean"): bindings.append(number != 0)
        case (.boolean(let flag), "boolean"): bindings.append(flag)
        case (.boolean(let flag), _): bindings.append(Int64(flag ? 1 : 0))
        case (.integer(let number), _): bindings.append(number)
        case (.real(let number), _): bindings.append(number)
        case (.date(let date), _): bindings.append(date)
        case (.blob(let bytes), _): bindings.append(ByteBuffer(bytes: bytes))
        case (.text(let text), _): bindings.append(text)
        }
    }
}
