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
    /// (posted in the channel). A reply longer than one post (`MessageLimit.mattermost`) goes to
    /// a slash command as several posts (`extra_responses`, split at line boundaries); an
    /// outgoing webhook's response is one text, which Mattermost itself splits into posts.
    static func response(_ reply: Reply, slashCommand: Bool) -> MattermostResponse {
        guard slashCommand else { return MattermostResponse(text: text(reply), response_type: nil) }
        let parts = ReplyBlocks(reply).split(escape: escape, message: ReplyBlocks.emojiMarked(bold: "**"), hint: { "_\($0)_" },
                                             within: .mattermost)
        let extra = parts.dropFirst().map { MattermostResponse(text: $0, response_type: "ephemeral") }
        return MattermostResponse(text: parts.first ?? "", response_type: "ephemeral", extra_responses: extra.isEmpty ? nil : extra)
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

/// The JSON Mattermost expects back; `response_type` is left out for outgoing webhooks, and
/// `extra_responses` (further posts of a slash command's reply) when there are none.
struct MattermostResponse: Encodable {
    let text: String
    let response_type: String?
    var extra_responses: [MattermostResponse]? = nil

    private enum CodingKeys: String, CodingKey { case text, response_type, extra_responses }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(response_type, forKey: .response_type)
        try container.encodeIfPresent(extra_responses, forKey: .extra_responses)
    }
}
