import Logging
import PostgresNIO

/// A PostgreSQL connection whose queries wait for their answer on the calling thread.
///
/// The store's protocols are synchronous (a turn is computed inside one transaction closure),
/// and PostgresNIO answers on its event loops: the store runs each transaction on a thread of
/// its own (never one of Swift's cooperative threads, never an event loop) and waits there for
/// every statement. One transaction at a time uses a connection.
struct WaitingConnection: Sendable {
    /// The connection.
    let connection: PostgresConnection
    /// Gets PostgresNIO's messages about the queries.
    let logger: Logger

    /// The rows of `query`.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
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
        try connection.query(query, logger: logger).wait().metadata.rows ?? 0
    }

    /// Whether the connection can still be used.
    var isOpen: Bool { !connection.isClosed }
}
