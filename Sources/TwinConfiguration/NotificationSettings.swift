import Foundation
import Twinning
import Yams
import TwinLanguage

/// The notification targets (`notifications:` in the configuration): the incoming webhooks the
/// outbox worker posts events to.
///
/// ```yaml
/// notifications:
///   - name: programme
///     url: "https://hooks.slack.com/services/…"   # or $JOBTWIN_NOTIFY_PROGRAMME_URL
///     format: slack          # slack | mattermost | teams | teams-legacy | discord | json
///     language: nl           # default: the configuration's language
///     events: [match.confirmed, phase.completed, bottleneck.flagged]   # or [all] (the default)
///     max_attempts: 15       # optional; then dead-letter
///     timeout_seconds: 10    # optional; connect_timeout_seconds: 5; username: JobTwin (Mattermost)
/// ```
public struct NotificationSettings: Sendable, Hashable {
    /// The targets, in the order of the file.
    public var targets: [NotificationTarget] = []

    /// The name reserved for the Slack Events API replies in the outbox.
    public static let slackReplyTarget = "slack-bot"

    /// No targets.
    public init() {}

    /// The target called `name`.
    public func target(named name: String) -> NotificationTarget? {
        targets.first { $0.name == name }
    }

    /// Reads the `notifications:` list; targets without `language:` get `defaultLanguage`.
    /// URLs are checked later, in `validate()`, since the environment may supply them.
    static func read(_ node: Node, defaultLanguage: Language, place: (Node) -> String) throws(ConfigurationError) -> NotificationSettings {
        var settings = NotificationSettings()
        if node.null != nil { return settings }
        guard case .sequence(let items) = node else {
            throw .invalid(place(node), "`notifications:` is a list of targets, each a mapping such as {name: programme, url: \"https://…\", format: slack}")
        }
        for item in items {
            let target = try readTarget(item, defaultLanguage: defaultLanguage, place: place)
            guard settings.target(named: target.name) == nil else {
                throw .invalid(place(item), "two notification targets are called `\(target.name)`; give each its own name")
            }
            settings.targets.append(target)
        }
        return settings
    }

    private static let knownKeys = "name, url, format, language, events, max_attempts, timeout_seconds, connect_timeout_seconds, username"

    private static func readTarget(_ node: Node, defaultLanguage: Language, place: (Node) -> String) throws(ConfigurationError) -> NotificationTarget {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "each notification target is a mapping such as {name: programme, url: \"https://…\", format: slack}")
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard knownKeys.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == key }) else {
                throw .invalid(place(keyNode), "unknown setting `notifications.\(key)` (known: \(knownKeys))")
            }
            values[key] = value
        }
        guard let nameNode = values["name"], let name = nameNode.string, isValidName(name) else {
            throw .invalid(place(values["name"] ?? node), "a notification target needs a `name:` of letters, digits, `-` and `_` (at most 64)")
        }
        guard name != slackReplyTarget else {
            throw .invalid(place(nameNode), "`\(slackReplyTarget)` is reserved for the Slack Events API replies; choose another name")
        }
        guard let formatNode = values["format"], let spelling = formatNode.string,
              let format = NotificationFormat(rawValue: spelling.lowercased()) else {
            throw .invalid(place(values["format"] ?? node), "notification target `\(name)` needs a `format:` (\(NotificationFormat.spellings))")
        }
        var language = defaultLanguage
        if let node = values["language"] {
            guard let text = node.string, let parsed = Language(spelling: text) else {
                throw .invalid(place(node), "`language:` of notification target `\(name)` is nl or en")
            }
            language = parsed
        }
        // An empty URL stays empty here: `validate()` says what is missing once the
        // environment has had its say.
        let source = place(values["url"] ?? nameNode)
        let urlText = values["url"]?.string ?? ""
        guard let url = Secret(urlText.isEmpty ? missingURL : urlText, source: source) else {
            throw .invalid(source, "`url:` of notification target `\(name)` is the receiver's webhook URL")
        }
        var target = NotificationTarget(name: name, url: url, format: format, language: language)
        if let node = values["events"] { target.events = try readEvents(node, target: name, place: place) }
        if let node = values["max_attempts"] {
            guard let number = node.int, (1...100).contains(number) else {
                throw .invalid(place(node), "`max_attempts:` of notification target `\(name)` is a whole number from 1 to 100")
            }
            target.maxAttempts = number
        }
        if let node = values["timeout_seconds"] {
            guard let seconds = node.float, (0.1...300).contains(seconds) else {
                throw .invalid(place(node), "`timeout_seconds:` of notification target `\(name)` is a number of seconds from 0.1 to 300")
            }
            target.timeoutSeconds = seconds
        }
        if let node = values["connect_timeout_seconds"] {
            guard let seconds = node.float, (0.1...60).contains(seconds) else {
                throw .invalid(place(node), "`connect_timeout_seconds:` of notification target `\(name)` is a number of seconds from 0.1 to 60")
            }
            target.connectTimeoutSeconds = seconds
        }
        if let node = values["username"] {
            guard let text = node.string, !text.isEmpty, text.count <= 64 else {
                throw .invalid(place(node), "`username:` of notification target `\(name)` is a name of at most 64 characters")
            }
            target.username = text
        }
        return target
    }

    /// Stands for a URL still to come from the environment.
    private static let missingURL = "-"

    private static func readEvents(_ node: Node, target: String, place: (Node) -> String) throws(ConfigurationError) -> Set<ProgrammeEvent.Kind>? {
        let known = ProgrammeEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .sequence(let items) = node else {
            throw .invalid(place(node), "`events:` of notification target `\(target)` is a list of event names, or [all] (known: \(known))")
        }
        var kinds: Set<ProgrammeEvent.Kind> = []
        for item in items {
            let text = item.string ?? ""
            if text == "all" { return nil }
            guard let kind = ProgrammeEvent.Kind(rawValue: text) else {
                throw .invalid(place(item), "unknown event `\(text)` for notification target `\(target)` (known: all, \(known))")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Applies the environment over the file: `JOBTWIN_NOTIFY_<NAME>_URL` replaces a target's URL.
    mutating func apply(environment: [String: String]) {
        for index in targets.indices {
            let variable = targets[index].environmentVariable
            if let value = environment[variable], let secret = Secret(value, source: "$" + variable) {
                targets[index].url = secret
            }
        }
    }

    /// Checks every target's URL: present, http or https, with a host.
    func validate() throws(ConfigurationError) {
        for target in targets {
            let text = target.url.value.trimmingCharacters(in: .whitespaces)
            guard text != Self.missingURL, !text.isEmpty else {
                throw .invalid(target.url.source, "notification target `\(target.name)` has no `url:`; give the receiver's webhook URL, or set $\(target.environmentVariable)")
            }
            guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                  scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty else {
                throw .invalid(target.url.source, "the `url:` of notification target `\(target.name)` is not an http(s) URL with a host; copy the webhook URL exactly as the platform showed it")
            }
        }
    }
}
