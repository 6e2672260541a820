import Foundation
public import Twinning
public import TwinLanguage

/// Where notifications go: one incoming webhook, its format and language, the events it wants
/// and how patiently it is retried (one entry of `notifications:` in the configuration).
public struct NotificationTarget: Sendable, Hashable {
    /// The name used by `jobtwin notify test NAME`, `jobtwin outbox` and the environment
    /// override `JOBTWIN_NOTIFY_<NAME>_URL`.
    public var name: String
    /// The webhook URL. It is a secret: Slack, Discord and Teams put the credential in the URL
    /// itself, so it is never printed or logged (see `displayURL`).
    public var url: Secret
    /// The body the receiver expects.
    public var format: NotificationFormat
    /// The language of the texts (the generic JSON carries both).
    public var language: Language
    /// The events to send; `nil` for all of them (`[all]`).
    public var events: Set<ProgrammeEvent.Kind>?
    /// Attempts before a message that keeps failing goes to dead-letter: 15 spread over about
    /// three hours with the default backoff, so a receiver can be down for a while.
    public var maxAttempts: Int = 15
    /// How long one attempt may take in all, in seconds.
    public var timeoutSeconds: Double = 10
    /// How long connecting may take, in seconds.
    public var connectTimeoutSeconds: Double = 5
    /// The sender name a Mattermost post shows.
    public var username: String = "JobTwin"

    /// Creates a target for all events.
    public init(name: String, url: Secret, format: NotificationFormat, language: Language = .default,
                events: Set<ProgrammeEvent.Kind>? = nil) {
        self.name = name
        self.url = url
        self.format = format
        self.language = language
        self.events = events
    }

    /// Whether events of `kind` go to this target.
    public func wants(_ kind: ProgrammeEvent.Kind) -> Bool {
        events?.contains(kind) ?? true
    }

    /// The URL without what could hold a credential (path, query, user): `https://hooks.slack.com/…`.
    public var displayURL: String {
        NotificationTarget.display(url.value)
    }

    /// `scheme://host[:port]/…` of any URL, for messages and logs.
    public static func display(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return "<a URL that cannot be read>"
        }
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)/…"
    }

    /// The environment variable whose value replaces the target's URL: `JOBTWIN_NOTIFY_` and the
    /// name in capitals with every other character an underscore, then `_URL`.
    public var environmentVariable: String { Self.environmentVariable(for: name) }

    /// The environment variable of the target named `name`.
    public static func environmentVariable(for name: String) -> String {
        let upper = name.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "_" }.joined()
        return "JOBTWIN_NOTIFY_\(upper)_URL"
    }
}
