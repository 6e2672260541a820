/// Turns what a participant typed into a typed slot value.
///
/// The text is expected to have been through ``InputSanitizer/clean(_:maxCharacters:)``;
/// parsing itself only trims. Every rejection says, in both languages, what to type instead.
public enum AnswerParser {
    /// Parses `text` as an answer of `spec`'s type and checks the spec's limits.
    ///
    /// - Parameter today: the participant's current day, for `vandaag`/`today` and for dates
    ///   written without a year; passed in so that parsing is deterministic and testable.
    public static func parse(_ text: String, as spec: InputSpec, today: LocalDate) -> Result<Value, InputRejection> {
        switch spec.type {
        case .text: return TextAnswerParser.parse(text, spec: spec)
        case .integer: return NumberAnswerParser.parseInteger(text, spec: spec)
        case .number: return NumberAnswerParser.parseNumber(text, spec: spec)
        case .date: return DateAnswerParser.parse(text, spec: spec, today: today)
        case .yesno: return YesNoAnswerParser.parse(text)
        case .choice: return ChoiceAnswerParser.parse(text, spec: spec)
        case .multichoice: return MultiChoiceAnswerParser.parse(text, spec: spec)
        case .email: return EmailAnswerParser.parse(text)
        }
    }
}
