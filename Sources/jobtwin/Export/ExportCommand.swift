import ArgumentParser
import Foundation
import Twinning
import TwinStore

/// `jobtwin export`: everything stored about one participant, as JSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print everything stored about a participant as JSON (a data access request).",
        discussion: """
        Covers every table that holds personal data: the participant, the conversation state, \
        the answers, the profile, likes, pairs, exclusions, events, the pair's goals, plan and \
        activities, the context check, the evaluation, bottlenecks, notices, processed channel \
        requests, consent decisions, kept conversation texts, an erasure still owed, the \
        notification deliveries and reminders about them, and the audit entries that name them.
        """
    )

    @Argument(help: ArgumentHelp("The participant, as CHANNEL:ID (a bare id is a repl: one).", valueName: "participant"))
    var participant: String

    @OptionGroup var common: StoreOptions

    func run() async throws {
        try await runReportingErrors {
            guard let id = ParticipantID(participant) else {
                throw CLIError(message: "Participant ids are CHANNEL:ID, like slack:T1:U2 or repl:anna.")
            }
            guard !id.isErasedStandIn else {
                throw CLIError(message: "\(id) is the anonymous stand-in of someone already erased: nothing of theirs is left to export. Give the id of a participant (CHANNEL:ID, e.g. repl:anna).")
            }
            let configuration = try common.configuration()
            let repository = try common.repository(configuration)
            guard try await repository.read({ try $0.participant(id) }) != nil else {
                throw CLIError(message: "There is no participant \(id); check the id (CHANNEL:ID, e.g. repl:anna).")
            }
            let data = try await repository.exportPersonalData(of: id, at: Date())
            try await repository.audit(AuditEntry(at: Date(), actor: Actor.current, action: "export", subject: id.description,
                                                  detail: "exported \(data.count) bytes"))
            FileHandle.standardOutput.write(data)
            print()
        }
    }
}
