public import TwinConfiguration
public import TwinRendering
import Twinning

/// Where the assistant can write first, and how: the Slack bot (its token opens a direct
/// message with `conversations.open` and posts with `chat.postMessage`), the Mattermost bot
/// account (`POST /api/v4/channels/direct`, `POST /api/v4/posts`), and when they are held.
/// A channel without its bot token gets no direct messages; its events go to the configured
/// targets only.
public struct DirectMessageChannels: Sendable {
    /// The Slack bot token, or `nil`.
    public var slackBotToken: Secret?
    /// The Mattermost server's address and the bot account's token, or `nil`.
    public var mattermost: (url: String, botToken: Secret)?
    /// Where Mattermost's buttons call back, and the key of their tokens; `nil`: the direct
    /// messages on Mattermost have no buttons (the server's public address is not known).
    public var mattermostButtons: (actionURL: String, token: ActionToken)?
    /// Whether they are sent at all, and the quiet hours.
    public var settings: DirectMessageSettings

    /// The target name of Slack's direct messages in the outbox.
    public static let slackTarget = "slack-dm"
    /// The target name of Mattermost's direct messages in the outbox.
    public static let mattermostTarget = "mattermost-dm"

    /// Creates the channels from the configuration.
    public init(configuration: JobTwinConfiguration) {
        settings = configuration.directMessages
        slackBotToken = configuration.channels.slackBotToken
        if let url = configuration.channels.mattermostURL, let token = configuration.channels.mattermostBotToken {
            mattermost = (url, token)
        }
        if let base = configuration.server.publicURL, let key = configuration.channels.mattermostActionKey {
            mattermostButtons = (base + "/mattermost/actions", ActionToken(secret: key))
        }
    }

    /// Creates channels as given (tests).
    public init(slackBotToken: Secret? = nil, mattermost: (url: String, botToken: Secret)? = nil,
                mattermostButtons: (actionURL: String, token: ActionToken)? = nil, settings: DirectMessageSettings = DirectMessageSettings()) {
        self.slackBotToken = slackBotToken
        self.mattermost = mattermost
        self.mattermostButtons = mattermostButtons
        self.settings = settings
    }

    /// The outbox target for `participant`'s direct messages, when their channel has a bot.
    func target(for participant: ParticipantID) -> String? {
        guard settings.enabled else { return nil }
        switch participant.channel {
        case "slack" where slackBotToken != nil: return Self.slackTarget
        case "mattermost" where mattermost != nil: return Self.mattermostTarget
        default: return nil
        }
    }

    /// The targets this configuration delivers to.
    var targets: [String] {
        guard settings.enabled else { return [] }
        return (slackBotToken == nil ? [] : [Self.slackTarget]) + (mattermost == nil ? [] : [Self.mattermostTarget])
    }

}
