/// The wording of type errors, shared by the type checker and the evaluator so that an author
/// sees the same explanation whether the problem is found at load time or at run time.
enum ExpressionMessages {
    /// What `op` accepts, in words.
    static func requirement(_ op: BinaryOperator) -> String {
        switch op {
        case .and, .or: return "'\(op.symbol)' joins two conditions (bool values)"
        case .equal, .notEqual:
            return "'\(op.symbol)' compares two values of the same type (or a value with null)"
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return "'\(op.symbol)' compares two numbers, two dates or two texts"
        case .in: return "'in' checks whether a text is in a list, as in 'a' in profile.criteria"
        case .add: return "'+' adds two numbers or joins two texts"
        case .subtract, .multiply, .divide: return "'\(op.symbol)' needs two numbers"
        case .remainder: return "'%' needs two whole numbers (integers)"
        }
    }

    /// What `op` accepts, in words.
    static func requirement(_ op: UnaryOperator) -> String {
        switch op {
        case .not: return "'not' needs a condition (a bool value)"
        case .negate: return "'-' needs a number"
        }
    }

    /// What `function` accepts, in words.
    static func requirement(_ function: ExpressionFunction) -> String {
        switch function {
        case .count: return "count() needs a list"
        case .contains: return "contains() needs a list and a text, as in contains(profile.criteria, 'subject')"
        case .isSet: return "is_set() needs a slot name"
        case .min, .max: return "\(function.name)() needs two numbers"
        case .round: return "round() needs a number"
        case .lower: return "lower() needs a text"
        }
    }

    /// `lhs op rhs` with operand types it does not accept.
    static func mismatch(_ op: BinaryOperator, _ lhs: ValueType, _ rhs: ValueType, at offset: Int, runtime: Bool = false) -> ExpressionError {
        ExpressionError(message: "\(requirement(op)); found \(lhs) and \(rhs)\(suffix(runtime))", offset: offset)
    }

    /// One operand of `op` (a condition of `and`/`or`) with a type it does not accept.
    static func mismatch(_ op: BinaryOperator, _ operand: ValueType, at offset: Int, runtime: Bool = false) -> ExpressionError {
        ExpressionError(message: "\(requirement(op)); found \(operand)\(suffix(runtime))", offset: offset)
    }

    /// `op operand` with an operand type it does not accept.
    static func mismatch(_ op: UnaryOperator, _ operand: ValueType, at offset: Int, runtime: Bool = false) -> ExpressionError {
        ExpressionError(message: "\(requirement(op)); found \(operand)\(suffix(runtime))", offset: offset)
    }

    /// A call with argument types `function` does not accept.
    static func mismatch(_ function: ExpressionFunction, _ types: [ValueType], at offset: Int, runtime: Bool = false) -> ExpressionError {
        let found = types.map(\.description).joined(separator: " and ")
        return ExpressionError(message: "\(requirement(function)); found \(found)\(suffix(runtime))", offset: offset)
    }

    /// A call with the wrong number of arguments.
    static func arity(_ function: ExpressionFunction, found: Int, at offset: Int) -> ExpressionError {
        let plural = function.arity == 1 ? "argument" : "arguments"
        return ExpressionError(
            message: "\(function.name)() takes \(function.arity) \(plural), as in \(function.usage); found \(found)",
            offset: offset)
    }

    // At run time the cause is a slot holding another type than it was declared with, which the
    // author cannot see from the expression alone.
    private static func suffix(_ runtime: Bool) -> String {
        runtime ? " when the dialog ran (a slot holds a different type of value than declared)" : ""
    }
}
