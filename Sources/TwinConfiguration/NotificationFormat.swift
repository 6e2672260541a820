/// The body a notification target expects: each chat platform's incoming-webhook format, or
/// plain JSON for anything else.
public enum NotificationFormat: String, Sendable, Hashable, CaseIterable {
    /// Slack incoming webhook: `text` and Block Kit `blocks`.
    case slack
    /// Mattermost incoming webhook: `text` (Markdown) and `username`.
    case mattermost
    /// Microsoft Teams Workflows ("Post to a channel when a webhook request is received"): an
    /// Adaptive Card in a `message` with `attachments`.
    case teams
    /// The retired Office 365 connector of Teams: a `MessageCard`.
    case teamsLegacy = "teams-legacy"
    /// Discord webhook: `content` (at most 2,000 characters) and `embeds`.
    case discord
    /// JobTwin's own JSON: the event type, the ids, the texts in Dutch and English, the time and
    /// the idempotency key.
    case json

    /// The spellings accepted in the configuration, for messages.
    public static let spellings = allCases.map(\.rawValue).joined(separator: " | ")
}
