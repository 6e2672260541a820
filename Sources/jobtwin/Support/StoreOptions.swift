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
        try CLIError.wrap { try SQLiteRepository(path: configuration.database) }
    }
}
