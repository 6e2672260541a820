import DialogEngine
import TwinLanguage

/// The labels the dialogs give their options, for reports that show stored values: a report
/// says "Een lessenserie", as the participant chose it, rather than `lesson_series`.
struct OptionLabels: Sendable {
    let program: Program

    /// The label of `value` of the question that fills `slot`, in `language`; the value itself
    /// when the dialogs no longer have that option (they can be replaced with `--dialogs`).
    func label(_ slot: String, _ value: String, _ language: Language) -> String {
        program.question(for: slot)?.spec.options.first { $0.value == value }?.label.text(in: language) ?? value
    }
}
