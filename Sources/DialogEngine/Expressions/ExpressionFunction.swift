/// A built-in function an expression may call.
public enum ExpressionFunction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `count(list)`: the number of elements; 0 for null.
    case count
    /// `contains(list, text)`: whether the list holds the text; false for null.
    case contains
    /// `is_set(slot)`: whether the slot holds a value (for a list: a non-empty one).
    case isSet = "is_set"
    /// `min(a, b)`: the smaller number.
    case min
    /// `max(a, b)`: the larger number.
    case max
    /// `round(number)`: the nearest whole number, halves away from zero.
    case round
    /// `lower(text)`: the text in lower case, for comparisons that ignore case.
    case lower

    /// The function as it is written in an expression.
    public var name: String { rawValue }

    /// The number of arguments the function takes.
    public var arity: Int {
        switch self {
        case .count, .isSet, .round, .lower: return 1
        case .contains, .min, .max: return 2
        }
    }

    /// How a call looks, for error messages that show the author the right form.
    public var usage: String {
        switch self {
        case .count: return "count(list)"
        case .contains: return "contains(list, text)"
        case .isSet: return "is_set(slot)"
        case .min: return "min(a, b)"
        case .max: return "max(a, b)"
        case .round: return "round(number)"
        case .lower: return "lower(text)"
        }
    }

    /// Looks a function up by the name written in an expression; `nil` when there is none.
    public init?(name: String) {
        self.init(rawValue: name)
    }

    /// The names of all functions, in the order the reference documents them.
    public static var knownNames: String {
        allCases.map(\.name).joined(separator: ", ")
    }

    /// The function's name as written.
    public var description: String { name }
}
