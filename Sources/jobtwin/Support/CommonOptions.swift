import ArgumentParser
import DialogEngine
import Foundation
import TwinAssistant
import TwinReply
import TwinConfiguration
import TwinStore
import Twinning

/// The options of the commands that run dialogs as well as reading the database: chat,
/// serve, match, report.
struct CommonOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("A folder of dialog scripts that replaces the built-in dialogs (default: $JOBTWIN_DIALOGS, or the configuration's `dialogs`).", valueName: "dir"))
    var dialogs: String?

    /// The configuration file that is read.
    var configFile: String? { store.configFile }

    /// The configuration with the flags applied.
    func configuration() throws -> JobTwinConfiguration {
        var configuration = try store.configuration()
        if let dialogs { configuration.dialogs = dialogs }
        return configuration
    }

    /// The dialogs, loaded and checked.
    func program(_ configuration: JobTwinConfiguration) throws -> Program {
        try CLIError.wrap { try DialogLibrary.load(directory: configuration.dialogs) }
    }

    /// The table of related studies and target groups: the built-in one, with the dialogs
    /// folder's own `matching/terms.yaml` added.
    func terms(_ configuration: JobTwinConfiguration) throws -> RelatedTerms {
        try CLIError.wrap { () throws(DialogLibraryError) in try DialogLibrary.terms(directory: configuration.dialogs) }
    }

    /// The database, opened and migrated.
    func repository(_ configuration: JobTwinConfiguration) async throws -> any TwinRepository {
        try await store.repository(configuration)
    }
}
