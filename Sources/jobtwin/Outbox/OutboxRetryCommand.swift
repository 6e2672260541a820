import ArgumentParser
import Foundation
import TwinStore

/// `jobtwin outbox retry ID…`: sends dead deliveries again, with their attempts reset and the
/// same idempotency key.
struct OutboxRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Send dead deliveries again (same idempotency key, attempts reset).",
        discussion: "The deliveries become pending at once; `jobtwin serve` sends them within a second, or run `jobtwin outbox deliver`."
    )

    @OptionGroup var common: StoreOptions

    @Argument(help: ArgumentHelp("The ids shown by `jobtwin outbox dead`.", valueName: "id"))
    var ids: [Int64] = []

    @Flag(name: .customLong("all-dead"), help: "Retry every dead delivery.")
    var allDead = false

    func validate() throws {
        if ids.isEmpty, !allDead { throw ValidationError("give the ids of the deliveries to retry (see `jobtwin outbox dead`), or --all-dead") }
    }

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let now = Date()
            let wanted = ids, all = allDead
            let (revived, unknown) = try await repository.transaction { tx -> ([Int64], [Int64]) in
                let list = all ? try tx.deliveries(status: .dead, limit: 100_000).map(\.id) : wanted
                var revived: [Int64] = [], unknown: [Int64] = []
                for id in list {
                    if try tx.requeue(id, at: now) { revived.append(id) } else { unknown.append(id) }
                }
                return (revived, unknown)
            }
            if !revived.isEmpty { print("Pending again: \(revived.map { "#\($0)" }.joined(separator: ", "))") }
            if all, revived.isEmpty { print("No dead deliveries.") }
            if !unknown.isEmpty {
                throw CLIError(message: "No dead delivery with id \(unknown.map(String.init).joined(separator: ", ")); `jobtwin outbox dead` lists them.")
            }
        }
    }
}
