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
            if let hint = hint(for: prompt, language: language) {
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

    private func hint(for prompt: Prompt, language: Language) -> String? {
        let nl = language == .nl
        var parts: [String] = []
        switch prompt.type {
        case .yesno: parts.append(nl ? "ja / nee" : "yes / no")
        case .choice: parts.append(nl ? "typ een nummer of de naam" : "type a number or the name")
        case .multichoice: parts.append(nl ? "één of meer, bijvoorbeeld: 1, 3" : "one or more, for example: 1, 3")
        case .date: parts.append(nl ? "een datum, bijvoorbeeld 6 december 2026" : "a date, for example December 6, 2026")
        case .integer, .number:
            if let min = prompt.min, let max = prompt.max {
                parts.append(nl ? "een getal van \(Value.format(min, in: language)) tot \(Value.format(max, in: language))"
                                : "a number from \(Value.format(min, in: language)) to \(Value.format(max, in: language))")
            }
        case .email: parts.append(nl ? "een e-mailadres" : "an e-mail address")
        case .text: break
        }
        if prompt.optional { parts.append(nl ? "of `overslaan`" : "or `skip`") }
        return parts.isEmpty ? nil : "(" + parts.joined(separator: "; ") + ")"
    }
}
