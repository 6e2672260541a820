import ArgumentParser
import Foundation
import Logging
import TwinConfiguration
import TwinPostgres
import TwinStore

/// The options of every command that reads the configuration and the database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database: a SQLite file, or postgres://USER@HOST[:PORT]/DATABASE (default: $JOBTWIN_DB, the configuration's `database`, or ./jobtwin.sqlite).", valueName: "path-or-url"))
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

    /// The database, opened and migrated: PostgreSQL for a `postgres://` URL (the password
    /// from the URL or `$PGPASSWORD`), else the SQLite file at that path.
    func repository(_ configuration: JobTwinConfiguration) async throws -> any TwinRepository {
        try await Self.repository(configuration.database)
    }

    /// The database `database` names, opened and migrated.
    static func repository(_ database: String) async throws -> any TwinRepository {
        guard PostgresLocation.isPostgresURL(database) else {
            return try CLIError.wrap { try SQLiteRepository(path: database) }
        }
        let location = try CLIError.wrap { () throws(PostgresLocationError) in try PostgresLocation(url: database) }
        do {
            return try await PostgresRepository(location: location, logger: postgresLogger)
        } catch {
            throw CLIError(message: error.description)
        }
    }

    /// PostgresNIO's and the store's messages: warnings and errors only, so that a command's
    /// output is its own (a migration is said by `jobtwin migrate`).
    static var postgresLogger: Logger {
        var logger = Logger(label: "jobtwin.postgres")
        logger.logLevel = .warning
        return logger
    }

    /// The database as messages name it: a PostgreSQL URL without its password.
    static func describe(_ database: String) -> String {
        guard PostgresLocation.isPostgresURL(database) else { return database }
        return (try? PostgresLocation(url: database, environment: [:]))?.description ?? "a postgres:// URL"
    }
}
