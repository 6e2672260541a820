import Foundation
public import Logging
import PostgresNIO
public import TwinConfiguration
public import TwinStore

/// Moves a programme from a SQLite file into an empty PostgreSQL database (`jobtwin db copy`):
/// every table, row by row, in one transaction, then checked by counting the rows of each
/// table on both sides. Nothing is left behind when anything fails.
public enum PostgresCopy {
    /// What was copied: per table, the rows in the file and in the database afterwards.
    public struct Counts: Sendable {
        /// The tables, in the order they were copied.
        public var tables: [String]
        /// Rows per table in the SQLite file.
        public var source: [String: Int]
        /// Rows per table in PostgreSQL after the copy.
        public var target: [String: Int]
    }

    /// Copies everything in `source` into `target`, which must hold no programme yet.
    ///
    /// - Throws: `PostgresCopyError` when the database is not empty, or the counts differ (the
    ///   copy is then rolled back); `PostgresStoreError` when the server cannot be used.
    public static func copy(from source: SQLiteRepository, to target: PostgresLocation,
                            logger: Logger = Logger(label: "jobtwin.postgres")) async throws -> Counts {
        let connector = PostgresConnector(location: target, logger: logger)
        try await PostgresMigrator(connector: connector, logger: logger).migrate()
        var tables: [(name: String, columns: [String], rows: [[StoredValue]])] = []
        for table in PostgresSchema.tables {
            let stored = try await source.storedRows(of: table)
            tables.append((table, stored.columns, stored.rows))
        }
        let connection = try await connector.connect()
        do {
            let counts = try await copy(tables, on: connection, location: target.description, logger: logger)
            try await connection.close()
            return counts
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            try? await connection.close()
            throw error
        }
    }

    private static func copy(_ tables: [(name: String, columns: [String], rows: [[StoredValue]])], on connection: PostgresConnection,
                             location: String, logger: Logger) async throws -> Counts {
        try await connection.query("BEGIN", logger: logger)
        // SQLite keeps times as UTC text without a zone; read so, whatever the server's zone.
        try await connection.query("SET LOCAL TIME ZONE 'UTC'", logger: logger)
        for (table, _, _) in tables where table != "outbox_cursor" {
            if try await count(table, on: connection, logger: logger) > 0 {
                throw PostgresCopyError.notEmpty(location: location, table: table)
            }
        }
        // The cursors' first rows come with the schema; the file's replace them.
        try await connection.query("DELETE FROM outbox_cursor", logger: logger)
        var counts = Counts(tables: tables.map(\.name), source: [:], target: [:])
        for (table, columns, rows) in tables {
            counts.source[table] = rows.count
            let types = try await columnTypes(table, on: connection, logger: logger)
            for row in rows {
                var binds = PostgresBindings()
                var placeholders: [String] = []
                for (index, (column, value)) in zip(columns, row).enumerated() {
                    let type = types[column] ?? "text"
                    try bind(value, as: type, to: &binds)
                    placeholders.append("$\(index + 1)::\(type)")
                }
                try await connection.query(PostgresQuery(unsafeSQL: """
                    INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))
                    """, binds: binds), logger: logger)
            }
            // A serial key goes on after the highest copied one.
            if types["id"] == "bigint", columns.contains("id") {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)
                    """), logger: logger)
            }
            counts.target[table] = try await count(table, on: connection, logger: logger)
        }
        if let differing = counts.tables.first(where: { counts.source[$0] != counts.target[$0] }) {
            throw PostgresCopyError.countsDiffer(table: differing, source: counts.source[differing] ?? 0, target: counts.target[differing] ?? 0)
        }
        try await connection.query("COMMIT", logger: logger)
        return counts
    }

    /// A stored SQLite value for a PostgreSQL column of `type`, as text that the column's type
    /// reads (bytes as bytes).
    private static func bind(_ value: StoredValue, as type: String, to binds: inout PostgresBindings) throws {
        switch (value, type) {
        case (.null, _): binds.appendNull()
        case (.blob(let data), "bytea"): try binds.append(data)
        case (.text(let text), "bytea"): try binds.append(Data(text.utf8))
        case (.blob(let data), _): binds.append(String(decoding: data, as: UTF8.self))
        case (.integer(let number), "boolean"): binds.append(number != 0 ? "true" : "false")
        case (.integer(let number), _): binds.append(String(number))
        case (.real(let number), _): binds.append(String(number))
        case (.text(let text), _): binds.append(text)
        }
    }

    private static func columnTypes(_ table: String, on connection: PostgresConnection, logger: Logger) async throws -> [String: String] {
        var types: [String: String] = [:]
        let rows = try await connection.query("""
            SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(table)
            """, logger: logger)
        for try await (column, type) in rows.decode((String, String).self) {
            // information_schema spells some types out; the casts use the short names.
            types[column] = type == "timestamp with time zone" ? "timestamptz" : type
        }
        return types
    }

    private static func count(_ table: String, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var found = 0
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), logger: logger).decode(Int.self) {
            found = value
        }
        return found
    }
}

/// Why `jobtwin db copy` copied nothing.
public enum PostgresCopyError: Error, CustomStringConvertible {
    /// The database holds a programme already (rows in `table`).
    case notEmpty(location: String, table: String)
    /// A table's rows did not all arrive (the copy was rolled back).
    case countsDiffer(table: String, source: Int, target: Int)

    /// The problem and what to do about it.
    public var description: String {
        switch self {
        case .notEmpty(let location, let table):
            return "\(location) holds data already (the table \(table) has rows): nothing was copied. Copy into a new, empty database."
        case .countsDiffer(let table, let source, let target):
            return "the table \(table) has \(source) rows in the file but \(target) after copying: nothing was copied. Report this as a bug."
        }
    }
}
