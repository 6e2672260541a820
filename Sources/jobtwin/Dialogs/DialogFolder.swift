import Foundation
import TwinConfiguration

/// Which dialogs the authors' tools (`jobtwin dialogs lint|graph|test`) work on, the same way
/// everywhere: the folder given on the command line, else `$JOBTWIN_DIALOGS` or the
/// configuration's `dialogs:` (as `chat` and `serve` use them), else `./Dialogs` when it
/// exists (an author working in a checkout), else the built-in dialogs (`nil`).
enum DialogFolder {
    static func resolve(_ given: String?, configFile: String? = nil) throws -> String? {
        if let given { return given }
        let configuration = try CLIError.wrap { () throws(ConfigurationError) in try JobTwinConfiguration.load(file: configFile) }
        if let configured = configuration.dialogs { return configured }
        return FileManager.default.fileExists(atPath: "Dialogs") ? "Dialogs" : nil
    }
}
