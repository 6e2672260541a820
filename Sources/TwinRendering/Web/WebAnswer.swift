public import TwinReply
public import TwinLanguage

/// What a posted answer means as typed text, for the chat endpoint to hand to the Assistant:
/// the form sends an option's value (`answer=teacher`, `answer=yes`), and a choice is answered
/// by the option's number, as every button of every channel does (`PromptAnswers`) — an
/// option whose value is a command word (the menu's `help`) is then never taken for the
/// command.
public enum WebAnswer {
    /// The answer text for the `answer` values posted to `prompt`'s form: a choice's value as
    /// its number, `yes`/`no` as `ja`/`nee` (the words
    /// every channel's yes/no buttons send), a multichoice's values as
    /// `1, 3`, any other type's single value as it was typed. `nil` when a value is not among
    /// the prompt's options, a multichoice has none ticked, or a single answer came more than once.
    public static func text(_ values: [String], for prompt: Reply.Prompt, in language: Language) -> String? {
        let options = prompt.options ?? []
        switch prompt.type {
        case .choice:
            guard values.count == 1, let index = options.firstIndex(where: { $0.value == values[0] }) else { return nil }
            return String(index + 1)
        case .multichoice:
            var numbers: [Int] = []
            for value in values {
                guard let index = options.firstIndex(where: { $0.value == value }) else { return nil }
                if !numbers.contains(index + 1) { numbers.append(index + 1) }
            }
            return numbers.isEmpty ? nil : PromptAnswers.multichoice(numbers)
        case .yesno:
            guard values.count == 1 else { return nil }
            let controls = PromptAnswers.controls(for: prompt, in: language)
            switch values[0] {
            case "yes": return controls.first?.answer
            case "no": return controls.last?.answer
            default: return nil
            }
        case .text, .integer, .number, .date, .email:
            guard values.count == 1 else { return nil }
            return values[0]
        }
    }
}
