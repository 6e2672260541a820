/// An operator written between two operands.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `or`: true when either condition holds; null counts as false.
    case or
    /// `and`: true when both conditions hold; null counts as false.
    case and
    /// `==`
    case equal
    /// `!=`
    case notEqual
    /// `<`
    case less
    /// `<=`
    case lessOrEqual
    /// `>`
    case greater
    /// `>=`
    case greaterOrEqual
    /// `in`: whether a text is an element of a list.
    case `in`
    /// `+`: adds numbers or joins texts.
    case add
    /// `-`
    case subtract
    /// `*`
    case multiply
    /// `/`: always gives a decimal number, so that `7 / 2` is 3.5.
    case divide
    /// `%`: the remainder of a division of whole numbers.
    case remainder

    /// The operator as an author writes it.
    public var symbol: String {
        switch self {
        case .or: return "or"
        case .and: return "and"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .in: return "in"
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .remainder: return "%"
        }
    }

    /// Whether this is one of the comparison operators, which may not be chained (`a < b < c`).
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: return true
        default: return false
        }
    }

    /// The operator as written, for messages and renderings.
    public var description: String { symbol }
}
