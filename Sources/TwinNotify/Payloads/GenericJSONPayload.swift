import JSONText
import Twinning
import TwinLanguage

/// JobTwin's own JSON, for any other integration: the event type, the ids, the texts in both
/// languages, the time, and the idempotency key (also in the `Idempotency-Key` header).
///
/// ```json
/// {"type": "match.confirmed", "idempotency_key": "…", "event_id": 12, "pair_id": "…",
///  "participants": ["slack:T1:U1", "api:bram"], "language": "nl",
///  "title": {"nl": "…", "en": "…"}, "text": {"nl": "…", "en": "…"}, "time": "2026-05-01T09:00:00Z"}
/// ```
enum GenericJSONPayload {
    static func make(_ message: NotificationMessage, language: Language) -> JSONValue {
        .object([
            ("type", .string(message.kind)),
            ("idempotency_key", .string(message.idempotencyKey)),
            ("event_id", message.eventID.map(JSONValue.integer) ?? .null),
            ("pair_id", .optional(message.pairID)),
            ("participants", .array(message.participants.map { .string($0.description) })),
            ("language", .string(language.rawValue)),
            ("title", .object([("nl", .string(message.title.nl)), ("en", .string(message.title.en))])),
            ("text", .object([("nl", .string(message.text.nl)), ("en", .string(message.text.en))])),
            ("time", .string(message.isoTime)),
        ])
    }
}
