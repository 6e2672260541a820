import Twinning
import TwinLanguage
import Foundation
import TwinAssistant
import TwinReply
import TwinServer
import TwinConfiguration

/// The explanation `jobtwin serve --check-config` prints: which file and database, where it
/// listens, and per channel whether it is served and where its secret comes from — never the
/// secret.
struct ConfigReport {
    let configuration: JobTwinConfiguration
    let file: String?
    let plans: [ChannelPlan]
    let dialogCount: Int

    static let noChannel = "No channel would be served: the web chat is off (web: {enabled: false}) and no channel has a secret. Turn the web chat on, or configure at least one secret under `channels:` or in the environment (JOBTWIN_API_TOKEN, JOBTWIN_SLACK_SIGNING_SECRET, JOBTWIN_MATTERMOST_TOKEN, JOBTWIN_TEAMS_SECURITY_TOKEN)."

    /// A duration in whole milliseconds.
    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    var text: String {
        let server = configuration.server
        let limit = server.rateLimit
        var lines = [
            "Configuration: \(file ?? "no file (defaults and environment)")",
            "Database: " + (PostgresLocation.isPostgresURL(configuration.database)
                ? "\(StoreOptions.describe(configuration.database)) (PostgreSQL; the password from the URL or $PGPASSWORD, never shown)"
                : "\(configuration.database) (\(FileManager.default.fileExists(atPath: configuration.database) ? "exists" : "will be created"))"),
            "Dialogs: \(configuration.dialogs.map { "from \($0)" } ?? "built in"), \(dialogCount) checked",
            "Listen: http://\(server.host):\(server.port)",
            "Limits: bodies up to \(server.maxBodyBytes) bytes; "
                + (limit.isEnabled ? "\(limit.perMinute) messages a minute per participant, bursts of \(limit.burst)" : "no rate limit"),
            "Reply deadlines: Slack slash commands \(Self.milliseconds(server.slackReplyDeadline)) ms, Teams \(Self.milliseconds(server.teamsReplyDeadline)) ms "
                + "(a slower turn gets an interim answer and goes on)",
            "Coordinators: \(configuration.coordinators.count)",
            "Retention (daily): closed trajectories erased after \(configuration.retention.closedDays) days without activity; "
                + (configuration.retention.inactiveWithoutProfileDays > 0
                   ? "participants without a profile or consent after \(configuration.retention.inactiveWithoutProfileDays) days"
                   : "participants without a profile or consent are kept (inactive_without_profile_days: 0)")
                + "; " + (configuration.retention.unmatchedDays > 0
                   ? "participants never matched after \(configuration.retention.unmatchedDays) days without a message, warned \(configuration.retention.unmatchedNoticeDays) days before"
                   : "participants never matched are kept (unmatched_days: 0)"),
            configuration.conversations.keepTexts
                ? "Conversations: raw texts are kept (conversations.keep_texts: true): every message and reply, word for word"
                : "Conversations: answers only; raw texts are not kept (conversations.keep_texts: false)",
            "Channels:",
        ]
        for plan in plans {
            let name = plan.channel.padding(toLength: 11, withPad: " ", startingAt: 0)
            if plan.served {
                lines.append("  \(name)served: \(plan.endpoints.joined(separator: ", ")) (\(plan.explanation))")
            } else {
                lines.append("  \(name)\(plan.explanation)")
            }
            for note in plan.notes { lines.append("  \(String(repeating: " ", count: 11))note: \(note)") }
        }
        let web = configuration.web
        lines.append(web.enabled
            ? "Web chat: served: GET /chat, GET /chat/TOKEN (invitation links, valid \(web.invitationDays) days), POST /chat/logout; "
                + (configuration.server.publicURL.map { "links and cookies for \($0)" + ($0.hasPrefix("https://") ? " (Secure cookies)" : " (not https: cookies without Secure)") }
                   ?? "no server.public_url: `jobtwin invite` needs --base-url")
            : "Web chat: not served (web.enabled: false)")
        lines.append("Always: GET /healthz, GET /readyz, GET /metrics")
        lines += notificationLines
        return lines.joined(separator: "\n")
    }

    /// The SMTP server of `jobtwin invite --send`: where, from whom, with what TLS, and where the
    /// login comes from — never the user name or the password.
    private var mailLine: String {
        let mail = configuration.mail
        guard mail.isConfigured, let from = mail.from else {
            return "Mail: no SMTP server (mail.smtp_url): `jobtwin invite --send` is refused"
        }
        let tls = mail.isImplicitTLS ? "TLS from the start (smtps)" : "STARTTLS when the server offers it"
        let login = mail.user.map { "login from \($0.source) and \(mail.password?.source ?? "?")" } ?? "no login ($JOBTWIN_SMTP_USER and $JOBTWIN_SMTP_PASSWORD not set)"
        return "Mail: \(mail.displayURL) (from \(mail.smtpURLSource)), \(tls), sender \(from), \(login); invitation mails retried up to \(mail.maxAttempts) times"
    }

    /// The notification targets (never their URLs' paths, which hold credentials) and the
    /// reminder rules.
    private var notificationLines: [String] {
        let targets = configuration.notifications.targets
        var lines = [targets.isEmpty ? "Notifications: no targets (events wait in the database until one is configured)" : "Notifications:"]
        for target in targets {
            let events = target.events.map { $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? "all"
            lines.append("  \(target.name): \(target.format.rawValue), \(target.language.rawValue), \(target.displayURL) (from \(target.url.source)), events: \(events)")
        }
        let reminders = configuration.reminders
        let inactivity = reminders.inactivityDays > 0 ? "after \(reminders.inactivityDays) days without an activity" : "off"
        let beforeEnd = reminders.beforeEndDays > 0 ? "\(reminders.beforeEndDays) days before the plan ends" : "off"
        lines.append("Reminders: inactivity_days \(inactivity); before_end_days \(beforeEnd)")
        lines.append("Direct messages: \(configuration.directMessages.summary)")
        lines.append(mailLine)
        return lines
    }
}
