import ArgumentParser

/// The `jobtwin` command: a chat assistant for Job Twinning programmes.
@main
struct JobTwin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobtwin",
        abstract: "A chat assistant that takes Job Twinning participants through the programme.",
        discussion: """
        A teacher and a professional from a company are paired for about three months and go
        through four phases: matching, getting acquainted (goals and a plan), activities, and the
        closing evaluation. JobTwin asks the questions, checks the answers against the
        programme's guidelines and keeps every answer in SQLite.

        Start with `jobtwin chat`. Settings come from --config (default ./jobtwin.yaml when it
        exists), the environment (JOBTWIN_DB, JOBTWIN_DIALOGS) and flags, flags winning.
        """,
        subcommands: [ChatCommand.self, DialogsCommand.self]
    )
}
