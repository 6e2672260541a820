public import Foundation
import Logging
import PostgresNIO
public import Testing
public import TwinConfiguration
import TwinPostgres

/// The PostgreSQL server the tests use: the one `JOBTWIN_TEST_POSTGRES_URL` names
/// (`scripts/postgres-test-server start DIR` prints such a URL; `.ci/run` sets it). Without it
/// the tests that need a server are skipped, and say why.
public enum PostgresTestServer {
    /// The server's URL, when one is given.
    public static let url = ProcessInfo.processInfo.environment["JOBTWIN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The trait of every test that needs the server.
    public static let required = Testing.ConditionTrait.enabled(
        if: url != nil,
        "no PostgreSQL server: set JOBTWIN_TEST_POSTGRES_URL, e.g. export JOBTWIN_TEST_POSTGRES_URL=$(scripts/postgres-test-server start /tmp/jobtwin-pg)")

    /// A new, empty database on the server for one test, dropped again after `body`.
    public static func withDatabase<T>(_ body: (PostgresLocation) async throws -> T) async throws -> T {
        let server = try PostgresLocation(url: try #require(url))
        let name = "jobtwin_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await administer(server, "CREATE DATABASE \(name)")
        do {
            let result = try await body(server.database(name))
            try await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    private static func administer(_ server: PostgresLocation, _ sql: String) async throws {
        let connection = try await PostgresConnector(location: server).connect()
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

extension PostgresTestServer {
    /// A new, empty database on the server, made on the calling thread (for a fixture's
    /// initializer, which cannot await); drop it with `dropWaiting`.
    public static func newDatabaseWaiting() throws -> PostgresLocation {
        let server = try PostgresLocation(url: try #require(url))
        let name = "jobtwin_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try administerWaiting(server, "CREATE DATABASE \(name)")
        return server.database(name)
    }

    /// Drops a database `newDatabaseWaiting` made, with whatever connections it still has.
    public static func dropWaiting(_ database: PostgresLocation) {
        guard let server = url.flatMap({ try? PostgresLocation(url: $0) }), let name = database.database.nilIfEmpty else { return }
        try? administerWaiting(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Everything `database` holds, as text: every row of every table, and the bytes columns
    /// (conversation states, stored replies, outbox payloads) as the text they hold — what a
    /// test that looks for a person's traces searches, as it searches a SQLite file's bytes.
    public static func everythingStoredWaiting(_ database: PostgresLocation) throws -> Data {
        let connection = try PostgresConnector(location: database).connectWaiting()
        defer { connection.closeSoon() }
        var text = ""
        let logger = Logger(label: "test")
        for table in PostgresSchema.tables {
            let rows = try connection.query(PostgresQuery(unsafeSQL: "SELECT t::text FROM \(table) t"), logger: logger).wait().rows
            for row in rows { text += (try row.decode(String.self)) + "\n" }
        }
        for (table, column) in [("sessions", "state"), ("processed_requests", "reply_json"), ("deliveries", "payload")] {
            let rows = try connection.query(PostgresQuery(unsafeSQL: "SELECT convert_from(\(column), 'UTF8') FROM \(table)"), logger: logger).wait().rows
            for row in rows { text += (try row.decode(String.self)) + "\n" }
        }
        return Data(text.utf8)
    }

    private static func administerWaiting(_ server: PostgresLocation, _ sql: String) throws {
        let connection = try PostgresConnector(location: server).connectWaiting()
        defer { connection.closeSoon() }
        _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test")).wait()
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
