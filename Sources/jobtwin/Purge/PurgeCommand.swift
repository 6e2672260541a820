import TwinConfiguration
import ArgumentParser
import Foundation
import TwinAssistant
import TwinReply

/// `jobtwin purge`: erase whoever the retention rules say is due.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the participants the retention rules say are due.",
        discussion: """
        Two rules (`retention:` in the configuration). A closed trajectory's participants are \
        erased once neither has been active for `closed_days` days (default 365). A participant \
        without a profile (an intake abandoned, consent for processing refused) or whose latest \
        consent decision is a no is erased after `inactive_without_profile_days` days without a \
        message (default 90; 0 turns the rule off), unless they are in a running pair. \
        Coordinators (the configuration's list, and anyone the audit log shows acting as one) \
        are never erased. Each erasure is the same as `jobtwin erase` and is audited as `purge`. \
        `jobtwin serve` runs this once a day. Cannot be undone: asks for confirmation on a \
        terminal; --yes skips it.
        """
    )

    @OptionGroup var common: StoreOptions

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var yes = false

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let retention = configuration.retention
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CLIError(message: "Purging cannot be undone; run it on a terminal to confirm, or add --yes.")
                }
                var question = "Erase every closed trajectory inactive for \(retention.closedDays) days"
                if retention.inactiveWithoutProfileDays > 0 {
                    question += ", and everyone without a profile or consent inactive for \(retention.inactiveWithoutProfileDays) days"
                }
                if retention.unmatchedDays > 0 {
                    question += ", and everyone never matched and silent for \(retention.unmatchedDays) days after a warning"
                        + " (those silent for \(retention.unmatchedDays - retention.unmatchedNoticeDays) days are warned)"
                }
                print(question + "? (yes/no) ", terminator: "")
                fflush(nil)
                guard ["yes", "y", "ja", "j"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "") else {
                    throw CLIError(message: "Nothing was erased.")
                }
            }
            let outcome = try await RetentionPurge.run(try await common.repository(configuration), settings: retention,
                                                       coordinators: configuration.coordinators, now: Date(), actor: AuditActor.current)
            if !outcome.warned.isEmpty {
                print("Warned \(outcome.warned.count) participant(s) never matched that they will be erased in "
                      + "\(retention.unmatchedNoticeDays) days unless they send a message.")
            }
            if outcome.droppedMails > 0 {
                print("Deleted \(outcome.droppedMails) invitation e-mail(s) never delivered whose link no longer opens.")
            }
            if outcome.all.isEmpty {
                print("Nothing to purge.")
            } else {
                print("Erased \(outcome.closed.count) participant(s) of closed trajectories, \(outcome.inactive.count) "
                      + "without a profile or consent and \(outcome.unmatched.count) never matched"
                      + (outcome.requested.isEmpty ? "" : ", and carried out \(outcome.requested.count) erasure(s) participants had asked for")
                      + "; see `jobtwin audit`.")
            }
        }
    }
}
