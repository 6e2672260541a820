public import Foundation
import GRDB

/// One stored value as it is in the SQLite file, for copying a programme to another store.
public enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A table's columns and rows as stored.
public struct StoredTable: Sendable {
    /// The column names, in the table's order.
    public var columns: [String]
    /// The rows, each value in its column's place.
    public var rows: [[StoredValue]]
}

extension SQLiteRepository {
    /// The columns of `table` and all its rows, in their stored form and in the order of their
    /// key (`jobtwin db copy` moves them to PostgreSQL). A table that does not exist has none.
    public func storedRows(of table: String) async throws -> StoredTable {
        let pool = self.pool
        return try await pool.read { (db: Database) throws -> StoredTable in try Self.storedRows(of: table, in: db) }
    }

    private static func storedRows(of table: String, in db: Database) throws -> StoredTable {
        guard try db.tableExists(table) else { return StoredTable(columns: [], rows: []) }
        let columns = try db.columns(in: table).map(\.name)
        // In the order of the key (some tables have no rowid).
        let key = try db.primaryKey(table).columns.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(key)").map { row in Array(row.databaseValues.map(stored)) }
        return StoredTable(columns: columns, rows: rows)
    }

    private static func stored(_ value: DatabaseValue) -> StoredValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .blob(data)
        }
    }
}
