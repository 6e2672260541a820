public import JSONText
public import TwinReply
import TwinLanguage

/// Renders a reply for a Microsoft Teams outgoing webhook: Markdown text with numbered
/// choices; `&`, `<` and `>` written as entities, since Teams reads tags such as `<at>` in
/// message text. A question with options also comes as an Adaptive Card listing them with the
/// numbers to type: an outgoing webhook cannot receive a card's actions (Teams sends a click
/// only to a registered bot), so the card has no buttons.
public enum TeamsRenderer {
    /// The text of `reply`, within what Teams takes in one message (`MessageLimit.teams`): a
    /// longer reply has its longest message shortened, with a note saying so.
    public static func text(_ reply: Reply) -> String {
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

    /// The activity Teams shows as the webhook's answer: the text, and the card of the options.
    public static func activity(_ reply: Reply) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "message"), ("text", .string(text(reply)))]
        if let card = card(reply) { members.append(("attachments", .array([card]))) }
        return .object(members)
    }

    /// The Adaptive Card of a question's options — each on a line with its number, and what to
    /// type — or `nil` when the question has no options.
    static func card(_ reply: Reply) -> JSONValue? {
        guard let prompt = reply.prompt, let options = prompt.options, !options.isEmpty else { return nil }
        // A card's text blocks read no HTML and no entities (an `&amp;` would show as such):
        // the words go in as they are.
        var body: [JSONValue] = [.object([("type", "TextBlock"), ("text", .string(prompt.text)), ("wrap", true), ("weight", "Bolder")])]
        for (index, option) in options.enumerated() {
            body.append(.object([("type", "TextBlock"), ("text", .string("\(index + 1). \(option.label)")), ("wrap", true), ("spacing", "Small")]))
        }
        let typing = prompt.type == .multichoice
            ? reply.language.text(nl: "Typ de nummers van je keuzes, bijvoorbeeld: 1, 3", en: "Type the numbers of your choices, for example: 1, 3")
            : reply.language.text(nl: "Typ het nummer of de naam van je keuze.", en: "Type the number or the name of your choice.")
        body.append(.object([("type", "TextBlock"), ("text", .string(typing)), ("wrap", true), ("isSubtle", true)]))
        return .object([
            ("contentType", "application/vnd.microsoft.card.adaptive"),
            ("content", .object([("$schema", "http://adaptivecards.io/schemas/adaptive-card.json"), ("type", "AdaptiveCard"),
                                 ("version", "1.4"), ("body", .array(body))])),
        ])
    }

    /// Escapes the characters Teams would read as markup.
    public static func escape(_ text: String) -> String { EntityEscaping.escape(text) }
}
