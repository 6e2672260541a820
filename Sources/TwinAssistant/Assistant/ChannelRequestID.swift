/// A channel's id of one incoming message — the `id` of `POST /v1/messages`, Slack's `event_id`,
/// a slash command's `trigger_id` — given to `Assistant.handle` so that the same message
/// delivered again gets the reply it got the first time and changes nothing.
///
/// The assistant records the id and the reply in the turn's own transaction: either both the
/// turn and the record are kept, or neither, so a repeat after a crash or a restart is still
/// recognised.
public struct ChannelRequestID: Sendable, Hashable, CustomStringConvertible {
    /// The namespace of ids, one per kind of request: `api`, `slack-events`, `slack-commands`, ….
    public let channel: String
    /// The id as the channel gave it.
    public let value: String
    /// Whether the reply goes back in the response to this request (`true`), or is posted later
    /// by the notification outbox and is recorded as not yet delivered (`false`).
    public let repliedInResponse: Bool

    /// The longest id accepted, so that hostile input cannot bloat the database.
    public static let maxLength = 200

    /// Creates a request id; `nil` when `value` is empty, longer than `maxLength` characters or
    /// holds control characters.
    public init?(channel: String, value: String, repliedInResponse: Bool = true) {
        guard !channel.isEmpty, !value.isEmpty, value.count <= Self.maxLength,
              !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        self.channel = channel
        self.value = value
        self.repliedInResponse = repliedInResponse
    }

    public var description: String { "\(channel)/\(value)" }
}
