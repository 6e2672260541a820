import ArgumentParser
import Foundation
import Twinning
import TwinStore

/// `jobtwin erase`: remove everything personal about one participant.
struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a participant: everything personal is removed from the database file.",
        discussion: """
        Deletes the participant's conversation, answers, profile, likes, own goals, activities, \
        evaluation, notices and stored channel requests; the partner keeps their own side of \
        the shared trajectory, with the erased person replaced by an anonymous stand-in. The \
        name is also taken out of other people's texts and of unsent notifications. Afterwards \
        the WAL is checkpointed and the file vacuumed, so no copy stays behind. Cannot be \
        undone: asks for confirmation on a terminal; --yes skips it.
        """
    )

    @Argument(help: ArgumentHelp("The participant, as CHANNEL:ID (a bare id is a repl: one).", valueName: "participant"))
    var participant: String

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await runReportingErrors {
            guard let id = ParticipantID(participant) else {
                throw CLIError(message: "Participant ids are CHANNEL:ID, like slack:T1:U2 or repl:anna.")
            }
            let configuration = try common.configuration()
            let repository = try common.repository(configuration)
            guard try await repository.read({ try $0.participant(id) }) != nil else {
                throw CLIError(message: "There is no participant \(id); check the id (CHANNEL:ID, e.g. repl:anna).")
            }
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CLIError(message: "Erasing cannot be undone; run it on a terminal to confirm, or add --yes.")
                }
                print("Erase everything about \(id)? This cannot be undone. (yes/no) ", terminator: "")
                fflush(nil)
                guard ["yes", "y", "ja", "j"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "") else {
                    throw CLIError(message: "Nothing was erased.")
                }
            }
            guard let standIn = try await repository.erasePersonalData(of: id, at: Date()) else {
                throw CLIError(message: "There is no participant \(id).")
            }
            // Logged under the stand-in: the erased id itself must not come back into the file.
            try await repository.audit(AuditEntry(at: Date(), actor: Actor.current, action: "erase", subject: standIn.description,
                                                  detail: "participant erased; shared data kept under this stand-in"))
            print("Erased \(id); shared data now refers to \(standIn). The database file was vacuumed.")
        }
    }
}
