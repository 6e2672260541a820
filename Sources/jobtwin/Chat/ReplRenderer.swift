import DialogEngine
import LineEditor
import TwinAssistant
import TwinReply
import TwinLanguage

/// Renders a reply for a person at a terminal: messages by kind, choices as a numbered list,
/// a hint of what kind of answer is expected; on a terminal, rows broken at spaces to its width.
struct ReplRenderer {
    let style: TerminalStyle
    /// The terminal's width to wrap at; `nil` to leave lines whole (a pipe or a file).
    var width: Int?

    func render(_ reply: Reply) -> String {
        var lines: [String] = []
        let language = reply.language
        for (index, message) in reply.messages.enumerated() {
            let isQuestion = index == reply.messages.count - 1 && reply.prompt?.text == message.text
            lines += render(message, language: language, isQuestion: isQuestion)
        }
        if let prompt = reply.prompt {
            if let options = prompt.options {
                for (number, option) in options.enumerated() {
                    let marker = "  \(number + 1). "
                    for (row, text) in wrapped(marker + option.label).enumerated() {
                        // The number in colour, the label as it is.
                        lines.append(row == 0 ? "  " + style.cyan("\(number + 1).") + " " + text.dropFirst(marker.count) : text)
                    }
                }
            }
            if let hint = PromptHint.text(for: prompt, in: language) {
                lines += wrapped(hint).map { style.dim($0) }
            }
        }
        return lines.joined(separator: "\n")
    }

    private func render(_ message: Reply.Message, language: Language, isQuestion: Bool) -> [String] {
        let style = self.style
        var text = message.text
        var paint: @Sendable (String) -> String = { $0 }
        switch message.kind {
        case .info: if isQuestion { paint = { style.bold($0) } }
        case .advice:
            paint = { style.yellow($0) }
            text = language.text(nl: "Advies: ", en: "Advice: ") + text
        case .warning:
            paint = { style.yellow($0) }
            text = "! " + text
        case .error:
            paint = { style.red($0) }
            text = "✗ " + text
        case .summary: paint = { style.cyan($0) }
        }
        // Each row styled on its own, so that a colour never runs past a line break.
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapped(String($0)) }
        return rows.map(paint)
    }

    private func wrapped(_ line: String) -> [String] {
        guard let width else { return [line] }
        return TextWrapper.wrap(line, width: width)
    }
}
