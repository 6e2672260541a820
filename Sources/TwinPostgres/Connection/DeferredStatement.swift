import PostgresNIO

/// A statement of many rows that a `WaitingConnection` sends once, with every row given to it
/// (`WaitingConnection.sendLater`), just before the next other statement: `head`, then one
/// `(…)` of `width` placeholders per row, then `tail`.
///
/// The writes of every turn — the conversation, its answers, the request — were a statement
/// each, and each statement costs a trip to the server and back and the work of both ends
/// around it; a group commit of several turns now sends one statement per table.
struct DeferredStatement: Hashable, Sendable {
    /// What comes before the rows, up to `VALUES`.
    let head: String
    /// How many values a row has.
    let width: Int
    /// What comes after the rows (`ON CONFLICT …`, or the rest of an `UPDATE … FROM`).
    let tail: String

    /// The SQL for `rows` rows.
    func sql(rows: Int) -> String {
        var sql = head
        sql.reserveCapacity(head.count + tail.count + rows * width * 5)
        for row in 0..<rows {
            sql += row == 0 ? " (" : ", ("
            for column in 0..<width {
                if column > 0 { sql += ", " }
                sql += "$\(row * width + column + 1)"
            }
            sql += ")"
        }
        return sql + " " + tail
    }
}
