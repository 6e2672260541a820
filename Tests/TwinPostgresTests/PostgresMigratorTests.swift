import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing
import TwinConfiguration
import TwinPostgres
import JobTwinTestSupport
import TwinStore

/// The PostgreSQL schema against a real server: the same tables and columns as the SQLite
/// store's, migrations applied once — also when two instances start at the same moment — and a
/// newer database refused.
@Suite("PostgreSQL migrations", PostgresTestServer.required)
struct PostgresMigratorTests {
    static let logger = Logger(label: "test")

    @Test("a new database gets every table and column of the SQLite store, with the same NOT NULLs")
    func sameSchemaAsSQLite() async throws {
        let sqlite = try Self.sqliteColumns()
        let postgres = try await PostgresTestServer.withDatabase { location in
            let applied = try await PostgresMigrator(connector: PostgresConnector(location: location)).migrate()
            #expect(applied == PostgresSchema.migrations.map(\.name))
            return try await Self.postgresColumns(location)
        }
        #expect(Set(postgres.keys) == Set(sqlite.keys), "the same tables")
        for (table, columns) in sqlite {
            #expect(postgres[table] == columns, "the columns of \(table)")
        }
    }

    @Test("migrating again changes nothing; two instances starting at once apply each migration once")
    func onceEvenConcurrently() async throws {
        try await PostgresTestServer.withDatabase { location in
            let migrator = PostgresMigrator(connector: PostgresConnector(location: location))
            async let first = migrator.migrate()
            async let second = migrator.migrate()
            let both = try await [first, second]
            #expect(both.map(\.count).sorted() == [0, PostgresSchema.migrations.count], "one migrated, the other waited and found nothing to do")
            #expect(try await migrator.migrate().isEmpty)
            let rows = try await Self.count("SELECT count(*) FROM schema_migrations", location)
            #expect(rows == PostgresSchema.migrations.count)
        }
    }

    @Test("a database set up by a newer jobtwin is refused, and nothing is changed")
    func newerSchema() async throws {
        try await PostgresTestServer.withDatabase { location in
            let migrator = PostgresMigrator(connector: PostgresConnector(location: location))
            try await migrator.migrate()
            try await Self.execute("INSERT INTO schema_migrations (name) VALUES ('v99: from the future')", location)
            do throws(PostgresStoreError) {
                try await migrator.migrate()
                Issue.record("a newer schema was accepted")
            } catch {
                guard case .newerSchema(_, let migration) = error else { Issue.record("\(error)"); return }
                #expect(migration == "v99: from the future")
                #expect(error.description.contains("newer jobtwin"))
            }
            #expect(try await Self.count("SELECT count(*) FROM schema_migrations", location) == PostgresSchema.migrations.count + 1)
        }
    }

    /// Every table of a new SQLite store and its columns with whether each may be NULL.
    static func sqliteColumns() throws -> [String: [String: Bool]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("schema.sqlite").path
        _ = try SQLiteRepository(path: path)
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            var result: [String: [String: Bool]] = [:]
            for table in tables {
                var columns: [String: Bool] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, \"notnull\", pk FROM pragma_table_info(?)", arguments: [table]) {
                    let name: String = row["name"]
                    // A primary key's column is never NULL in PostgreSQL, whatever SQLite allows.
                    columns[name] = (row["notnull"] as Int) == 0 && (row["pk"] as Int) == 0
                }
                result[table] = columns
            }
            return result
        }
    }

    /// Every table of the PostgreSQL database but `schema_migrations`, with its columns and
    /// whether each may be NULL.
    static func postgresColumns(_ location: PostgresLocation) async throws -> [String: [String: Bool]] {
        let connection = try await PostgresConnector(location: location).connect()
        defer { Task { try? await connection.close() } }
        var result: [String: [String: Bool]] = [:]
        let rows = try await connection.query("""
            SELECT table_name, column_name, is_nullable FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name != 'schema_migrations'
            """, logger: logger)
        for try await (table, column, nullable) in rows.decode((String, String, String).self) {
            result[table, default: [:]][column] = nullable == "YES"
        }
        return result
    }

    static func count(_ sql: String, _ location: PostgresLocation) async throws -> Int {
        let connection = try await PostgresConnector(location: location).connect()
        defer { Task { try? await connection.close() } }
        var value = 0
        for try await count in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(Int.self) { value = count }
        return value
    }

    static func execute(_ sql: String, _ location: PostgresLocation) async throws {
        let connection = try await PostgresConnector(location: location).connect()
        defer { Task { try? await connection.close() } }
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
