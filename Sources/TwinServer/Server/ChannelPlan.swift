import TwinAssistant
import TwinReply
public import TwinConfiguration

/// What `jobtwin serve` will offer for one channel with the secrets it has: its endpoints, or
/// why it is left out — for `jobtwin serve --check-config` and the start-up log. It names where
/// each secret came from, never the secret.
public struct ChannelPlan: Sendable, Hashable {
    /// The channel: `api`, `slack`, `mattermost`, `teams`.
    public let channel: String
    /// `METHOD /path` of each endpoint it adds.
    public let endpoints: [String]
    /// Whether it is served (its secret is configured).
    public let served: Bool
    /// Where its secrets come from, or how to configure the missing one.
    public let explanation: String
    /// Things to know even when it is served (a missing optional secret, a weak token).
    public let notes: [String]

    /// The plan of every channel for `settings`.
    public static func plans(for settings: ChannelSettings, publicURL: String? = nil) -> [ChannelPlan] {
        var plans: [ChannelPlan] = []
        plans.append(plan("api", ["POST /v1/messages"], secrets: [settings.apiToken].compactMap { $0 },
                          missing: "set `channels.api.token` or $\(ChannelSettings.Variable.apiToken)",
                          notes: weak(settings.apiToken).map { [$0] } ?? []))
        var slackNotes: [String] = []
        if settings.slackSigningSecret != nil {
            slackNotes.append(settings.slackBotToken == nil
                ? "no bot token (`channels.slack.bot_token` or $\(ChannelSettings.Variable.slackBotToken)): Events API replies wait in the database until one is set"
                : "bot token from \(settings.slackBotToken?.source ?? "?"): the notification outbox posts Events API replies and direct messages (conversations.open, chat.postMessage)")
        }
        plans.append(plan("slack", ["POST /slack/commands", "POST /slack/events", "POST /slack/interactions"],
                          secrets: [settings.slackSigningSecret].compactMap { $0 },
                          missing: "set `channels.slack.signing_secret` or $\(ChannelSettings.Variable.slackSigningSecret)",
                          notes: slackNotes))
        var mattermostNotes = settings.mattermostTokens.compactMap(weak)
        if !settings.mattermostTokens.isEmpty || settings.mattermostBotToken != nil {
            mattermostNotes.append(publicURL == nil
                ? "no `server.public_url`: answers and direct messages come without buttons (type the numbers)"
                : settings.mattermostActionSecret == nil
                    ? "buttons call back at \(publicURL ?? "")/mattermost/actions, their tokens keyed with a key derived from the Mattermost secrets: set `channels.mattermost.action_secret` so that every process (serve, outbox deliver) keys them alike and rotating a token does not retire the buttons"
                    : "buttons call back at \(publicURL ?? "")/mattermost/actions (tokens keyed with the secret from \(settings.mattermostActionSecret?.source ?? "?"))")
        }
        mattermostNotes.append(settings.mattermostURL != nil && settings.mattermostBotToken != nil
            ? "bot token from \(settings.mattermostBotToken?.source ?? "?"): direct messages through \(settings.mattermostURL ?? "")"
            : "no direct messages: they need `channels.mattermost.url` and `bot_token`")
        plans.append(plan("mattermost", ["POST /mattermost", "POST /mattermost/actions"], secrets: settings.mattermostTokens,
                          missing: "set `channels.mattermost.token` or $\(ChannelSettings.Variable.mattermostToken)",
                          notes: mattermostNotes))
        plans.append(plan("teams", ["POST /teams"], secrets: [settings.teamsSecurityToken].compactMap { $0 },
                          missing: "set `channels.teams.security_token` or $\(ChannelSettings.Variable.teamsSecurityToken)",
                          notes: []))
        return plans
    }

    private static func plan(_ channel: String, _ endpoints: [String], secrets: [Secret], missing: String, notes: [String]) -> ChannelPlan {
        guard !secrets.isEmpty else {
            return ChannelPlan(channel: channel, endpoints: endpoints, served: false, explanation: "not served: no secret; " + missing, notes: [])
        }
        let sources = secrets.map(\.source).joined(separator: ", ")
        return ChannelPlan(channel: channel, endpoints: endpoints, served: true, explanation: "secret from \(sources)", notes: notes)
    }

    /// A warning for a token short enough to guess.
    private static func weak(_ secret: Secret?) -> String? {
        guard let secret, secret.value.count < 16 else { return nil }
        return "the token from \(secret.source) is shorter than 16 characters; use a long random one (openssl rand -hex 32)"
    }
}
