import ArgumentParser
import DialogEngine
import Foundation
import TwinAssistant
import TwinStore
import TwinConfiguration

/// The options every command that touches the database or the dialogs takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (default: $JOBTWIN_DB, the configuration's `database`, or ./jobtwin.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: ./jobtwin.yaml when it exists).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("A folder of dialog scripts that replaces the built-in dialogs (default: $JOBTWIN_DIALOGS).", valueName: "dir"))
    var dialogs: String?

    /// The configuration file that is read: `--config`, or `jobtwin.yaml` when it exists.
    var configFile: String? {
        config ?? (FileManager.default.fileExists(atPath: JobTwinConfiguration.defaultFile) ? JobTwinConfiguration.defaultFile : nil)
    }

    /// The configuration with the flags applied.
    func configuration() throws -> JobTwinConfiguration {
        var configuration = try CLIError.wrap { () throws(ConfigurationError) in try JobTwinConfiguration.load(file: config) }
        if let db { configuration.database = db }
        if let dialogs { configuration.dialogs = dialogs }
        return configuration
    }

    /// The dialogs, loaded and checked.
    func program(_ configuration: JobTwinConfiguration) throws -> Program {
        try CLIError.wrap { try DialogLibrary.load(directory: configuration.dialogs) }
    }

    /// The database, opened and migrated.
    func repository(_ configuration: JobTwinConfiguration) throws -> SQLiteRepository {
        try CLIError.wrap { try SQLiteRepository(path: configuration.database) }
    }
}
