import ArgumentParser
import Foundation

/// The `jobtwin` command: a chat assistant for Job Twinning programmes.
@main
struct JobTwin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobtwin",
        abstract: "A chat assistant that takes Job Twinning participants through the programme.",
        discussion: """
        A teacher and a professional from a company are paired for about three months and go \
        through four phases: matching, getting acquainted (goals and a plan), activities, and the \
        closing evaluation. JobTwin asks the questions, checks the answers against the \
        programme's guidelines and keeps every answer in SQLite.

        Start with `jobtwin chat`. Settings come from --config (default ./jobtwin.yaml when it \
        exists), the environment (JOBTWIN_DB, JOBTWIN_DIALOGS, the channels' secrets) and flags, \
        flags winning. \
        Exit status: 0 on success, 1 on an error (the message says what to do), 2 on bad usage.
        """,
        subcommands: [ChatCommand.self, ServeCommand.self, DialogsCommand.self, MatchCommand.self, ReportCommand.self, BottlenecksCommand.self,
                      OutboxCommand.self, NotifyCommand.self, InviteCommand.self, ExportCommand.self, EraseCommand.self, AuditCommand.self, PurgeCommand.self,
                      MigrateCommand.self, DatabaseCommand.self]
    )

    /// Runs the command line, with the project's exit statuses: bad usage is 2 (ArgumentParser
    /// would use 64), an error of the user's data or environment 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
