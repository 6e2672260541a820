import PostgresNIO

/// What went wrong with the PostgreSQL database, said so that an operator can act on it. The
/// database is always named without its password.
public enum PostgresStoreError: Error, CustomStringConvertible {
    /// The server could not be reached or refused the sign-in.
    case cannotConnect(location: String, reason: String)
    /// The database's schema was written by a newer jobtwin (a migration this one does not know).
    case newerSchema(location: String, migration: String)
    /// A statement failed.
    case failed(location: String, reason: String)
    /// Every connection was in use for longer than a transaction waits.
    case busy(location: String, connections: Int)

    /// The problem and what to do about it.
    public var description: String {
        switch self {
        case .cannotConnect(let location, let reason):
            return "cannot connect to \(location): \(reason). Check that the server runs, the host, port, user and database of the URL, and the password ($PGPASSWORD or the URL)."
        case .newerSchema(let location, let migration):
            return "\(location) was set up by a newer jobtwin (its migration “\(migration)” is unknown here): run that version or a later one."
        case .busy(let location, let connections):
            return "all \(connections) connections to \(location) stayed busy for 30 seconds: nothing was changed. Try again; if it goes on, the database server is overloaded or a transaction hangs (see pg_stat_activity)."
        case .failed(let location, let reason):
            return "the database \(location) refused a statement: \(reason)"
        }
    }

    /// An error of PostgresNIO's as one line: the server's own message when it sent one.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + code
            }
            // A connection that failed says why in the error under it (refused, timed out).
            if let underlying = error.underlying { return String(describing: underlying) }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}
