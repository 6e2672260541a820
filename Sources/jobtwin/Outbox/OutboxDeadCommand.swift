import ArgumentParser
import Foundation
import TwinStore

/// `jobtwin outbox dead`: the dead-letter — deliveries given up on, with the reason.
struct OutboxDeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead",
        abstract: "List the deliveries given up on, with the reason; `jobtwin outbox retry ID` sends one again."
    )

    @OptionGroup var common: StoreOptions

    @Flag(name: .long, help: "Print the deliveries as JSON.")
    var json = false

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let dead = try await repository.read { try $0.deliveries(status: .dead, limit: 10_000) }
            if json {
                print(try OutboxListing.json(dead))
                return
            }
            if dead.isEmpty {
                print("No dead deliveries.")
                return
            }
            print(OutboxListing.table(dead, now: Date()))
        }
    }
}
