import ArgumentParser
import Foundation
import TwinStore

/// `jobtwin outbox list`: the counts per status and the latest deliveries.
struct OutboxListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the counts and the latest deliveries (newest first)."
    )

    @OptionGroup var common: StoreOptions

    @Option(name: .long, help: ArgumentHelp("pending, delivered or dead (default: all).", valueName: "status"))
    var status: String?

    @Option(name: .long, help: ArgumentHelp("How many deliveries to show.", valueName: "n"))
    var limit: Int = 50

    @Flag(name: .long, help: "Print the deliveries as JSON.")
    var json = false

    func validate() throws {
        if let status, Delivery.Status(rawValue: status) == nil { throw ValidationError("--status is pending, delivered or dead") }
        if limit < 1 { throw ValidationError("--limit is at least 1") }
    }

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            let repository = try await common.repository(configuration)
            let wanted = status.flatMap(Delivery.Status.init(rawValue:))
            let limit = self.limit
            let (deliveries, counts) = try await repository.read { (try $0.deliveries(status: wanted, limit: limit), try $0.deliveryCounts()) }
            if json {
                print(try OutboxListing.json(deliveries))
                return
            }
            print(OutboxListing.counts(counts))
            if !deliveries.isEmpty { print(OutboxListing.table(deliveries, now: Date())) }
        }
    }
}
