public import Logging
import NIOPosix
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

    /// Applies the migrations the database lacks; their names, in order (none when it was up to
    /// date). Waits while another process migrates.
    ///
    /// - Throws: `PostgresStoreError.newerSchema` for a database written by a newer jobtwin
    ///   (nothing is changed), `.cannotConnect` or `.failed` otherwise.
    @discardableResult
    public func migrate() async throws(PostgresStoreError) -> [String] {
        let migrator = self
        do {
            return try await NIOThreadPool.singleton.runIfActive { try migrator.migrateWaiting() }
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw .failed(location: connector.location.description, reason: PostgresStoreError.describe(error))
        }
    }

    /// `migrate()` on the calling thread, waiting for each statement (never on Swift's
    /// cooperative threads or an event loop).
    @discardableResult
    public func migrateWaiting() throws(PostgresStoreError) -> [String] {
        let connection = WaitingConnection(connection: try connector.connectWaiting(id: 0), logger: logger)
        defer { connection.connection.closeSoon() }
        do {
            return try run(on: connection)
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw .failed(location: connector.location.description, reason: PostgresStoreError.describe(error))
        }
    }

    private func run(on connection: WaitingConnection) throws -> [String] {
        let location = connector.location.description
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        do {
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let done = Set(try connection.rows("SELECT name FROM schema_migrations").map { try $0.decode(String.self) })
            let known = Set(PostgresSchema.migrations.map(\.name))
            if let unknown = done.subtracting(known).sorted().first {
                throw PostgresStoreError.newerSchema(location: location, migration: unknown)
            }
            var applied: [String] = []
            for migration in PostgresSchema.migrations where !done.contains(migration.name) {
                try apply(migration, on: connection)
                applied.append(migration.name)
                logger.info("database migrated", metadata: ["migration": "\(migration.name)", "database": "\(location)"])
            }
            try connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))")
            return applied
        } catch {
            _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))")
            throw error
        }
    }

    private func apply(_ migration: PostgresSchema.Migration, on connection: WaitingConnection) throws {
        try connection.execute("BEGIN")
        do {
            for statement in migration.statements {
                try connection.execute(PostgresQuery(unsafeSQL: statement))
            }
            try connection.execute("INSERT INTO schema_migrations (name) VALUES (\(migration.name))")
            try connection.execute("COMMIT")
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
