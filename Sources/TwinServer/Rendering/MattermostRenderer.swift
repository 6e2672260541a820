import TwinAssistant

/// Renders a reply as Mattermost Markdown: numbered choices, emoji for advice, warnings and
/// errors. An `@` that starts a word is followed by an invisible zero-width space, so that a
/// participant's text echoed back (a name such as "@channel") cannot notify anyone.
enum MattermostRenderer {
    /// The Markdown text of `reply`.
    static func text(_ reply: Reply) -> String {
        ReplyBlocks(reply).render(escape: escape, message: ReplyBlocks.emojiMarked(bold: "**"), hint: { "_\($0)_" })
    }

    /// The response to a slash command (visible only to its sender) or an outgoing webhook
    /// (posted in the channel).
    static func response(_ reply: Reply, slashCommand: Bool) -> MattermostResponse {
        MattermostResponse(text: text(reply), response_type: slashCommand ? "ephemeral" : nil)
    }

    /// Defuses mentions: `@name` at the start of a word becomes `@\u{200B}name`.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previous: Character?
        for character in text {
            escaped.append(character)
            if character == "@", previous == nil || previous?.isWhitespace == true || previous == "(" {
                escaped.append("\u{200B}")
            }
            previous = character
        }
        return escaped
    }
}

/// The JSON Mattermost expects back; `response_type` is left out for outgoing webhooks.
struct MattermostResponse: Encodable {
    let text: String
    let response_type: String?

    private enum CodingKeys: String, CodingKey { case text, response_type }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(response_type, forKey: .response_type)
    }
}
