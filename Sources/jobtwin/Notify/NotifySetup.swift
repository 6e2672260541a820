import Foundation
import Logging
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinServer
import TwinStore
import TwinConfiguration

/// Builds the notification worker and the reminder schedule from the configuration, the same
/// way for `jobtwin serve`, `jobtwin outbox deliver` and `jobtwin notify test`.
enum NotifySetup {
    /// Where the Slack Web API is reached; only tests and proxies change it.
    static let slackAPIVariable = "JOBTWIN_SLACK_API_URL"

    /// The transport, or a `CLIError` saying libcurl is missing.
    static func transport() throws -> CurlTransport {
        do {
            return try CurlTransport()
        } catch {
            throw CLIError(message: "\(error) Install libcurl (apt-get install libcurl4-openssl-dev).")
        }
    }

    /// The outbox worker for `configuration`.
    static func worker(_ configuration: JobTwinConfiguration, repository: any TwinRepository, transport: CurlTransport,
                       logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment) -> OutboxWorker {
        var options = OutboxOptions()
        if let base = environment[slackAPIVariable], !base.isEmpty { options.slackAPIBaseURL = base }
        return OutboxWorker(repository: repository, notifications: configuration.notifications,
                            slackBotToken: configuration.channels.slackBotToken, transport: transport,
                            options: options, logger: logger, directMessages: DirectMessageChannels(configuration: configuration),
                            mail: configuration.mail)
    }

    /// A worker that sends only the invitation mails (`jobtwin invite --send` right after
    /// inviting): no fan-out, no webhook, no direct message — those stay for `serve` and
    /// `outbox deliver`.
    static func mailWorker(_ configuration: JobTwinConfiguration, repository: any TwinRepository, transport: CurlTransport,
                           logger: Logger) -> OutboxWorker {
        OutboxWorker(repository: repository, notifications: NotificationSettings(), transport: transport, logger: logger,
                     mail: configuration.mail)
    }

    /// The reminder schedule, or `nil` when every rule is off.
    static func reminders(_ configuration: JobTwinConfiguration, repository: any TwinRepository) -> ReminderScheduler? {
        let settings = configuration.reminders
        guard settings.inactivityDays > 0 || settings.beforeEndDays > 0 else { return nil }
        return ReminderScheduler(repository: repository, settings: settings)
    }
}
