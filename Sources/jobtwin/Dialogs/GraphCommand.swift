import ArgumentParser
import DialogEngine
import TwinAssistant
import TwinReply
import TwinLanguage

/// `jobtwin dialogs graph NAME`: the flow of one dialog as Graphviz DOT.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print one dialog's flow as Graphviz DOT.",
        discussion: "Example: jobtwin dialogs graph intake | dot -Tsvg > intake.svg"
    )

    @Argument(help: "The dialog's name (e.g. intake, menu).")
    var name: String

    @Option(name: .long, help: ArgumentHelp("A folder of dialogs (default: $JOBTWIN_DIALOGS, the configuration's `dialogs`, ./Dialogs when it exists, else the built-in dialogs).", valueName: "dir"))
    var dialogs: String?

    @Option(name: .long, help: ArgumentHelp("The language of the labels: nl (Dutch) or en (English).", valueName: "nl|en"))
    var lang: String = "nl"

    func run() async throws {
        try await runReportingErrors {
            let program = try CLIError.wrap { try DialogLibrary.load(directory: try DialogFolder.resolve(dialogs)) }
            guard let dialog = program.dialog(name) else {
                throw CLIError(message: "There is no dialog `\(name)`; the dialogs are: \(program.dialogs.keys.sorted().joined(separator: ", ")).")
            }
            print(FlowGraph.dot(for: dialog, language: Language(spelling: lang) ?? .nl), terminator: "")
        }
    }
}
