public import Foundation
public import TwinConfiguration
import TwinPostgres
public import TwinStore
import Logging
import Synchronization

/// A store of its own for one test, of the kind `TestStoreKind.current` names: a SQLite file in
/// a fresh temporary folder, or a new database on the PostgreSQL test server. Everything is
/// removed again when the store is released — so a test keeps it (or the fixture holding it)
/// for as long as it uses the repository: on PostgreSQL the database is dropped then.
public final class TestStore: Sendable {
    /// The kind of store.
    public let kind: TestStoreKind
    /// A temporary folder of the test's own (on SQLite, the database file is in it).
    public let folder: URL
    /// The SQLite file (on PostgreSQL, where such a file would be: nothing is written there).
    public let sqlitePath: String
    /// The database on the PostgreSQL server, when the store is one.
    public let postgres: PostgresLocation?
    /// The store.
    public let repository: any TwinRepository
    private let connections: Int
    /// Every PostgreSQL store opened on the database, closed with this one.
    private let opened = Mutex<[PostgresRepository]>([])

    /// Opens a new, empty store; on PostgreSQL it keeps at most `connections` connections (the
    /// test server allows a few hundred for all the tests running at once).
    public init(kind: TestStoreKind = TestStoreKind.current, connections: Int = 2) throws {
        self.kind = kind
        self.connections = connections
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        sqlitePath = folder.appendingPathComponent("test.sqlite").path
        switch kind {
        case .sqlite:
            postgres = nil
            repository = try SQLiteRepository(path: sqlitePath)
        case .postgres:
            let database = try PostgresTestServer.newDatabaseWaiting()
            postgres = database
            do {
                let store = try PostgresRepository(waitingFor: database, connections: connections, logger: Self.logger)
                opened.withLock { $0.append(store) }
                repository = store
            } catch {
                PostgresTestServer.dropWaiting(database)
                throw error
            }
        }
    }

    /// The same store opened again, as by a process that starts after this one.
    public func reopened() throws -> any TwinRepository {
        guard let postgres else { return try SQLiteRepository(path: sqlitePath) }
        let store = try PostgresRepository(waitingFor: postgres, connections: connections, logger: Self.logger)
        opened.withLock { $0.append(store) }
        return store
    }

    /// Everything the store holds, for tests that look for traces of a person: the SQLite
    /// file's bytes with its log, or every PostgreSQL row as text.
    public func storedBytes() throws -> Data {
        if let postgres { return try PostgresTestServer.everythingStoredWaiting(postgres) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: sqlitePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: sqlitePath + "-wal")) { bytes.append(wal) }
        return bytes
    }

    /// The PostgreSQL store's log in tests: warnings and errors only (not a line per migration).
    private static let logger: Logger = {
        var logger = Logger(label: "jobtwin.postgres")
        logger.logLevel = .warning
        return logger
    }()

    deinit {
        for store in opened.withLock({ $0 }) { store.close() }
        if let postgres { PostgresTestServer.dropWaiting(postgres) }
        try? FileManager.default.removeItem(at: folder)
    }
}
