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

    @OptionGroup var who: ParticipantArgument

    @OptionGroup var common: StoreOptions

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let id = try await who.existing(in: repository)
            let data = try await repository.exportPersonalData(of: id, at: Date())
            try await repository.audit(AuditEntry(at: Date(), actor: AuditActor.current, action: "export", subject: id.description,
                                                  detail: "exported \(data.count) bytes"))
            FileHandle.standardOutput.write(data)
            print()
        }
    }
}
