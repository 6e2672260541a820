public import Foundation
public import Twinning
import Yams
public import TwinLanguage

/// The settings of a JobTwin installation, read from one YAML file (`jobtwin.yaml`) and the
/// environment. A command-line flag wins over the environment, which wins over the file.
public struct JobTwinConfiguration: Sendable {
    /// The SQLite database file.
    public var database: String = "jobtwin.sqlite"
    /// The language for new participants.
    public var language: Language = .default
    /// Participants with the coordinator role.
    public var coordinators: Set<ParticipantID> = []
    /// A folder of dialogs that replaces the built-in ones.
    public var dialogs: String?
    /// Where `jobtwin serve` listens and what it accepts.
    public var server = ServerSettings()
    /// The channels' secrets; a channel without its secret is not served.
    public var channels = ChannelSettings()
    /// When a trajectory's data counts as a bottleneck.
    public var bottlenecks = BottleneckSettings()
    /// How long closed trajectories are kept.
    public var retention = RetentionSettings()
    /// Whether raw conversation texts are kept besides the answers.
    public var conversations = ConversationSettings()
    /// Where the notification outbox posts events.
    public var notifications = NotificationSettings()
    /// When reminders are sent.
    public var reminders = ReminderSettings()
    /// Whether and when the assistant writes first to participants in their team chat.
    public var directMessages = DirectMessageSettings()
    /// The web chat and its invitation links.
    public var web = WebSettings()
    /// The SMTP server that `jobtwin invite --send` mails the links through.
    public var mail = MailSettings()

    /// The file read when `--config` is not given and it exists in the working directory.
    public static let defaultFile = "jobtwin.yaml"

    /// The defaults, without a file or environment.
    public init() {}

    /// Reads the configuration: `file` (or `jobtwin.yaml` when present), then the environment.
    ///
    /// - Throws: `ConfigurationError` naming the problem and the file.
    public static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> JobTwinConfiguration {
        var configuration = JobTwinConfiguration()
        let path = file ?? (FileManager.default.fileExists(atPath: defaultFile) ? defaultFile : nil)
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            guard let text = String(data: data, encoding: .utf8) else { throw .invalid(path, "the file is not UTF-8 text") }
            try configuration.apply(yaml: text, path: path)
        }
        if let db = environment["JOBTWIN_DB"], !db.isEmpty { configuration.database = db }
        if let dialogs = environment["JOBTWIN_DIALOGS"], !dialogs.isEmpty { configuration.dialogs = dialogs }
        configuration.channels.apply(environment: environment)
        if let url = environment["JOBTWIN_PUBLIC_URL"].flatMap(ServerSettings.publicURL) { configuration.server.publicURL = url }
        try configuration.channels.validate()
        configuration.notifications.apply(environment: environment)
        try configuration.notifications.validate()
        try configuration.mail.apply(environment: environment)
        try configuration.mail.validate()
        return configuration
    }

    private mutating func apply(yaml text: String, path: String) throws(ConfigurationError) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw .invalid(path, "not valid YAML: \(error)")
        }
        guard let node else { return }
        guard case .mapping(let mapping) = node else { throw .invalid(path, "the configuration is a mapping of settings") }
        // Read after the loop: targets without a language of their own take `language:`, which
        // may come later in the file.
        var notificationsNode: Node?
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark.map { ":\($0.line)" } ?? ""
            switch key {
            case "database":
                guard let text = value.string, !text.isEmpty else { throw .invalid(path + line, "`database:` is a file path") }
                database = text
            case "language":
                guard let text = value.string, let parsed = Language(spelling: text) else {
                    throw .invalid(path + line, "`language:` is nl or en")
                }
                language = parsed
            case "coordinators":
                guard case .sequence(let items) = value else { throw .invalid(path + line, "`coordinators:` is a list of participant ids") }
                for item in items {
                    guard let text = item.string, let id = ParticipantID(text) else {
                        throw .invalid(path + line, "`\(item.string ?? "?")` in `coordinators:` is not a participant id like slack:T1:U1 or repl:anna")
                    }
                    coordinators.insert(id)
                }
            case "dialogs":
                guard let text = value.string, !text.isEmpty else { throw .invalid(path + line, "`dialogs:` is a folder path") }
                dialogs = text
            case "server":
                server = try ServerSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "channels":
                channels = try ChannelSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "bottlenecks":
                bottlenecks = try BottleneckSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "notifications":
                notificationsNode = value
            case "reminders":
                reminders = try ReminderSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "retention":
                retention = try RetentionSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "conversations":
                conversations = try ConversationSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "direct_messages":
                directMessages = try DirectMessageSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "web":
                web = try WebSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            case "mail":
                mail = try MailSettings.read(value) { path + ($0.mark.map { ":\($0.line)" } ?? "") }
            default:
                throw .invalid(path + line, "unknown setting `\(key)` (known: database, language, coordinators, dialogs, server, channels, bottlenecks, notifications, reminders, retention, conversations, direct_messages, web, mail)")
            }
        }
        if let notificationsNode {
            notifications = try NotificationSettings.read(notificationsNode, defaultLanguage: language) {
                path + ($0.mark.map { ":\($0.line)" } ?? "")
            }
        }
    }
}

/// Why the configuration could not be read.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "Cannot read the configuration file \(path); check the path given with --config."
        case .invalid(let path, let reason): return "\(path): \(reason)."
        }
    }
}
