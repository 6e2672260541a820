/// The static type of a slot or an expression, as the type checker sees it.
public enum ValueType: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Free text, an e-mail address or the value of a `choice`.
    case text
    /// A whole number.
    case integer
    /// A decimal number; integers are accepted where a number is expected.
    case number
    /// Yes or no.
    case bool
    /// A calendar day.
    case date
    /// A list of texts: the values of a `multichoice`, or several free-text answers.
    case list
    /// Not known until run time (the `null` literal); compatible with everything.
    case any

    public var description: String { rawValue }

    /// The type's name with its article, for messages: "an integer", "a text".
    public var withArticle: String {
        switch self {
        case .integer: return "an integer"
        case .any: return "a value of any type"
        default: return "a \(rawValue)"
        }
    }

    /// Whether a value of type `other` may be stored where `self` is expected.
    public func accepts(_ other: ValueType) -> Bool {
        self == other || self == .any || other == .any || (self == .number && other == .integer)
    }

    /// Whether arithmetic and ordering apply.
    public var isNumeric: Bool { self == .integer || self == .number || self == .any }
}
