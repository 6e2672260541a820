import DialogEngine
import TwinConfiguration
import ArgumentParser
import Foundation
import Logging
import Synchronization
import TwinAssistant
import TwinReply
import TwinNotify
import TwinServer

/// `jobtwin serve`: the webhook listener for Slack, Mattermost, Microsoft Teams and plain JSON.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer participants over webhooks: Slack, Mattermost, Microsoft Teams and a JSON API.",
        discussion: """
        Every channel whose secret is configured is served: POST /v1/messages (Bearer token), \
        /slack/commands and /slack/events (signing secret), /mattermost (token), /teams \
        (security token); the web chat's invitation links (GET /chat/TOKEN, POST /chat/logout) \
        unless `web: {enabled: false}`; and GET /healthz, /readyz and /metrics. Secrets come from the \
        configuration's `channels:` or the environment (JOBTWIN_API_TOKEN, \
        JOBTWIN_SLACK_SIGNING_SECRET, JOBTWIN_SLACK_BOT_TOKEN, JOBTWIN_MATTERMOST_TOKEN, \
        JOBTWIN_TEAMS_SECURITY_TOKEN); the environment wins over the file, flags win over both.

        --check-config reads and checks everything and explains which channels would be \
        served and which lack a secret, without starting. SIGTERM or SIGINT stops the server \
        after the requests in flight are answered.
        """
    )

    /// For tests only: one more URL prefix a Slack `response_url` may start with, besides
    /// `https://hooks.slack.com/` (such as a loopback receiver's `http://127.0.0.1:PORT/`).
    static let responseURLPrefixVariable = "JOBTWIN_TEST_SLACK_RESPONSE_URL_PREFIX"

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on (default: the configuration's, or 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(name: .long, help: ArgumentHelp("The TCP port; 0 picks a free one (default: the configuration's, or 8080).", valueName: "port"))
    var port: Int?

    @Flag(name: .customLong("check-config"), help: "Check the configuration and explain what would be served; do not start.")
    var checkConfig = false

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "info"

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port is a TCP port from 0 to 65535") }
        if let host, host.isEmpty || host.contains(" ") { throw ValidationError("--host is an address such as 127.0.0.1 or 0.0.0.0") }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            var configuration = try common.configuration()
            if let host { configuration.server.host = host }
            if let port { configuration.server.port = port }
            let plans = ChannelPlan.plans(for: configuration.channels, publicURL: configuration.server.publicURL)
            if checkConfig {
                let program = try common.program(configuration)
                print(ConfigReport(configuration: configuration, file: common.configFile, plans: plans,
                                   dialogCount: program.dialogs.count).text)
                if !plans.contains(where: \.served), !configuration.web.enabled { throw CLIError(message: ConfigReport.noChannel) }
                return
            }
            // The web chat needs no secret: with it on, the server may serve it alone.
            guard plans.contains(where: \.served) || configuration.web.enabled else { throw CLIError(message: ConfigReport.noChannel) }
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "jobtwin.serve")
            let program = try common.program(configuration)
            let repository = try await common.repository(configuration)
            var options = Failpoint.arm(configuration.assistantOptions())
            options.relatedTerms = try common.terms(configuration)
            let assistant = Assistant(program: program, repository: repository, options: options, logger: Logger(label: "jobtwin.assistant"))
            // Erasures confirmed earlier whose process ended before carrying them out.
            let owed = try await PendingErasures.complete(repository: repository, now: Date())
            if !owed.isEmpty { logger.notice("carried out erasures that were still owed", metadata: ["count": "\(owed.count)"]) }
            for plan in plans {
                logger.notice("channel \(plan.channel): \(plan.served ? "served" : "not served")",
                              metadata: ["endpoints": "\(plan.endpoints.joined(separator: ", "))", "why": "\(plan.explanation)"])
            }
            let transport = try NotifySetup.transport()
            var lateReplies = LateReplyOptions(poster: CurlLateReplyPoster(poster: ResponseURLPoster(transport: transport)))
            // For tests only: a further response_url prefix (such as a loopback receiver).
            if let prefix = ProcessInfo.processInfo.environment[Self.responseURLPrefixVariable], !prefix.isEmpty {
                lateReplies.allowedResponseURLPrefixes.append(prefix)
                logger.warning("testing setting: slash command replies may also be posted to URLs starting with \(prefix)",
                               metadata: ["variable": "\(Self.responseURLPrefixVariable)"])
            }
            let invitations = configuration.web.enabled
                ? Invitations(repository: repository, validityDays: configuration.web.invitationDays, language: configuration.language)
                : nil
            logger.notice("web chat: \(invitations == nil ? "not served (web.enabled: false)" : "served")",
                          metadata: ["endpoints": "GET /chat, GET /chat/TOKEN, POST /chat/logout"])
            let server = JobTwinServer(assistant: assistant, settings: configuration.server,
                                       channels: configuration.channels, logger: logger, lateReplies: lateReplies,
                                       invitations: invitations)
            // The notification outbox and the reminders run alongside, and stop with the server.
            let notifications = NotificationService(
                worker: NotifySetup.worker(configuration, repository: repository, transport: transport,
                                           logger: Logger(label: "jobtwin.notify")),
                reminders: NotifySetup.reminders(configuration, repository: repository))
            let host = configuration.server.host
            let address = "\(host):\(configuration.server.port)"
            let started = Mutex(false)
            do {
                let retention = RetentionSchedule(repository: repository, settings: configuration.retention,
                                                  coordinators: configuration.coordinators, logger: Logger(label: "jobtwin.retention"))
                try await server.run(services: [notifications, retention]) { port in
                    started.withLock { $0 = true }
                    // One line on standard output, for scripts that started the server with --port 0.
                    print("jobtwin serve: listening on http://\(host):\(port)")
                    fflush(nil)
                }
            } catch {
                if started.withLock({ $0 }) { throw CLIError(message: "jobtwin serve stopped on an error: \(error)") }
                throw CLIError(message: "Cannot listen on \(address): \(error). Choose another --host or --port, or stop the program that uses this one.")
            }
        }
    }
}
