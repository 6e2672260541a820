import TwinLanguage

/// Reads `choice` answers: one option, by number, value, label in either language, alias, a
/// shortened word or with a small typo. The slot gets the option's value.
enum ChoiceAnswerParser {
    /// Parses the answer to a single-choice question.
    static func parse(_ text: String, spec: InputSpec) -> Result<Value, InputRejection> {
        guard !spec.options.isEmpty else { return .failure(noOptions) }
        let numbered = min(spec.numberedOptions ?? spec.options.count, spec.options.count)
        let matcher = ChoiceMatcher(options: spec.options, numbered: numbered)
        switch matcher.match(text) {
        case .option(let index):
            return .success(.text(spec.options[index].value))
        case .ambiguous(let indices):
            return .failure(ambiguity(indices.map { spec.options[$0] }, numbered: indices.allSatisfy { $0 < numbered }))
        case .noMatch:
            return .failure(unknown(optionCount: numbered))
        }
    }

    /// Asks which of the options was meant, naming their labels in each language.
    /// `numbered`: whether all of them have a number to type (unlisted options have none).
    static func ambiguity(_ options: [ChoiceOption], numbered: Bool = true) -> InputRejection {
        func labels(_ language: Language) -> String {
            ReasonFormatting.alternatives(options.map { $0.label.text(in: language) }, in: language)
        }
        guard numbered else {
            return InputRejection(nl: "Bedoel je \(labels(.nl))? Typ de volledige naam.",
                                  en: "Did you mean \(labels(.en))? Type the full name.")
        }
        return InputRejection(
            nl: "Bedoel je \(labels(.nl))? Typ het nummer of de volledige naam.",
            en: "Did you mean \(labels(.en))? Type the number or the full name.")
    }

    /// Explains how to choose, for an answer that matches no option.
    static func unknown(optionCount: Int) -> InputRejection {
        if optionCount == 0 {
            return InputRejection(nl: "Typ een van de opties.", en: "Type one of the options.")
        }
        if optionCount == 1 {
            return InputRejection(nl: "Typ 1 of de naam van de optie.", en: "Type 1 or the name of the option.")
        }
        return InputRejection(
            nl: "Kies een nummer van 1 tot en met \(optionCount) of typ een van de opties.",
            en: "Choose a number from 1 to \(optionCount) or type one of the options.")
    }

    /// For a question written without options, which the linter reports; the participant can
    /// only be told that nothing can be chosen.
    static let noOptions = InputRejection(
        nl: "Er zijn bij deze vraag geen opties om uit te kiezen.",
        en: "This question has no options to choose from.")
}
