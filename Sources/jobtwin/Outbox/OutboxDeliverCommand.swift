import TwinStore
import ArgumentParser
import Foundation
import Logging
import TwinNotify

/// `jobtwin outbox deliver`: one pass of the notification worker, for cron — the reminders due,
/// the new events fanned out, every due delivery sent.
struct OutboxDeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Deliver what is due once (for cron): reminders, new events, retries.",
        discussion: """
        Checks the reminder rules (`reminders:`), turns new events into deliveries for the \
        configured targets, and sends every delivery that is due, many at once, until none is \
        left; failed ones are scheduled again with backoff (their next attempt is shown by \
        `jobtwin outbox`). Safe to run while `jobtwin serve` runs, and after a crash: a \
        delivery that was being sent is sent again with the same idempotency key once its \
        lease runs out. Exit status 0 even when receivers fail (see `jobtwin outbox`).
        """
    )

    @OptionGroup var common: StoreOptions

    @Flag(name: .customLong("no-reminders"), help: "Do not check the reminder rules in this run.")
    var noReminders = false

    @Flag(name: .long, help: "Print the counts as JSON.")
    var json = false

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "warning"

    func validate() throws {
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let level = Logger.Level(rawValue: logLevel) ?? .warning
            var logger = Logger(label: "jobtwin.notify") { label in StreamLogHandler.standardError(label: label) }
            logger.logLevel = level
            var reminders = 0
            if !noReminders, let scheduler = NotifySetup.reminders(configuration, repository: repository) {
                reminders = try await scheduler.run().count
            }
            let worker = NotifySetup.worker(configuration, repository: repository, transport: try NotifySetup.transport(), logger: logger)
            let round = try await worker.drain()
            let counts = try await repository.read { try $0.deliveryCounts() }
            if json {
                let object: [String: Int] = [
                    "reminders": reminders, "attempted": round.attempted, "delivered": round.delivered, "retried": round.retried,
                    "dead": round.dead, "pending": counts[.pending] ?? 0,
                ]
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(object), as: UTF8.self))
                return
            }
            print("Reminders sent: \(reminders). Attempted: \(round.attempted), delivered: \(round.delivered), "
                  + "to retry: \(round.retried), dead: \(round.dead). Still pending: \(counts[.pending] ?? 0).")
        }
    }
}
