import Foundation
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
