public import Foundation
import Yams

/// The secrets of the channels `jobtwin serve` offers — the `channels:` part of the
/// configuration and the `JOBTWIN_…` environment variables. A channel without its secret is not
/// served at all: its routes answer 404.
public struct ChannelSettings: Sendable, Hashable {
    /// `POST /v1/messages`: the Bearer token clients send.
    public var apiToken: Secret?
    /// `POST /slack/commands` and `/slack/events`: the app's signing secret.
    public var slackSigningSecret: Secret?
    /// The Slack bot token (`xoxb-…`) for posting Events API replies with `chat.postMessage`.
    public var slackBotToken: Secret?
    /// `POST /mattermost`: the tokens of the outgoing webhooks and slash commands (each has its
    /// own); a request must carry one of them.
    public var mattermostTokens: [Secret] = []
    /// The Mattermost server's address (`https://chat.example.nl`), for the bot's direct
    /// messages through its API.
    public var mattermostURL: String?
    /// The token of a Mattermost bot account, for direct messages.
    public var mattermostBotToken: Secret?
    /// The key of the tokens that Mattermost's message buttons carry (Mattermost does not sign
    /// its action requests); without it, one is derived from the other Mattermost secrets.
    public var mattermostActionSecret: Secret?
    /// `POST /teams`: the security token Teams shows when the outgoing webhook is created
    /// (base64).
    public var teamsSecurityToken: Secret?

    /// The environment variable of each secret, as docs/configuration.md lists them.
    public enum Variable {
        /// The API's Bearer token.
        public static let apiToken = "JOBTWIN_API_TOKEN"
        /// Slack's signing secret.
        public static let slackSigningSecret = "JOBTWIN_SLACK_SIGNING_SECRET"
        /// Slack's bot token.
        public static let slackBotToken = "JOBTWIN_SLACK_BOT_TOKEN"
        /// Mattermost's tokens, separated by commas.
        public static let mattermostToken = "JOBTWIN_MATTERMOST_TOKEN"
        /// The Mattermost server's address.
        public static let mattermostURL = "JOBTWIN_MATTERMOST_URL"
        /// The Mattermost bot account's token.
        public static let mattermostBotToken = "JOBTWIN_MATTERMOST_BOT_TOKEN"
        /// The key of the Mattermost buttons' tokens.
        public static let mattermostActionSecret = "JOBTWIN_MATTERMOST_ACTION_SECRET"
        /// Teams' security token.
        public static let teamsSecurityToken = "JOBTWIN_TEAMS_SECURITY_TOKEN"
    }

    /// No channel configured.
    public init() {}

    /// The Teams security token decoded to the HMAC key; `nil` when there is none.
    public var teamsKey: Data? { teamsSecurityToken.flatMap { Data(base64Encoded: $0.value) } }

    /// Reads the `channels:` mapping.
    static func read(_ node: Node, at location: (Node) -> String) throws(ConfigurationError) -> ChannelSettings {
        var settings = ChannelSettings()
        guard case .mapping(let channels) = node else {
            throw .invalid(location(node), "`channels:` is a mapping of channels: api, slack, mattermost, teams")
        }
        for (channelNode, value) in channels {
            let channel = channelNode.string ?? ""
            let known: [String]
            switch channel {
            case "api": known = ["token"]
            case "slack": known = ["signing_secret", "bot_token"]
            case "mattermost": known = ["token", "url", "bot_token", "action_secret"]
            case "teams": known = ["security_token"]
            default:
                throw .invalid(location(channelNode), "unknown channel `\(channel)` (known: api, slack, mattermost, teams)")
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty || value.null != nil { continue }
            guard case .mapping(let mapping) = value else {
                throw .invalid(location(channelNode), "`\(channel):` is a mapping of its secrets (\(known.joined(separator: ", ")))")
            }
            for (keyNode, secretNode) in mapping {
                let key = keyNode.string ?? ""
                guard known.contains(key) else {
                    throw .invalid(location(keyNode), "unknown setting `channels.\(channel).\(key)` (known: \(known.joined(separator: ", ")))")
                }
                let source = location(keyNode)
                if channel == "mattermost", case .sequence(let items) = secretNode {
                    for item in items {
                        guard let text = item.string else { throw .invalid(source, "`token:` is a token or a list of tokens") }
                        if let secret = Secret(text, source: source) { settings.mattermostTokens.append(secret) }
                    }
                    continue
                }
                guard let text = secretNode.string else { throw .invalid(source, "`\(key):` is a text") }
                if channel == "mattermost", key == "url" {
                    guard let url = ServerSettings.publicURL(text) else {
                        throw .invalid(source, "`url:` is the Mattermost server's address, such as https://chat.example.nl")
                    }
                    settings.mattermostURL = url
                    continue
                }
                let secret = Secret(text, source: source)
                switch (channel, key) {
                case ("api", _): settings.apiToken = secret
                case ("slack", "signing_secret"): settings.slackSigningSecret = secret
                case ("slack", _): settings.slackBotToken = secret
                case ("mattermost", "bot_token"): settings.mattermostBotToken = secret
                case ("mattermost", "action_secret"): settings.mattermostActionSecret = secret
                case ("mattermost", _): settings.mattermostTokens = secret.map { [$0] } ?? []
                default: settings.teamsSecurityToken = secret
                }
            }
        }
        return settings
    }

    /// Applies the environment over the file: a set, non-empty variable wins.
    mutating func apply(environment: [String: String]) {
        func secret(_ name: String) -> Secret? { environment[name].flatMap { Secret($0, source: "$" + name) } }
        if let value = secret(Variable.apiToken) { apiToken = value }
        if let value = secret(Variable.slackSigningSecret) { slackSigningSecret = value }
        if let value = secret(Variable.slackBotToken) { slackBotToken = value }
        if let value = environment[Variable.mattermostToken], !value.isEmpty {
            // Several tokens (a slash command and an outgoing webhook) are separated by commas.
            mattermostTokens = value.split(separator: ",").compactMap {
                Secret($0.trimmingCharacters(in: .whitespaces), source: "$" + Variable.mattermostToken)
            }
        }
        if let value = secret(Variable.teamsSecurityToken) { teamsSecurityToken = value }
        if let value = environment[Variable.mattermostURL].flatMap(ServerSettings.publicURL) { mattermostURL = value }
        if let value = secret(Variable.mattermostBotToken) { mattermostBotToken = value }
        if let value = secret(Variable.mattermostActionSecret) { mattermostActionSecret = value }
    }

    /// The key that signs and checks the tokens in Mattermost's message buttons: the configured
    /// action secret, else one derived from the webhook tokens or the bot token (so that a
    /// button stops working when those are rotated); `nil` without any Mattermost secret.
    public var mattermostActionKey: String? {
        if let secret = mattermostActionSecret { return secret.value }
        let material = mattermostTokens.map(\.value) + [mattermostBotToken?.value].compactMap { $0 }
        guard !material.isEmpty else { return nil }
        return "jobtwin-mattermost-actions:" + material.joined(separator: ",")
    }

    /// Checks what can be checked without a request: the Teams token must be base64.
    func validate() throws(ConfigurationError) {
        if let token = teamsSecurityToken {
            guard let key = Data(base64Encoded: token.value), !key.isEmpty else {
                throw .invalid(token.source, "the Teams security token is not base64; copy it exactly as Teams showed it when the outgoing webhook was created")
            }
        }
    }
}
