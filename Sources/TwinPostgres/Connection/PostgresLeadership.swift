import Logging
import PostgresNIO
import Synchronization
import TwinConfiguration

/// Which of the processes sharing the database runs the schedules (reminders, the retention
/// purge): the one holding a session-level advisory lock, on a connection kept for it.
///
/// The lock is PostgreSQL's, so it is released when the leader's connection ends — the process
/// stopped, was killed or lost the network — and the next process that asks takes it over.
final class PostgresLeadership: Sendable {
    /// The advisory lock's key: JobTwin's schedules (next to the migrator's).
    static let lockKey: Int64 = 0x4A6F_6254_7769_6E01

    private let connector: PostgresConnector
    private let logger: Logger
    private let held = Mutex<PostgresConnection?>(nil)

    init(connector: PostgresConnector, logger: Logger) {
        self.connector = connector
        self.logger = logger
    }

    /// Whether this process leads now: it holds the lock, or takes it because no one does.
    func leads() async -> Bool {
        if let connection = held.withLock({ $0 }), !connection.isClosed { return true }
        do {
            let connection = try await connector.connect(id: 0)
            var taken = false
            for try await value in try await connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))", logger: logger).decode(Bool.self) {
                taken = value
            }
            guard taken else {
                try? await connection.close()
                return false
            }
            let previous = held.withLock { state -> PostgresConnection? in
                defer { state = connection }
                return state
            }
            previous?.closeSoon()
            logger.notice("this process runs the schedules (reminders, retention) for the database", metadata: ["database": "\(connector.location.description)"])
            return true
        } catch {
            logger.warning("could not ask whether this process runs the schedules", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Gives the lead up: closing its connection releases the lock.
    func resign() {
        if let connection = held.withLock({ state -> PostgresConnection? in defer { state = nil }; return state }) {
            connection.closeSoon()
        }
    }

    deinit { resign() }

}
