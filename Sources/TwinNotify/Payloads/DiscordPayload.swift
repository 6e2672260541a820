import JSONText
import TwinLanguage

/// Discord webhook: `content` (at most 2,000 characters) and one embed; mentions are switched
/// off, so that a name like `@everyone` pings nobody.
enum DiscordPayload {
    /// Discord's limit on `content`.
    static let contentLimit = 2_000

    static func make(_ message: NotificationMessage, language: Language) -> JSONValue {
        let title = message.title.text(in: language), text = message.text.text(in: language)
        return .object([
            ("content", .string(truncate("**\(title)**\n\(text)", to: contentLimit))),
            ("embeds", [.object([
                ("title", .string(truncate(title, to: 256))),
                ("description", .string(truncate(text, to: 4_096))),
                ("timestamp", .string(message.isoTime)),
                ("footer", .object([("text", .string(message.kind))])),
            ])]),
            ("allowed_mentions", .object([("parse", .array([]))])),
        ])
    }

    /// `text` cut to at most `limit` Unicode scalars (Discord counts code points), with `…`
    /// when cut, never inside a character.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        var result = ""
        var count = 0
        for character in text {
            let size = character.unicodeScalars.count
            if count + size > limit - 1 { break }
            result.append(character)
            count += size
        }
        return result + "…"
    }
}
