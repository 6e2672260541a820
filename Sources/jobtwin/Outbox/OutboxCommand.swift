import ArgumentParser

/// `jobtwin outbox`: the notification outbox — what waits, what was delivered, what was given
/// up on — and delivering it once (for cron).
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Show, retry and deliver the notification outbox.",
        discussion: """
        Every event (a match confirmed, a plan awaiting confirmation, a reminder, …) is written \
        to the database together with the change that caused it; the worker turns it into one \
        delivery per configured target (`notifications:`) and posts it. `jobtwin serve` does \
        that continuously; `jobtwin outbox deliver` does it once, for cron. A delivery that \
        keeps failing, or that the receiver refuses, goes to dead-letter: `jobtwin outbox dead` \
        lists them with the reason, `jobtwin outbox retry ID` sends one again (same key).
        """,
        subcommands: [OutboxListCommand.self, OutboxDeadCommand.self, OutboxRetryCommand.self, OutboxDeliverCommand.self],
        defaultSubcommand: OutboxListCommand.self
    )
}
