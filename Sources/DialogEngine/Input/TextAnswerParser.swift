import Foundation
import TwinLanguage

/// Reads free `text` answers: any text within the question's length limits.
enum TextAnswerParser {
    /// Trims the answer and checks its length in characters as the participant sees them
    /// (an emoji or `é` counts as one).
    static func parse(_ text: String, spec: InputSpec) -> Result<Value, InputRejection> {
        let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let minimum = spec.minLength ?? InputSpec.defaultMinLength
        let maximum = spec.maxLength ?? InputSpec.defaultMaxLength
        let length = answer.count
        func characters(_ n: Int, _ language: Language) -> String {
            LocalizedText(nl: ReasonFormatting.count(n, "teken", "tekens", in: .nl),
                          en: ReasonFormatting.count(n, "character", "characters", in: .en)).text(in: language)
        }
        if length == 0 && minimum > 0 {
            return .failure(InputRejection(nl: "Typ een antwoord.", en: "Please type an answer."))
        }
        if length < minimum {
            return .failure(InputRejection(
                nl: "Je antwoord is te kort: typ minstens \(characters(minimum, .nl)).",
                en: "Your answer is too short: type at least \(characters(minimum, .en))."))
        }
        if length > maximum {
            return .failure(InputRejection(
                nl: "Je antwoord is te lang: maximaal \(characters(maximum, .nl)) (nu \(ReasonFormatting.count(length, in: .nl))). Kort het wat in.",
                en: "Your answer is too long: at most \(characters(maximum, .en)) (now \(ReasonFormatting.count(length, in: .en))). Please shorten it."))
        }
        return .success(.text(answer))
    }
}
