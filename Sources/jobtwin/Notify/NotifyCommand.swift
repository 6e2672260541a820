import ArgumentParser

/// `jobtwin notify`: tools for the notification targets.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Check the notification targets.",
        subcommands: [NotifyTestCommand.self]
    )
}
