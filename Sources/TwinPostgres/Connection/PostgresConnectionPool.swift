import Dispatch
import Logging
import PostgresNIO
import Synchronization
import TwinConfiguration

/// The store's connections to PostgreSQL: at most `size`, opened when first needed and kept
/// for the next transaction.
///
/// A transaction waits (on its own thread) for a free connection. A connection that broke —
/// the server restarted, the network went — is closed and left out; the next transaction opens
/// a new one.
final class PostgresConnectionPool: Sendable {
    private struct State {
        var idle: [PostgresConnection] = []
        var opened = 0
        var closed = false
    }

    /// How many connections there may be at once.
    let size: Int
    private let connector: PostgresConnector
    private let logger: Logger
    private let state = Mutex(State())
    /// One permit a connection: a transaction takes one before it takes a connection.
    private let permits: DispatchSemaphore
    /// How long a transaction waits for a free connection before it gives up.
    private let patience: DispatchTimeInterval

    init(connector: PostgresConnector, size: Int, patience: DispatchTimeInterval = .seconds(30), logger: Logger) {
        self.connector = connector
        self.size = max(1, size)
        self.logger = logger
        self.patience = patience
        permits = DispatchSemaphore(value: max(1, size))
    }

    /// Runs `body` with a connection of its own, waiting for one to be free.
    ///
    /// - Throws: `PostgresStoreError.busy` when none was free in time, `.cannotConnect` when a
    ///   new one could not be opened, and whatever `body` throws.
    func withConnection<T>(_ body: (WaitingConnection) throws -> T) throws -> T {
        guard permits.wait(timeout: .now() + patience) == .success else {
            throw PostgresStoreError.busy(location: connector.location.description, connections: size)
        }
        defer { permits.signal() }
        let connection = try take()
        do {
            let result = try body(WaitingConnection(connection: connection, logger: logger))
            giveBack(connection)
            return result
        } catch {
            giveBack(connection)
            throw error
        }
    }

    /// Closes every idle connection; those in use are closed when they come back.
    func close() {
        let idle = state.withLock { state -> [PostgresConnection] in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { connection.closeSoon() }
    }

    private func take() throws -> PostgresConnection {
        enum Next { case reuse(PostgresConnection), open(Int) }
        let next = state.withLock { state -> Next in
            while let connection = state.idle.popLast() {
                if !connection.isClosed { return .reuse(connection) }
                state.opened -= 1
            }
            state.opened += 1
            return .open(state.opened)
        }
        switch next {
        case .reuse(let connection):
            return connection
        case .open(let number):
            do {
                return try connector.connectWaiting(id: number)
            } catch {
                state.withLock { $0.opened -= 1 }
                throw error
            }
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        let keep = state.withLock { state -> Bool in
            guard !state.closed, !connection.isClosed else {
                state.opened -= 1
                return false
            }
            state.idle.append(connection)
            return true
        }
        if !keep { connection.closeSoon() }
    }
}
