import ArgumentParser
import Foundation
import TwinConfiguration
import TwinStore

/// The options of every command that reads the configuration and the database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (default: $JOBTWIN_DB, the configuration's `database`, or ./jobtwin.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: ./jobtwin.yaml when it exists).", valueName: "file"))
    var config: String?

    /// The configuration file that is read: `--config`, or `jobtwin.yaml` when it exists.
    var configFile: String? {
        config ?? (FileManager.default.fileExists(atPath: JobTwinConfiguration.defaultFile) ? JobTwinConfiguration.defaultFile : nil)
    }

    /// The configuration with `--db` applied.
    func configuration() throws -> JobTwinConfiguration {
        var configuration = try CLIError.wrap { () throws(ConfigurationError) in try JobTwinConfiguration.load(file: config) }
        if let db { configuration.database = db }
        return configuration
    }

    /// The database, opened and migrated.
    func repository(_ configuration: JobTwinConfiguration) throws -> SQLiteRepository {
        let path = try Self.sqlitePath(configuration.database)
        return try CLIError.wrap { try SQLiteRepository(path: path) }
    }

    /// `database` when it is a SQLite file. A PostgreSQL URL is refused with what to do instead,
    /// and named without the password it may hold: SQLite would take it for a file name, fail,
    /// and print it whole.
    static func sqlitePath(_ database: String) throws -> String {
        guard PostgresLocation.isPostgresURL(database) else { return database }
        throw CLIError(message: "\(describe(database)) is a PostgreSQL database, and this version of jobtwin keeps its data in SQLite only. "
                       + "Give a file path (--db, $JOBTWIN_DB or `database:` in the configuration); PostgreSQL is being built (docs/postgresql.md).")
    }

    /// The database as messages name it: a PostgreSQL URL without its password.
    static func describe(_ database: String) -> String {
        guard PostgresLocation.isPostgresURL(database) else { return database }
        return (try? PostgresLocation(url: database, environment: [:]))?.description ?? "a postgres:// URL"
    }
}
