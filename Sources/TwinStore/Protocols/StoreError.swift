/// Why the database could not be used, with what to do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file is not a JobTwin database, or was written by a newer version.
    case incompatible(path: String, reason: String)
    /// A stored row could not be read back.
    case corruptRow(table: String, key: String, reason: String)
    /// An erasure was committed, but the file could not be compacted afterwards.
    case notCompacted(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Cannot open the database at \(path): \(reason). Check that the folder exists and is writable, or pass another file with --db."
        case .incompatible(let path, let reason):
            return "The database at \(path) cannot be used: \(reason). Use a JobTwin database, or a new file with --db."
        case .corruptRow(let table, let key, let reason):
            return "A stored \(table) row (\(key)) cannot be read: \(reason)."
        case .notCompacted(let reason):
            return "The participant was erased, but the database file could not be compacted afterwards (\(reason)); free disk space, then erase or purge again (that compacts the file)."
        }
    }
}
