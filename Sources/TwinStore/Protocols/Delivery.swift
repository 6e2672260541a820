public import Foundation
public import Twinning

/// One message to one notification target, as the outbox keeps it: what to post, how often it
/// was tried, and how it ended.
///
/// A delivery is written once, when the worker fans an event (or an undelivered Slack reply)
/// out to the targets; its payload and idempotency key never change afterwards, so that every
/// retry — also after a crash — posts exactly the same message under the same key.
public struct Delivery: Sendable, Hashable {
    /// Where a delivery stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Waiting for its (next) attempt.
        case pending
        /// The receiver accepted it.
        case delivered
        /// Given up: a permanent refusal, or every attempt spent (`jobtwin outbox retry` revives it).
        case dead
        /// Not sent on purpose: a direct message whose participant switched them off or withdrew
        /// consent before it was due. Not a failure, so not in the dead-letter list.
        case skipped
    }

    /// The row id (shown by `jobtwin outbox`).
    public var id: Int64
    /// What it delivers: `event:ID` or `reply:PARTICIPANT/CHANNEL/REQUEST`; unique per target.
    public var source: String
    /// The event it delivers, when it delivers one.
    public var eventID: Int64?
    /// The configured target's name (or `slack-bot` for Events API replies).
    public var target: String
    /// The event kind (`match.confirmed`, …) or `slack.reply`.
    public var kind: String
    /// Sent as `Idempotency-Key` (and inside generic JSON bodies) so that a receiver can drop a
    /// message it already has.
    public var idempotencyKey: String
    /// The request body, exactly as posted on every attempt.
    public var payload: Data
    /// Deliveries with the same key go out one after another, oldest first (the replies to one
    /// participant); `nil` when order does not matter.
    public var orderingKey: String?
    /// Where it stands.
    public var status: Status
    /// How many attempts were started.
    public var attempts: Int
    /// Not to be tried before this moment.
    public var nextAttemptAt: Date
    /// While set and in the future, a worker is delivering it; once past, the attempt counts as
    /// interrupted (the process died) and another worker may take it.
    public var leaseUntil: Date?
    /// Why the last attempt failed, in words a person can act on.
    public var lastError: String?
    /// The HTTP status of the last answer, when there was one.
    public var lastStatus: Int?
    /// When it was fanned out.
    public var createdAt: Date
    /// When the receiver accepted it.
    public var deliveredAt: Date?

    /// Creates a delivery (as read back from the store).
    public init(id: Int64, source: String, eventID: Int64?, target: String, kind: String, idempotencyKey: String,
                payload: Data, orderingKey: String?, status: Status, attempts: Int, nextAttemptAt: Date,
                leaseUntil: Date?, lastError: String?, lastStatus: Int?, createdAt: Date, deliveredAt: Date?) {
        self.id = id
        self.source = source
        self.eventID = eventID
        self.target = target
        self.kind = kind
        self.idempotencyKey = idempotencyKey
        self.payload = payload
        self.orderingKey = orderingKey
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.lastStatus = lastStatus
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}

extension Delivery {
    /// The start of an invitation mail's source: `invitation:PARTICIPANT/TOKEN_SHA256`.
    public static let invitationMailPrefix = "invitation:"

    /// The source of the mail that carries the link with this token digest to `participant`:
    /// one mail per link, erased with the participant, dropped once the link no longer opens.
    public static func invitationMailSource(_ participant: ParticipantID, token: SecretDigest) -> String {
        "\(invitationMailPrefix)\(participant)/\(token.hex)"
    }

    /// The participant an invitation mail is for, when `source` is one's.
    public static func invitationMailRecipient(source: String) -> ParticipantID? {
        guard source.hasPrefix(invitationMailPrefix), let slash = source.lastIndex(of: "/") else { return nil }
        return ParticipantID(String(source[source.index(source.startIndex, offsetBy: invitationMailPrefix.count)..<slash]))
    }
}

/// A delivery to add to the outbox.
public struct NewDelivery: Sendable, Hashable {
    /// What it delivers (see `Delivery.source`); with `target`, adding it twice adds it once.
    public var source: String
    /// The event it delivers, if any.
    public var eventID: Int64?
    /// The target's name.
    public var target: String
    /// The event kind or `slack.reply`.
    public var kind: String
    /// The idempotency key, fixed for every attempt.
    public var idempotencyKey: String
    /// The request body.
    public var payload: Data
    /// See `Delivery.orderingKey`.
    public var orderingKey: String?
    /// When it was fanned out.
    public var createdAt: Date
    /// When it may first be tried, if later than `createdAt`: a direct message written at night
    /// is held until the quiet hours end.
    public var notBefore: Date?

    /// Creates a delivery to add.
    public init(source: String, eventID: Int64?, target: String, kind: String, idempotencyKey: String, payload: Data,
                orderingKey: String? = nil, createdAt: Date, notBefore: Date? = nil) {
        self.notBefore = notBefore
        self.source = source
        self.eventID = eventID
        self.target = target
        self.kind = kind
        self.idempotencyKey = idempotencyKey
        self.payload = payload
        self.orderingKey = orderingKey
        self.createdAt = createdAt
    }
}
