import DialogEngine
import TwinAssistant

/// Renders a reply for a person at a terminal: messages by kind, choices as a numbered list,
/// a hint of what kind of answer is expected.
struct ReplRenderer {
    let style: TerminalStyle

    func render(_ reply: Reply) -> String {
        var lines: [String] = []
        let language = reply.language
        for (index, message) in reply.messages.enumerated() {
            let isQuestion = index == reply.messages.count - 1 && reply.prompt?.text == message.text
            lines.append(render(message, language: language, isQuestion: isQuestion))
        }
        if let prompt = reply.prompt {
            if let options = prompt.options {
                for (number, option) in options.enumerated() {
                    lines.append("  \(style.cyan("\(number + 1).")) \(option.label)")
                }
            }
            if let hint = PromptHint.text(for: prompt, in: language) {
                lines.append(style.dim(hint))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func render(_ message: ReplyMessage, language: Language, isQuestion: Bool) -> String {
        switch message.kind {
        case .info: return isQuestion ? style.bold(message.text) : message.text
        case .advice: return style.yellow((language == .nl ? "Advies: " : "Advice: ") + message.text)
        case .warning: return style.yellow("! " + message.text)
        case .error: return style.red("✗ " + message.text)
        case .summary: return style.cyan(message.text)
        }
    }
}
