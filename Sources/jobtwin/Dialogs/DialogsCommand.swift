import ArgumentParser

/// `jobtwin dialogs`: tools for dialog authors.
struct DialogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialogs",
        abstract: "Tools for dialog authors: lint, graph, test, actions.",
        discussion: "The language reference is docs/dialog-language.md.",
        subcommands: [LintCommand.self, GraphCommand.self, TestCommand.self, ActionsCommand.self]
    )
}
