public import TwinLanguage

/// A short hint of what kind of answer a prompt expects — "(type a number or the name)",
/// "(yes / no)" — shown under the question by every channel that renders text.
public enum PromptHint {
    /// The hint for `prompt` in `language`, in parentheses; `nil` when there is nothing to add.
    public static func text(for prompt: Reply.Prompt, in language: Language) -> String? {
        var parts: [String] = []
        switch prompt.type {
        case .yesno: parts.append(language.text(nl: "ja / nee", en: "yes / no"))
        case .choice: parts.append(language.text(nl: "typ een nummer of de naam", en: "type a number or the name"))
        case .multichoice: parts.append(language.text(nl: "één of meer, bijvoorbeeld: 1, 3", en: "one or more, for example: 1, 3"))
        case .date: parts.append(language.text(nl: "een datum, bijvoorbeeld 6 december 2026", en: "a date, for example December 6, 2026"))
        case .integer, .number:
            if let min = prompt.min, let max = prompt.max {
                parts.append(language.text(nl: "een getal van \(language.format(min)) tot \(language.format(max))", en: "a number from \(language.format(min)) to \(language.format(max))"))
            }
        case .email: parts.append(language.text(nl: "een e-mailadres", en: "an e-mail address"))
        case .text: break
        }
        if prompt.optional { parts.append(language.text(nl: "of `overslaan`", en: "or `skip`")) }
        return parts.isEmpty ? nil : "(" + parts.joined(separator: "; ") + ")"
    }
}
