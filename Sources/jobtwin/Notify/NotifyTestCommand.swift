import TwinLanguage
import TwinConfiguration
import ArgumentParser
import Foundation
import TwinAssistant
import TwinReply
import TwinNotify

/// `jobtwin notify test TARGET`: posts a test message to one target, now, and prints what the
/// receiver answered.
struct NotifyTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a test message to a notification target and print what it answered.",
        discussion: "The message goes straight to the receiver (not through the outbox). Exit status 1 when it is not accepted (not 2xx), with what to check."
    )

    @OptionGroup var common: StoreOptions

    @Argument(help: ArgumentHelp("The target's `name:` under `notifications:`.", valueName: "target"))
    var target: String

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            guard let target = configuration.notifications.target(named: target) else {
                let known = configuration.notifications.targets.map(\.name)
                throw CLIError(message: known.isEmpty
                    ? "No notification targets are configured; add one under `notifications:` in the configuration (see README: Notifications)."
                    : "No notification target is called `\(self.target)` (configured: \(known.joined(separator: ", "))).")
            }
            let message = NotificationMessage.test(at: Date())
            let request = OutboundRequest(
                url: target.url.value,
                headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8"), HTTPHeader("Idempotency-Key", message.idempotencyKey)],
                body: PayloadBuilder.body(message, for: target), timeout: target.timeoutSeconds, connectTimeout: target.connectTimeoutSeconds)
            print("Sending a test message to \(target.name) (\(target.format.rawValue), \(target.language.rawValue)) at \(target.displayURL) …")
            let response: OutboundResponse
            do {
                response = try await NotifySetup.transport().send(request)
            } catch {
                throw CLIError(message: "\(error)")
            }
            print("The receiver answered: HTTP \(response.status)")
            if let type = response.header("Content-Type") { print("Content-Type: \(type)") }
            if !response.body.isEmpty { print(response.bodyText(limit: 2_000)) }
            if !response.isSuccess {
                throw CLIError(message: "\(target.name) did not accept the message (HTTP \(response.status)); check the URL and that `format: \(target.format.rawValue)` is the platform's.")
            }
        }
    }
}
