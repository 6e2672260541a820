public import Foundation
public import Logging
import NIOPosix
import PostgresNIO
public import TwinConfiguration
public import TwinStore
public import Twinning

/// The PostgreSQL store: the same `TwinRepository` as SQLite's, for several `jobtwin serve`
/// sharing one database server.
///
/// Each transaction runs on a thread of its own (a pool as large as the connection pool) and
/// waits there for each statement, because the store's protocols are synchronous. Turns of one
/// participant are serialized across processes by `holdTurns` (an advisory lock until the
/// transaction ends); a transaction that PostgreSQL ends for a deadlock or a serialization
/// failure is run again from the start, up to `retries` times, which is safe because a body
/// does nothing but read and write through its transaction.
public final class PostgresRepository: TwinRepository {
    /// The database (its description never shows the password).
    public let location: PostgresLocation
    private let pool: PostgresConnectionPool
    private let threads: NIOThreadPool
    private let leadership: PostgresLeadership
    private let logger: Logger
    /// How often a transaction that PostgreSQL ended for a deadlock or a serialization failure
    /// is run again.
    private let retries = 5

    /// Connects to `location`, migrates its schema (under the migrator's lock, so that
    /// instances starting together migrate once) and keeps up to `connections` connections.
    ///
    /// - Throws: `PostgresStoreError` saying what to check.
    public convenience init(location: PostgresLocation, connections: Int = 8,
                            logger: Logger = Logger(label: "jobtwin.postgres")) async throws(PostgresStoreError) {
        try await PostgresMigrator(connector: PostgresConnector(location: location, logger: logger), logger: logger).migrate()
        self.init(migrated: location, connections: connections, logger: logger)
    }

    /// `init(location:connections:logger:)` on the calling thread, waiting for the server (for
    /// code that cannot await, such as a test's fixture; never on an event loop).
    public convenience init(waitingFor location: PostgresLocation, connections: Int = 8,
                            logger: Logger = Logger(label: "jobtwin.postgres")) throws(PostgresStoreError) {
        try PostgresMigrator(connector: PostgresConnector(location: location, logger: logger), logger: logger).migrateWaiting()
        self.init(migrated: location, connections: connections, logger: logger)
    }

    private init(migrated location: PostgresLocation, connections: Int, logger: Logger) {
        let connector = PostgresConnector(location: location, logger: logger)
        self.location = location
        self.logger = logger
        pool = PostgresConnectionPool(connector: connector, size: connections, logger: logger)
        leadership = PostgresLeadership(connector: connector, logger: logger)
        threads = NIOThreadPool(numberOfThreads: max(1, connections))
        threads.start()
    }

    deinit {
        pool.close()
        threads.shutdownGracefully { _ in }
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any TwinTransaction) throws -> T) async throws -> T {
        try await threads.runIfActive { [self] in try blockingTransaction(body) }
    }

    public func blockingTransaction<T>(_ body: (any TwinTransaction) throws -> T) throws -> T {
        try run("BEGIN") { try body($0) }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any TwinReader) throws -> T) async throws -> T {
        // One snapshot for the whole read, as a SQLite read transaction sees one.
        try await threads.runIfActive { [self] in try run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try body($0) } }
    }

    public func ping() async throws {
        try await threads.runIfActive { [self] in
            try pool.withConnection { connection in try failing { try connection.execute("SELECT 1") } }
        }
    }

    public func erasePersonalData(of id: ParticipantID, at now: Date,
                                  followUp: @escaping @Sendable (ErasedParticipant, any TwinTransaction) throws -> Void) async throws -> ErasedParticipant? {
        // On the store's own transaction type: the erasure's statements are PostgreSQL's.
        let erased = try await threads.runIfActive { [self] () throws -> ErasedParticipant? in
            try run("BEGIN") { tx -> ErasedParticipant? in
                let pairs = try tx.pairs(of: id)
                guard let summary = try PostgresPersonalData.erase(id, at: now, in: tx) else { return nil }
                let erased = ErasedParticipant(standIn: summary.standIn, pairsBefore: pairs, rowsChanged: summary.rowsDeleted)
                try followUp(erased, tx)
                return erased
            }
        }
        guard var erased else { return nil }
        // The deleted and overwritten rows stay in the tables as dead tuples until a vacuum
        // reclaims them; this one does it now rather than whenever autovacuum comes by.
        do {
            try await threads.runIfActive { [self] in
                try pool.withConnection { connection in
                    for table in PostgresPersonalData.tablesTouchedByErasure {
                        try failing { try connection.execute(PostgresQuery(unsafeSQL: "VACUUM \(table)")) }
                    }
                }
            }
        } catch {
            erased.compacted = false
            erased.compactionProblem = "\(error)"
        }
        return erased
    }

    /// Whether this process runs the schedules: it holds the database's advisory lock for them
    /// (see `PostgresLeadership`), or takes it now because no process does.
    public func leadsSchedules() async -> Bool {
        await leadership.leads()
    }

    /// Closes the connections (those in use when they come back) and gives up the lead of the
    /// schedules, so that another process takes it at once.
    public func close() {
        pool.close()
        leadership.resign()
    }

    /// Runs `body` in a transaction begun by `begin` on a connection of its own, committing when
    /// it returns and rolling back when it throws; again from the start after a deadlock or a
    /// serialization failure.
    private func run<T>(_ begin: PostgresQuery, _ body: (PostgresTransaction) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try pool.withConnection { connection in
                    // Sent without waiting: the body's first statement waits for it.
                    try connection.send(begin)
                    do {
                        let result = try body(PostgresTransaction(connection))
                        try connection.execute("COMMIT")
                        return result
                    } catch {
                        _ = try? connection.execute("ROLLBACK")
                        throw error
                    }
                }
            } catch let error as PSQLError where Self.isTransient(error) && attempt <= retries {
                logger.debug("transaction run again", metadata: ["attempt": "\(attempt)", "reason": "\(PostgresStoreError.describe(error))"])
            } catch let error as PSQLError {
                throw PostgresStoreError.failed(location: location.description, reason: PostgresStoreError.describe(error))
            }
        }
    }

    /// Runs a statement outside any transaction, its PostgreSQL error as a `PostgresStoreError`.
    private func failing(_ statement: () throws -> Int) throws {
        do {
            _ = try statement()
        } catch let error as PSQLError {
            throw PostgresStoreError.failed(location: location.description, reason: PostgresStoreError.describe(error))
        }
    }

    /// Whether PostgreSQL ended the transaction for a deadlock (40P01) or a serialization
    /// failure (40001): both succeed when run again.
    static func isTransient(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }
}
