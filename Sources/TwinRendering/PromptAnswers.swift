public import TwinReply
public import TwinLanguage

/// What each control of a prompt sends as the participant's answer, so that a click means
/// exactly what typing would: a choice's option by its number (a value such as `help` would be
/// read as the help command), yes and no as words, a date in ISO form.
public enum PromptAnswers {
    /// One control of a prompt: the words on it and the answer it gives.
    public struct Control: Sendable, Hashable {
        /// The label shown, in the participant's language.
        public var label: String
        /// The answer text sent to the assistant.
        public var answer: String
    }

    /// The options of a choice or multichoice, numbered from 1; yes and no for a yes/no
    /// question; nothing for other types.
    public static func controls(for prompt: Reply.Prompt, in language: Language) -> [Control] {
        switch prompt.type {
        case .choice, .multichoice:
            return (prompt.options ?? []).enumerated().map { Control(label: $0.element.label, answer: String($0.offset + 1)) }
        case .yesno:
            return [Control(label: language.text(nl: "Ja", en: "Yes"), answer: "ja"),
                    Control(label: language.text(nl: "Nee", en: "No"), answer: "nee")]
        case .text, .integer, .number, .date, .email:
            return []
        }
    }

    /// The skip control of an optional question.
    public static func skip(in language: Language) -> Control {
        Control(label: language.text(nl: "Overslaan", en: "Skip"), answer: language.text(nl: "overslaan", en: "skip"))
    }

    /// The answer of a multichoice with the options numbered `numbers` chosen: `1, 3`.
    public static func multichoice(_ numbers: [Int]) -> String {
        numbers.sorted().map(String.init).joined(separator: ", ")
    }

    /// The line that replaces a question's buttons once it is answered: "Jouw antwoord: Docent".
    public static func answeredLine(_ label: String, in language: Language) -> String {
        language.text(nl: "Jouw antwoord: ", en: "Your answer: ") + label
    }

    /// The note for a click on someone else's buttons, in both languages: the clicker's is not known.
    public static let notYoursNote = "Deze knoppen zijn voor iemand anders. / These buttons are for someone else."

    /// The note for a multichoice's "Klaar" with nothing ticked.
    public static func nothingTickedNote(in language: Language) -> String {
        language.text(nl: "Vink eerst een of meer keuzes aan, en klik dan op Klaar.", en: "Tick one or more choices first, then click Done.")
    }

    /// The short note for a click on a question the conversation has left.
    public static func staleNote(in language: Language) -> String {
        language.text(nl: "Die knop hoort bij een eerdere vraag; er is niets veranderd. Je huidige vraag staat in het laatste bericht.",
                      en: "That button belongs to an earlier question; nothing has changed. Your current question is in the latest message.")
    }
}
