import ArgumentParser
import Foundation
import TwinStore

/// `jobtwin audit`: the append-only log of coordinator actions, exports and erasures.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit log: coordinator actions, exports and erasures (who, what, when)."
    )

    @OptionGroup var common: StoreOptions

    @Flag(name: .long, help: "Print the log as JSON.")
    var json = false

    func run() async throws {
        try await runReportingErrors {
            let entries = try await common.repository(try common.configuration()).auditLog()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(entries), as: UTF8.self))
                return
            }
            let formatter = ISO8601DateFormatter()
            for entry in entries {
                print("\(formatter.string(from: entry.at))  \(entry.actor)  \(entry.action)\(entry.subject.map { "  \($0)" } ?? "")  \(entry.detail)")
            }
        }
    }
}
