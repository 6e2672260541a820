import TwinLanguage

/// Renders a slot's value for a template: choice values as their labels, dates and numbers in
/// the participant's language, everything else verbatim.
struct SlotFormatter {
    let program: Program
    let language: Language

    func format(_ slot: String, _ value: Value) -> String {
        switch value {
        case .text(let text):
            if let label = label(of: text, slot: slot) { return label }
            return text
        case .list(let values):
            if values.isEmpty { return "—" }
            return values.map { label(of: $0, slot: slot) ?? $0 }.joined(separator: ", ")
        case .date(let date):
            return language.writtenDate(year: date.year, month: date.month, day: date.day) ?? date.iso
        default:
            return value.plainText(in: language)
        }
    }

    private func label(of value: String, slot: String) -> String? {
        guard let question = program.question(for: slot),
              question.spec.type == .choice || question.spec.type == .multichoice else { return nil }
        return question.spec.options.first { $0.value == value }?.label.text(in: language)
    }
}
