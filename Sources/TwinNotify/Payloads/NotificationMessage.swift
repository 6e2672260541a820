public import Foundation
public import Twinning
public import TwinLanguage

/// A notification ready to be written in a platform's format: what happened, to whom, in both
/// languages, with the key that identifies it at every attempt.
public struct NotificationMessage: Sendable, Hashable {
    /// The event type (`match.confirmed`, …, or `test`).
    public var kind: String
    /// The event's id in the database; `nil` for a test message.
    public var eventID: Int64?
    /// The pair concerned.
    public var pairID: String?
    /// The participants concerned.
    public var participants: [ParticipantID]
    /// A short title.
    public var title: LocalizedText
    /// The message.
    public var text: LocalizedText
    /// When it happened.
    public var occurredAt: Date
    /// The idempotency key, also sent as the `Idempotency-Key` header.
    public var idempotencyKey: String

    /// Creates a message.
    public init(kind: String, eventID: Int64?, pairID: String?, participants: [ParticipantID], title: LocalizedText,
                text: LocalizedText, occurredAt: Date, idempotencyKey: String) {
        self.kind = kind
        self.eventID = eventID
        self.pairID = pairID
        self.participants = participants
        self.title = title
        self.text = text
        self.occurredAt = occurredAt
        self.idempotencyKey = idempotencyKey
    }

    /// The time as ISO 8601 (UTC, seconds).
    var isoTime: String {
        occurredAt.formatted(Date.ISO8601FormatStyle())
    }

    /// A message that only checks a target (`jobtwin notify test`).
    public static func test(at time: Date, key: String = UUID().uuidString.lowercased()) -> NotificationMessage {
        NotificationMessage(kind: "test", eventID: nil, pairID: nil, participants: [],
                            title: LocalizedText(nl: "JobTwin-test", en: "JobTwin test"),
                            text: LocalizedText(nl: "Testbericht van JobTwin: deze webhook werkt. Hier komen de meldingen van het programma.",
                                                en: "Test message from JobTwin: this webhook works. The programme's notifications will appear here."),
                            occurredAt: time, idempotencyKey: key)
    }
}
