public import Foundation
public import Twinning

/// A channel request that was taken, with the reply it got — so that the same request delivered
/// again (a client's retry, Slack's redelivery of an event, an attacker's replay) is answered
/// from here and applies nothing twice, also after a restart.
public struct ProcessedRequest: Sendable, Hashable {
    /// The channel's namespace of ids, e.g. `api` or `slack-events`.
    public var channel: String
    /// The channel's id of the request (the `id` of `/v1/messages`, Slack's `event_id`, …).
    public var requestID: String
    /// Whose message it was; ids are only compared within one participant, so that one
    /// participant's id can never fetch another participant's reply.
    public var participant: ParticipantID
    /// The reply, encoded as the reply contract's JSON.
    public var reply: Data
    /// When the request was taken.
    public var at: Date
    /// When the reply reached the participant; `nil` while it waits to be posted (Slack's Events
    /// API answers through the notification outbox, not in the HTTP response).
    public var deliveredAt: Date?

    /// Creates a record of a processed request.
    public init(channel: String, requestID: String, participant: ParticipantID, reply: Data, at: Date, deliveredAt: Date?) {
        self.channel = channel
        self.requestID = requestID
        self.participant = participant
        self.reply = reply
        self.at = at
        self.deliveredAt = deliveredAt
    }
}
