/// An operator written before its single operand.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `not`: negates a condition; `not null` is true because null counts as false.
    case not
    /// `-`: the negative of a number.
    case negate

    /// The operator as an author writes it.
    public var symbol: String {
        switch self {
        case .not: return "not"
        case .negate: return "-"
        }
    }

    /// The operator as written, for messages and renderings.
    public var description: String { symbol }
}
