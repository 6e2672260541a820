/// Computes the value of an expression from the current slot values.
///
/// Evaluation does not rely on a prior type check: a slot may hold another type than it was
/// declared with (a stored session from an older dialog version), so every operation checks the
/// values it meets and throws rather than trapping.
enum ExpressionEvaluator {
    /// The value of `node`; `slot` gives a slot path's current value (`.null` when unset).
    static func evaluate(_ node: ExpressionNode, slot: (String) -> Value) throws(ExpressionError) -> Value {
        // Only dispatch here: this frame and the helpers' repeat once per level of the tree, so
        // the work that needs many temporaries happens in leaf functions.
        switch node {
        case .literal(let value, _):
            return value
        case .slot(let path, _):
            return slot(path)
        case .unary(let op, let operand, let offset):
            return try unary(op, evaluate(operand, slot: slot), at: offset)
        case .binary(let op, let lhs, let rhs, let offset):
            return try evaluateBinary(op, lhs, rhs, at: offset, slot: slot)
        case .call(let function, let arguments, let offset):
            return try evaluateCall(function, arguments, at: offset, slot: slot)
        }
    }

    private static func evaluateBinary(
        _ op: BinaryOperator, _ lhsNode: ExpressionNode, _ rhsNode: ExpressionNode, at offset: Int,
        slot: (String) -> Value
    ) throws(ExpressionError) -> Value {
        let lhs = try evaluate(lhsNode, slot: slot)
        switch op {
        case .and:
            guard try condition(lhs, op, at: offset) else { return .bool(false) }
            return .bool(try condition(evaluate(rhsNode, slot: slot), op, at: offset))
        case .or:
            if try condition(lhs, op, at: offset) { return .bool(true) }
            return .bool(try condition(evaluate(rhsNode, slot: slot), op, at: offset))
        default:
            return try binary(op, lhs, evaluate(rhsNode, slot: slot), at: offset)
        }
    }

    private static func evaluateCall(
        _ function: ExpressionFunction, _ nodes: [ExpressionNode], at offset: Int, slot: (String) -> Value
    ) throws(ExpressionError) -> Value {
        if function == .isSet {
            // The parser guarantees a plain slot path; its value is asked about, not computed.
            guard let argument = nodes.first, case .slot(let path, _) = argument else { return .bool(false) }
            return .bool(isSet(slot(path)))
        }
        var arguments: [Value] = []
        for node in nodes { arguments.append(try evaluate(node, slot: slot)) }
        return try call(function, arguments, nodes, at: offset)
    }

    private static func isSet(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .list(let elements): return !elements.isEmpty
        default: return true
        }
    }

    /// Null counts as false in a condition; any other non-bool is a slot holding the wrong type.
    @inline(never)
    private static func condition(_ value: Value, _ op: BinaryOperator, at offset: Int) throws(ExpressionError) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        default: throw ExpressionMessages.mismatch(op, value.type, at: offset, runtime: true)
        }
    }

    @inline(never)
    private static func unary(_ op: UnaryOperator, _ operand: Value, at offset: Int) throws(ExpressionError) -> Value {
        switch (op, operand) {
        case (.not, .null): return .bool(true)
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, .null): return .null
        case (.negate, .integer(let i)):
            let (negated, overflow) = 0.subtractingReportingOverflow(i)
            guard !overflow else { throw tooLarge("-", at: offset) }
            return .integer(negated)
        case (.negate, .number(let d)): return .number(-d)
        default: throw ExpressionMessages.mismatch(op, operand.type, at: offset, runtime: true)
        }
    }

    @inline(never)
    private static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at offset: Int) throws(ExpressionError) -> Value {
        switch op {
        case .and, .or:
            // Short-circuited in `evaluateBinary`; kept total so that the switch needs no default.
            let l = try condition(lhs, op, at: offset)
            let r = try condition(rhs, op, at: offset)
            return .bool(op == .and ? l && r : l || r)
        case .equal, .notEqual:
            let equal = try equals(lhs, rhs, op, at: offset)
            return .bool(op == .equal ? equal : !equal)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return .bool(try order(op, lhs, rhs, at: offset))
        case .in:
            switch (lhs, rhs) {
            case (.null, _), (_, .null): return .bool(false)
            case (.text(let element), .list(let list)): return .bool(list.contains(element))
            default: throw ExpressionMessages.mismatch(op, lhs.type, rhs.type, at: offset, runtime: true)
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            return try arithmetic(op, lhs, rhs, at: offset)
        }
    }

    private static func equals(_ lhs: Value, _ rhs: Value, _ op: BinaryOperator, at offset: Int) throws(ExpressionError) -> Bool {
        switch (lhs, rhs) {
        case (.null, _), (_, .null): return lhs == rhs
        case (.integer(let l), .number(let r)): return Double(l) == r
        case (.number(let l), .integer(let r)): return l == Double(r)
        default:
            guard lhs.type == rhs.type else {
                throw ExpressionMessages.mismatch(op, lhs.type, rhs.type, at: offset, runtime: true)
            }
            return lhs == rhs
        }
    }

    private static func order(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at offset: Int) throws(ExpressionError) -> Bool {
        func holds<T: Comparable>(_ l: T, _ r: T) -> Bool {
            switch op {
            case .less: return l < r
            case .lessOrEqual: return l <= r
            case .greater: return l > r
            default: return l >= r
            }
        }
        switch (lhs, rhs) {
        case (.null, _), (_, .null): return false
        case (.integer(let l), .integer(let r)): return holds(l, r)
        case (.text(let l), .text(let r)): return holds(l, r)
        case (.date(let l), .date(let r)): return holds(l, r)
        default:
            guard let l = lhs.doubleValue, let r = rhs.doubleValue else {
                throw ExpressionMessages.mismatch(op, lhs.type, rhs.type, at: offset, runtime: true)
            }
            return holds(l, r)
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at offset: Int) throws(ExpressionError) -> Value {
        switch (lhs, rhs) {
        case (.null, _), (_, .null):
            return .null
        case (.text(let l), .text(let r)) where op == .add:
            return .text(l + r)
        case (.integer(let l), .integer(let r)) where op != .divide:
            let result: (partialValue: Int, overflow: Bool)
            switch op {
            case .add: result = l.addingReportingOverflow(r)
            case .subtract: result = l.subtractingReportingOverflow(r)
            case .multiply: result = l.multipliedReportingOverflow(by: r)
            default:
                guard r != 0 else { return .null }
                // Int.min % -1 overflows in hardware although the remainder is simply 0.
                result = r == -1 ? (0, false) : l.remainderReportingOverflow(dividingBy: r)
            }
            guard !result.overflow else { throw tooLarge(op.symbol, at: offset) }
            return .integer(result.partialValue)
        default:
            guard op != .remainder, let l = lhs.doubleValue, let r = rhs.doubleValue else {
                throw ExpressionMessages.mismatch(op, lhs.type, rhs.type, at: offset, runtime: true)
            }
            let result: Double
            switch op {
            case .add: result = l + r
            case .subtract: result = l - r
            case .multiply: result = l * r
            default:
                guard r != 0 else { return .null }
                result = l / r
            }
            guard result.isFinite else { throw tooLarge(op.symbol, at: offset) }
            return .number(result)
        }
    }

    @inline(never)
    private static func call(
        _ function: ExpressionFunction, _ arguments: [Value], _ nodes: [ExpressionNode], at offset: Int
    ) throws(ExpressionError) -> Value {
        guard arguments.count == function.arity else {
            throw ExpressionMessages.arity(function, found: arguments.count, at: offset)
        }
        func mismatch(at node: ExpressionNode) -> ExpressionError {
            // Errors about one argument point at that argument, as the type checker's do.
            ExpressionMessages.mismatch(function, arguments.map(\.type), at: node.start, runtime: true)
        }
        switch function {
        case .count:
            switch arguments[0] {
            case .null: return .integer(0)
            case .list(let list): return .integer(list.count)
            default: throw mismatch(at: nodes[0])
            }
        case .contains:
            switch (arguments[0], arguments[1]) {
            case (.list(let list), .text(let element)): return .bool(list.contains(element))
            case (.null, _), (.list, .null): return .bool(false)
            case (.list, _): throw mismatch(at: nodes[1])
            default: throw mismatch(at: nodes[0])
            }
        case .min, .max:
            switch (arguments[0], arguments[1]) {
            case (.null, _), (_, .null):
                return .null
            case (.integer(let a), .integer(let b)):
                return .integer(function == .min ? Swift.min(a, b) : Swift.max(a, b))
            default:
                guard let a = arguments[0].doubleValue, let b = arguments[1].doubleValue else { break }
                return .number(function == .min ? Swift.min(a, b) : Swift.max(a, b))
            }
            throw mismatch(at: arguments[0].doubleValue == nil ? nodes[0] : nodes[1])
        case .round:
            switch arguments[0] {
            case .null: return .null
            case .integer: return arguments[0]
            case .number(let d):
                guard let rounded = Int(exactly: d.rounded(.toNearestOrAwayFromZero)) else {
                    throw ExpressionError(
                        message: "round() cannot turn \(d) into a whole number; it is too large",
                        offset: nodes[0].start)
                }
                return .integer(rounded)
            default: throw mismatch(at: nodes[0])
            }
        case .lower:
            switch arguments[0] {
            case .null: return .null
            case .text(let text): return .text(text.lowercased())
            default: throw mismatch(at: nodes[0])
            }
        case .isSet:
            // Answered from the slot itself in `evaluateCall`; kept total for the switch.
            return .bool(isSet(arguments[0]))
        }
    }

    private static func tooLarge(_ symbol: String, at offset: Int) -> ExpressionError {
        ExpressionError(message: "the result of '\(symbol)' is too large to compute", offset: offset)
    }
}
