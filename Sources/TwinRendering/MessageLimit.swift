import TwinLanguage

/// The longest text a chat platform takes in one message, and how it counts. A reply longer
/// than that (a participant's data export can be) is never cut silently: `ReplyBlocks` either
/// shortens its longest message at a line boundary and says so in the message, or splits the
/// text into several messages where the platform's response can carry more than one.
struct MessageLimit: Sendable {
    /// The platform's name, as the note about a shortened message says it.
    let platform: String
    /// The most units one message may have.
    let maximum: Int
    /// How the platform counts a text.
    let measure: @Sendable (String) -> Int

    /// Slack truncates a message's `text` beyond 40,000 characters (slash-command responses and
    /// `chat.postMessage` alike); counted in UTF-16 units, which is never less than Slack's
    /// count, with room to spare.
    static let slack = MessageLimit(platform: "Slack", maximum: 39_000, measure: { $0.utf16.count })

    /// Mattermost posts hold at most 16,383 characters (Unicode scalars, "runes").
    static let mattermost = MessageLimit(platform: "Mattermost", maximum: 16_383, measure: { $0.unicodeScalars.count })

    /// Teams takes about 28 KB per message, the JSON around the text included, and refuses more;
    /// the text is counted as the bytes it takes inside a JSON string, with room for the rest.
    static let teams = MessageLimit(platform: "Teams", maximum: 20_000, measure: MessageLimit.jsonStringBytes)

    /// The UTF-8 bytes `text` takes inside a JSON string: quotes, backslashes and control
    /// characters are written escaped.
    @Sendable static func jsonStringBytes(_ text: String) -> Int {
        var bytes = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "\n", "\r", "\t": bytes += 2
            case _ where scalar.value < 0x20: bytes += 6
            default: bytes += String(scalar).utf8.count
            }
        }
        return bytes
    }

    /// The note ending a message that was shortened: how much of it is shown, and why.
    func note(shownLines: Int, of totalLines: Int, in language: Language) -> String {
        language.text(
            nl: "(Afgekapt: dit bericht is te lang voor één bericht in \(platform). Hierboven staan \(shownLines) van de \(totalLines) regels.)",
            en: "(Cut short: this message is too long for one \(platform) message. Shown above: \(shownLines) of \(totalLines) lines.)")
    }
}
