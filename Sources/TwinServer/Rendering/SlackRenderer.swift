import TwinAssistant

/// Renders a reply as Slack `mrkdwn`: numbered choices, emoji for advice, warnings and errors,
/// and `&`, `<`, `>` escaped so that a participant's text cannot form links or mentions
/// (`<!channel>`).
enum SlackRenderer {
    /// The mrkdwn text of `reply`, within Slack's message limit (`MessageLimit.slack`): a longer
    /// reply has its longest message shortened, with a note saying so.
    static func text(_ reply: Reply) -> String {
        ReplyBlocks(reply).render(escape: escape, message: ReplyBlocks.emojiMarked(bold: "*"), hint: { "_\($0)_" }, within: .slack)
    }

    /// The response to a slash command: visible only to the participant who typed it.
    static func ephemeral(_ reply: Reply) -> SlackCommandResponse {
        SlackCommandResponse(response_type: "ephemeral", text: text(reply))
    }

    /// Escapes the three characters Slack gives meaning to in mrkdwn text.
    static func escape(_ text: String) -> String { EntityEscaping.escape(text) }
}

/// The JSON a slash command answers with.
struct SlackCommandResponse: Encodable {
    let response_type: String
    let text: String
}
