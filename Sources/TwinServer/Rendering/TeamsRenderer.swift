import TwinAssistant

/// Renders a reply for a Microsoft Teams outgoing webhook: Markdown text with numbered
/// choices; `&`, `<` and `>` written as entities, since Teams reads tags such as `<at>` in
/// message text.
enum TeamsRenderer {
    /// The text of `reply`, within what Teams takes in one message (`MessageLimit.teams`): a
    /// longer reply has its longest message shortened, with a note saying so.
    static func text(_ reply: Reply) -> String {
        ReplyBlocks(reply).render(escape: escape, message: { message, text in
            switch message.kind {
            case .advice: return "💡 " + text
            case .warning: return "⚠️ " + text
            case .error: return "❌ " + text
            case .info where message.isQuestion && !text.contains("\n") && !text.contains("*"): return "**\(text)**"
            case .info, .summary: return text
            }
        }, within: .teams)
    }

    /// The activity Teams shows as the webhook's answer.
    static func activity(_ reply: Reply) -> TeamsActivityResponse {
        TeamsActivityResponse(type: "message", text: text(reply))
    }

    /// Escapes the characters Teams would read as markup.
    static func escape(_ text: String) -> String { EntityEscaping.escape(text) }
}

/// The JSON a Teams outgoing webhook answers with.
struct TeamsActivityResponse: Encodable {
    let type: String
    let text: String
}
