import ArgumentParser
import Twinning
import TwinStore

/// The participant a command is about (`jobtwin export`, `jobtwin erase`), checked before the
/// command runs: a well-formed id, not an erased person's stand-in, and someone the database has.
struct ParticipantArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The participant, as CHANNEL:ID (a bare id is a repl: one).", valueName: "participant"))
    var participant: String

    func validate() throws {
        guard let id = ParticipantID(participant) else {
            throw ValidationError("Participant ids are CHANNEL:ID, like slack:T1:U2 or repl:anna.")
        }
        guard !id.isErasedStandIn else {
            throw ValidationError("\(id) is the anonymous stand-in of someone already erased: nothing of theirs is left. Give the id of a participant (CHANNEL:ID, e.g. repl:anna).")
        }
    }

    /// The participant, once the database shows they exist.
    func existing(in repository: any TwinRepository) async throws -> ParticipantID {
        guard let id = ParticipantID(participant) else {
            throw CLIError(message: "Participant ids are CHANNEL:ID, like slack:T1:U2 or repl:anna.")
        }
        guard try await repository.read({ try $0.participant(id) }) != nil else {
            throw CLIError(message: "There is no participant \(id); check the id (CHANNEL:ID, e.g. repl:anna).")
        }
        return id
    }
}
