public import Logging
import PostgresNIO
import TwinConfiguration

/// Brings a PostgreSQL database's schema up to date (`PostgresSchema.migrations`), safely when
/// several `jobtwin serve` start at once: the migrations run under a session advisory lock, so
/// one instance migrates while the others wait and then find nothing left to do. Each
/// migration runs in its own transaction together with its row in `schema_migrations`.
public struct PostgresMigrator: Sendable {
    /// The advisory lock's key: the same in every jobtwin, different from other applications'
    /// keys on a shared server ("JobTwin" in ASCII).
    static let lockKey: Int64 = 0x4A6F_6254_7769_6E00

    private let connector: PostgresConnector
    private let logger: Logger

    /// A migrator for the database `connector` opens.
    public init(connector: PostgresConnector, logger: Logger = Logger(label: "jobtwin.postgres")) {
        self.connector = connector
        self.logger = logger
    }

    /// Applies the migrations the database lacks and returns their names (none when it was up
    /// to date).
    ///
    /// - Throws: `PostgresStoreError.newerSchema` when the database has a migration this
    ///   version does not know; `.cannotConnect` or `.failed` otherwise.
    @discardableResult
    public func migrate() async throws(PostgresStoreError) -> [String] {
        let connection = try await connector.connect()
        let location = connector.location.description
        do {
            let applied = try await run(on: connection)
            try? await connection.close()
            return applied
        } catch let error as PostgresStoreError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw .failed(location: location, reason: PostgresStoreError.describe(error))
        }
    }

    private func run(on connection: PostgresConnection) async throws -> [String] {
        let location = connector.location.description
        try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
        do {
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var done = Set<String>()
            for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                done.insert(name)
            }
            let known = Set(PostgresSchema.migrations.map(\.name))
            if let unknown = done.subtracting(known).sorted().first {
                throw PostgresStoreError.newerSchema(location: location, migration: unknown)
            }
            var applied: [String] = []
            for migration in PostgresSchema.migrations where !done.contains(migration.name) {
                try await apply(migration, on: connection)
                applied.append(migration.name)
                logger.info("database migrated", metadata: ["migration": "\(migration.name)", "database": "\(location)"])
            }
            try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
            return applied
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
            throw error
        }
    }

    private func apply(_ migration: PostgresSchema.Migration, on connection: PostgresConnection) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
