import ArgumentParser
import Foundation
import TwinAssistant

/// `jobtwin purge`: anonymise closed trajectories past the retention period.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the participants of closed trajectories past the retention period.",
        discussion: """
        A closed trajectory's two participants are erased (as with `jobtwin erase`) once neither \
        has been active for `retention.closed_days` days (default 365). `jobtwin serve` runs \
        this once a day. Cannot be undone: asks for confirmation on a terminal; --yes skips it.
        """
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var yes = false

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CLIError(message: "Purging cannot be undone; run it on a terminal to confirm, or add --yes.")
                }
                print("Erase every closed trajectory inactive for \(configuration.retention.closedDays) days? (yes/no) ", terminator: "")
                fflush(nil)
                guard ["yes", "y", "ja", "j"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "") else {
                    throw CLIError(message: "Nothing was erased.")
                }
            }
            let erased = try await RetentionPurge.run(try common.repository(configuration), closedDays: configuration.retention.closedDays,
                                                      now: Date(), actor: Actor.current)
            print(erased.isEmpty ? "Nothing to purge." : "Erased \(erased.count) participant(s) of closed trajectories.")
        }
    }
}
