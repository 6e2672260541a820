/// The kinds of answer a question can take.
///
/// The raw values are the spellings dialog authors write after `type:` in an `ask` step.
public enum InputType: String, Sendable, Hashable, Codable, CaseIterable {
    case text
    case integer
    case number
    case date
    case yesno
    case choice
    case multichoice
    case email

    /// The type of the slot an answer of this kind is stored in.
    ///
    /// A choice stores the option's stable `value`, never its label, so that renaming a label
    /// in a translation does not change what stored conversations and conditions see.
    public var slotType: ValueType {
        switch self {
        case .text, .choice, .email: return .text
        case .integer: return .integer
        case .number: return .number
        case .date: return .date
        case .yesno: return .bool
        case .multichoice: return .list
        }
    }
}
