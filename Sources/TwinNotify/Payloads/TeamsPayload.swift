import JSONText
import TwinLanguage

/// Microsoft Teams: an Adaptive Card for a Workflows webhook, or the legacy `MessageCard` of the
/// retired Office 365 connectors.
enum TeamsPayload {
    /// `{"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": {…}}]}`.
    static func adaptiveCard(_ message: NotificationMessage, language: Language) -> JSONValue {
        let eventLabel = language.text(nl: "Gebeurtenis", en: "Event")
        let timeLabel = language.text(nl: "Tijd", en: "Time")
        let card: JSONValue = .object([
            ("$schema", "http://adaptivecards.io/schemas/adaptive-card.json"),
            ("type", "AdaptiveCard"),
            ("version", "1.4"),
            ("body", [
                .object([("type", "TextBlock"), ("text", .string(message.title.text(in: language))), ("weight", "Bolder"),
                         ("size", "Medium"), ("wrap", .bool(true))]),
                .object([("type", "TextBlock"), ("text", .string(message.text.text(in: language))), ("wrap", .bool(true))]),
                .object([("type", "FactSet"), ("facts", [
                    .object([("title", .string(eventLabel)), ("value", .string(message.kind))]),
                    .object([("title", .string(timeLabel)), ("value", .string(message.isoTime))]),
                ])]),
            ]),
        ])
        return .object([
            ("type", "message"),
            ("attachments", [.object([("contentType", "application/vnd.microsoft.card.adaptive"), ("contentUrl", .null), ("content", card)])]),
        ])
    }

    /// `{"@type": "MessageCard", …}`.
    static func messageCard(_ message: NotificationMessage, language: Language) -> JSONValue {
        .object([
            ("@type", "MessageCard"),
            ("@context", "https://schema.org/extensions"),
            ("summary", .string(message.title.text(in: language))),
            ("themeColor", "0076D7"),
            ("title", .string(message.title.text(in: language))),
            ("text", .string(message.text.text(in: language))),
        ])
    }
}
