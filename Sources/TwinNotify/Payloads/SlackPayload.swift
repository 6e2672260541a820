import JSONText
import Foundation
import TwinLanguage

/// Slack incoming webhook: `text` (the fallback shown in notifications) and Block Kit `blocks`.
enum SlackPayload {
    static func make(_ message: NotificationMessage, language: Language) -> JSONValue {
        let title = message.title.text(in: language), text = message.text.text(in: language)
        return .object([
            ("text", .string("\(escape(title)): \(escape(text))")),
            ("blocks", [
                .object([("type", "header"), ("text", .object([("type", "plain_text"), ("text", .string(String(title.prefix(150))))]))]),
                .object([("type", "section"), ("text", .object([("type", "mrkdwn"), ("text", .string(String(escape(text).prefix(3000))))]))]),
                .object([("type", "context"), ("elements", [
                    .object([("type", "mrkdwn"), ("text", .string("`\(message.kind)` · \(message.isoTime)"))]),
                ])]),
            ]),
        ])
    }

    /// `&`, `<` and `>` are markup in Slack text: a name cannot form a link or `<!channel>`.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
