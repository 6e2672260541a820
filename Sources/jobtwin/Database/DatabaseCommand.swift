import ArgumentParser

/// `jobtwin db`: moving a programme between stores.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Move a programme between databases.",
        subcommands: [DatabaseCopyCommand.self]
    )
}
