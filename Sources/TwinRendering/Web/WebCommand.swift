public import TwinLanguage

/// What a button named `command` posts in the web chat: the conversation's commands that have
/// a button of their own, and the language switch. The endpoint hands the typed word to the
/// Assistant (`typed(in:)`), so that a button means exactly what typing it would.
public enum WebCommand: String, Sendable, Hashable, CaseIterable {
    /// The question's help text.
    case help
    /// Back to the previous question.
    case back
    /// Skip an optional question.
    case skip
    /// Switch the language: the form's `language` field holds `nl` or `en`.
    case language

    /// The form field that holds the language chosen with `language`.
    public static let languageField = "language"

    /// The button's words in `language`.
    public func label(in language: Language) -> String {
        switch self {
        case .help: return language.text(nl: "Hulp", en: "Help")
        case .back: return language.text(nl: "Terug", en: "Back")
        case .skip: return PromptAnswers.skip(in: language).label
        case .language: return language.text(nl: "Taal", en: "Language")
        }
    }

    /// What the participant would type for it in `language` (`hulp`, `terug`, `overslaan`);
    /// for the language switch, the command that chooses `chosen`: `taal en`, `language nl`.
    public func typed(in language: Language, chosen: Language? = nil) -> String {
        switch self {
        case .help: return language.text(nl: "hulp", en: "help")
        case .back: return language.text(nl: "terug", en: "back")
        case .skip: return PromptAnswers.skip(in: language).answer
        case .language: return language.text(nl: "taal ", en: "language ") + (chosen ?? language).rawValue
        }
    }
}
