import Synchronization
public import Foundation
import GRDB
public import Twinning

/// The SQLite store: one database file in WAL mode, opened through a GRDB `DatabasePool`
/// (one writer, concurrent readers).
///
/// Commits use `synchronous=NORMAL`, which in WAL mode keeps every committed transaction through
/// a crash or kill -9 of the process (only a power loss can drop the last ones). The log is
/// copied into the database file by a `WALCheckpointer` in the background, not by the commits.
public final class SQLiteRepository: TwinRepository {
    /// The path of the database file.
    public let path: String
    let pool: DatabasePool
    private let checkpointer: WALCheckpointer

    /// How the write-ahead log is checkpointed.
    struct Checkpointing {
        /// How long the background checkpointer lets commits gather before it copies them.
        var interval: TimeInterval
        /// The log size, in pages, from which the checkpointer makes the log start afresh
        /// (16,000 pages of 4 KiB: 64 MiB).
        var restartFrames: Int
        /// The log size, in pages, at which a commit checkpoints by itself: beyond what the
        /// checkpointer lets the log reach, so only a safety net.
        var fallbackFrames: Int

        static let standard = Checkpointing(interval: 0.1, restartFrames: 16_000, fallbackFrames: 50_000)
    }

    /// Opens (creating it when needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: `StoreError` with what to do when the file cannot be used.
    public convenience init(path: String) throws {
        try self.init(path: path, checkpointing: .standard)
    }

    /// Opens the database with the given checkpoint settings (tests use small ones).
    init(path: String, checkpointing: Checkpointing) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The checkpointer thread copies the log; the writer only steps in when the log
            // grows this long anyway.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointing.fallbackFrames)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.describe(error))
        }
        let pool = self.pool
        checkpointer = WALCheckpointer(path: path, interval: checkpointing.interval, restartFrames: checkpointing.restartFrames) {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        }
        do {
            let migrator = Schema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.incompatible(path: path, reason: "it was written by a newer version of jobtwin")
            }
            try migrator.migrate(pool)
            // The check above opened a reader with the schema of before the migration; a
            // `SELECT *` it prepares would miss a column a migration added (v8's
            // `plans.intended_kinds`). Readers start afresh on the migrated schema, and one is
            // opened now, as the check did before: the file is open from the start.
            pool.invalidateReadOnlyConnections()
            try pool.read { db in try db.execute(sql: "SELECT 1") }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.incompatible(path: path, reason: Self.describe(error))
        }
    }

    deinit {
        checkpointer.stop()
    }

    /// Whether the background checkpointer's thread is running (for tests).
    var checkpointerIsRunning: Bool {
        checkpointer.isRunning
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any TwinTransaction) throws -> T) async throws -> T {
        let result = try await pool.write { db in try body(SQLiteTransaction(db: db)) }
        checkpointer.noteCommit()
        return result
    }

    public func blockingTransaction<T>(_ body: (any TwinTransaction) throws -> T) throws -> T {
        // GRDB's synchronous write runs the block on the calling thread once the writer is free.
        let result = try pool.write { db in try body(SQLiteTransaction(db: db)) }
        checkpointer.noteCommit()
        return result
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any TwinReader) throws -> T) async throws -> T {
        try await pool.read { db in try body(SQLiteTransaction(db: db)) }
    }

    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// Erases the participant (see `PersonalDataErasure`) and runs `followUp` in the same
    /// transaction, then checkpoints the WAL and vacuums the file so that no copy of the erased
    /// data is left in it. Returns what was done, or `nil` when there is no such participant.
    public func erasePersonalData(of id: ParticipantID, at now: Date,
                                  followUp: @escaping @Sendable (ErasedParticipant, any TwinTransaction) throws -> Void) async throws -> ErasedParticipant? {
        let erased = try await pool.write { db -> ErasedParticipant? in
            // Overwrite deleted content in place too, not only in the vacuumed copy.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            let tx = SQLiteTransaction(db: db)
            let pairs = try tx.pairs(of: id)
            guard let summary = try PersonalDataErasure.erase(id, at: now, in: db) else { return nil }
            let erased = ErasedParticipant(standIn: summary.standIn, pairsBefore: pairs, rowsChanged: summary.rowsDeleted)
            try followUp(erased, tx)
            return erased
        }
        guard var erased else { return nil }
        do {
            let checkpointer = self.checkpointer
            try await pool.barrierWriteWithoutTransaction { db in
                try checkpointer.gate.withLock { _ in
                    try Self.truncateLog(db)
                    try db.execute(sql: "VACUUM")
                    try Self.truncateLog(db)
                }
            }
        } catch {
            erased.compacted = false
            erased.compactionProblem = Self.describe(error)
        }
        return erased
    }

    /// The tables the export covers, and those that hold no personal data: together they must
    /// be every table of the schema.
    public static var exportCoverage: (personal: Set<String>, other: Set<String>) {
        (Set(PersonalDataExport.rowsAbout.keys), PersonalDataExport.withoutPersonalData)
    }

    /// The names of every table, for completeness checks (export, erase).
    public func tableNames() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name")
        }
    }

    /// Checkpoints the whole log and truncates it. A checkpoint of another process on the same
    /// file (its background checkpointer) makes this one fail at once with SQLITE_BUSY, so it
    /// is tried again for up to a second before the compaction is reported as not done.
    private static func truncateLog(_ db: Database) throws {
        var attempts = 0
        while true {
            do {
                try db.checkpoint(.truncate)
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempts < 20 {
                attempts += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let dbError = error as? DatabaseError {
            return dbError.message ?? dbError.resultCode.description
        }
        return String(describing: error)
    }
}
