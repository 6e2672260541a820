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
    func send(_ query: PostgresQuery) throws {
        try sendDeferred()
        sent.note(query)
        sent.add(connection.query(query, logger: logger))
    }

    /// Adds a row to `statement`, which is sent without waiting just before the next other
    /// statement on this connection. A row whose `key` the statement holds already (an upsert
    /// cannot change one row twice) sends the statement first and starts it afresh, so the
    /// later row wins, as one statement after another would have it; a plain insert gives no
    /// key. `bind` appends the row's `statement.width` values.
    func sendLater(_ statement: DeferredStatement, key: String?, bind: @escaping (inout PostgresBindings) throws -> Void) throws {
        // PostgreSQL takes at most 65,535 values in one statement: a long run is sent in parts.
        if let key, sent.deferredHolds(statement, key: key) {
            try sendDeferred()
        } else if (sent.deferredRows(of: statement) + 1) * statement.width > Self.valuesPerStatement {
            try sendDeferred()
        }
        sent.deferLater(statement, key: key, bind: bind)
    }

    /// Sends what `sendLater` collected, a statement per kind, in the order first given.
    private func sendDeferred() throws {
        for (statement, rows) in sent.takeDeferred() {
            var binds = PostgresBindings(capacity: rows.count * statement.width)
            for bind in rows { try bind(&binds) }
            sent.add(connection.query(PostgresQuery(unsafeSQL: statement.sql(rows: rows.count), binds: binds), logger: logger))
        }
    }

    /// The most values `sendLater` puts into one statement.
    static let valuesPerStatement = 30_000

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
        do {
            try sendDeferred()
        } catch {
            // A row that could not be encoded: what was sent before still answers first.
            for earlier in sent.takeAll() { _ = try? earlier.wait() }
            throw error
        }
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
    /// The rows `sendLater` collected, per statement, with their keys.
    private var deferred: [(statement: DeferredStatement, keys: Set<String>, rows: [(inout PostgresBindings) throws -> Void])] = []

    func deferredRows(of statement: DeferredStatement) -> Int {
        deferred.first { $0.statement == statement }?.rows.count ?? 0
    }

    func deferredHolds(_ statement: DeferredStatement, key: String) -> Bool {
        deferred.contains { $0.statement == statement && $0.keys.contains(key) }
    }

    func deferLater(_ statement: DeferredStatement, key: String?, bind: @escaping (inout PostgresBindings) throws -> Void) {
        // A write like any other for `writesSent`, counted when it is given.
        writes += 1
        if let index = deferred.firstIndex(where: { $0.statement == statement }) {
            if let key { deferred[index].keys.insert(key) }
            deferred[index].rows.append(bind)
        } else {
            deferred.append((statement, key.map { [$0] } ?? [], [bind]))
        }
    }

    func takeDeferred() -> [(DeferredStatement, [(inout PostgresBindings) throws -> Void])] {
        defer { deferred.removeAll(keepingCapacity: true) }
        return deferred.map { ($0.statement, $0.rows) }
    }

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
