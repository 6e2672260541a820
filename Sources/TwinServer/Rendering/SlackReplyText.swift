public import TwinAssistant

/// The Slack text of a reply, for the notification outbox: Events API replies are posted
/// later with `chat.postMessage`, written exactly as slash-command replies are.
public enum SlackReplyText {
    /// The reply as Slack mrkdwn (the participant's own words escaped).
    @Sendable public static func text(_ reply: Reply) -> String {
        SlackRenderer.text(reply)
    }
}
