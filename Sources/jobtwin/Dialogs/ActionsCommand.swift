import ArgumentParser
import DialogEngine
import TwinAssistant
import TwinReply

/// `jobtwin dialogs actions`: what dialogs can use of the assistant.
struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List the actions and read-only slots the assistant offers to dialogs."
    )

    func run() async throws {
        let host = JobTwinInterface.host
        print("Actions:")
        for action in host.actions.values.sorted(by: { $0.name < $1.name }) {
            let parameters = action.parameters.map { "\($0.name): \($0.type)\($0.isOptional ? "?" : "")" }.joined(separator: ", ")
            print("  \(action.name)(\(parameters))\(action.result.map { " -> \($0)" } ?? "")")
            print("      \(action.summary)")
        }
        print("Slots provided by the assistant (read-only):")
        for (slot, type) in host.hostSlots.sorted(by: { $0.key < $1.key }) {
            print("  \(slot): \(type)")
        }
        print("Entry dialog: \(host.entryDialog); home dialog: \(host.homeDialog)")
    }
}
