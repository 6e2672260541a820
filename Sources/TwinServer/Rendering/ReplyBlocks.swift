import DialogEngine
import TwinAssistant

/// A reply taken apart into what every text channel shows — the messages (the question
/// marked), the options of a choice numbered from 1, and a hint of the answer expected — so
/// that each platform's renderer only decides how to write them.
struct ReplyBlocks {
    /// One message of the reply.
    struct Message {
        var kind: MessageKind
        var text: String
        /// Whether it is the question being asked (the last message, equal to the prompt).
        var isQuestion: Bool
    }

    let messages: [Message]
    /// The labels of the choice's options, in the order their numbers refer to.
    let options: [String]
    let hint: String?

    init(_ reply: Reply) {
        let last = reply.messages.count - 1
        messages = reply.messages.enumerated().map { index, message in
            Message(kind: message.kind, text: message.text,
                    isQuestion: index == last && reply.prompt?.text == message.text)
        }
        options = reply.prompt?.options?.map(\.label) ?? []
        hint = reply.prompt.flatMap { PromptHint.text(for: $0, in: reply.language) }
    }

    /// Writes the reply: messages separated by blank lines, then the numbered options one per
    /// line, then the hint. `escape` is applied to every text taken from the reply (which may
    /// hold the participant's own words); `message` formats one escaped message.
    func render(escape: (String) -> String, message: (Message, String) -> String,
                hint formatHint: (String) -> String = { $0 }) -> String {
        var blocks = messages.map { message($0, escape($0.text)) }
        if !options.isEmpty {
            blocks.append(options.enumerated().map { "\($0.offset + 1). \(escape($0.element))" }.joined(separator: "\n"))
        }
        if let hint { blocks.append(formatHint(escape(hint))) }
        return blocks.joined(separator: "\n\n")
    }

    /// The message style of Slack's and Mattermost's Markdown, which differ only in how bold is
    /// written: emoji mark advice, warnings and errors, and a one-line question is bold.
    static func emojiMarked(bold marker: String) -> (Message, String) -> String {
        { message, text in
            switch message.kind {
            case .advice: return ":bulb: " + text
            case .warning: return ":warning: " + text
            case .error: return ":x: " + text
            case .info where message.isQuestion && !text.contains("\n") && !text.contains("*"): return marker + text + marker
            case .info, .summary: return text
            }
        }
    }
}
