import Logging
import PostgresNIO

/// A PostgreSQL connection whose queries wait for their answer on the calling thread.
///
/// The store's protocols are synchronous (a turn is computed inside one transaction closure),
/// and PostgresNIO answers on its event loops: the store runs each transaction on a thread of
/// its own (never one of Swift's cooperative threads, never an event loop) and waits there for
/// every statement. One transaction at a time uses a connection.
///
/// A write whose answer nobody needs (`send`) is not waited for: the connection sends the
/// statements in order, so the next statement that is waited for — a read, `execute`, the
/// `COMMIT` — answers after it, and any error of it surfaces there. The thread then sleeps
/// once for several statements instead of once for each: waking it up and handing over the
/// answer cost more CPU than PostgreSQL's own work on a turn.
struct WaitingConnection: Sendable {
    /// The connection.
    let connection: PostgresConnection
    /// Gets PostgresNIO's messages about the queries.
    let logger: Logger
    private let sent = SentStatements()

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Sends `query` without waiting for its answer; the next statement waited for waits for
    /// it too, and throws its error if it failed.
    func send(_ query: PostgresQuery) {
        sent.note(query)
        sent.add(connection.query(query, logger: logger))
    }

    /// How many statements other than a `SELECT` were sent on this connection so far: what a
    /// transaction read before is still what it would read while this stays the same.
    var writesSent: Int { sent.writes }

    /// The rows of `query`.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try answer(query).rows
    }

    /// The first row of `query`, if any.
    func row(_ query: PostgresQuery) throws -> PostgresRow? {
        try rows(query).first
    }

    /// The first column of the first row of `query`, if there is a row (and the value is not NULL).
    func value<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery) throws -> T? {
        guard let cell = try row(query)?.first, cell.bytes != nil else { return nil }
        return try cell.decode(T.self)
    }

    /// Runs `query`; how many rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try answer(query).metadata.rows ?? 0
    }

    /// Sends `query` and waits for it and for every statement sent before it. The first error
    /// is thrown, after everything sent has answered: a `ROLLBACK` sent after a failed write
    /// has then still run.
    private func answer(_ query: PostgresQuery) throws -> PostgresQueryResult {
        sent.note(query)
        let future = connection.query(query, logger: logger)
        var firstError: (any Error)?
        for earlier in sent.takeAll() {
            do { _ = try earlier.wait() } catch { firstError = firstError ?? error }
        }
        let result: PostgresQueryResult
        do {
            result = try future.wait()
        } catch {
            throw firstError ?? error
        }
        if let firstError { throw firstError }
        return result
    }

    /// Whether the connection can still be used.
    var isOpen: Bool { !connection.isClosed }
}

/// The answers of the statements a `WaitingConnection` sent without waiting, and how many
/// statements sent were not reads.
///
/// `@unchecked Sendable`: a connection is used by one transaction, on one thread, at a time
/// (`PostgresConnectionPool.withConnection`), so this is never touched by two threads at once.
private final class SentStatements: @unchecked Sendable {
    private var futures: [EventLoopFuture<PostgresQueryResult>] = []
    private(set) var writes = 0

    /// Counts `query` unless it is a `SELECT` (which, in this store, never changes a row).
    func note(_ query: PostgresQuery) {
        let start = query.sql.drop(while: \.isWhitespace).prefix(6)
        if start.uppercased() != "SELECT" { writes += 1 }
    }

    func add(_ future: EventLoopFuture<PostgresQueryResult>) {
        futures.append(future)
    }

    func takeAll() -> [EventLoopFuture<PostgresQueryResult>] {
        defer { futures.removeAll(keepingCapacity: true) }
        return futures
    }
}
