import Foundation
import GRDB

/// Reads a JobTwin database file the way an auditor would: every table the schema has (from
/// `sqlite_master`, so a table added later is covered without editing the tests), every text
/// and blob cell, and the raw bytes of the file and its write-ahead log.
struct DatabaseWalk {
    /// One cell that holds what was looked for.
    struct Finding: CustomStringConvertible, Hashable {
        var table: String
        var column: String
        var value: String
        var description: String { "\(table).\(column): \(value.prefix(160))" }
    }

    let path: String

    /// Every cell whose text matches `isMatch`.
    func cells(where isMatch: (String) -> Bool) throws -> [Finding] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var found: [Finding] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0["name"] as String }
                for column in columns {
                    let values = try String?.fetchAll(db, sql: "SELECT CAST(\"\(column)\" AS TEXT) FROM \"\(table)\"")
                    for case let value? in values where isMatch(value) {
                        found.append(Finding(table: table, column: column, value: value))
                    }
                }
            }
            return found
        }
    }

    /// The bytes of the database file, its write-ahead log and its shared-memory index.
    func rawBytes() -> Data {
        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = try? Data(contentsOf: URL(fileURLWithPath: path + suffix)) { bytes.append(data) }
        }
        return bytes
    }
}
