/// Works out the type of an expression before it ever runs, so that `profile.name + 1` is
/// reported when the dialogs load rather than in the middle of a conversation.
///
/// `.any` (the `null` literal) is compatible with every type: `x == null` and `null + 1` pass,
/// and a result that depends only on `.any` operands stays `.any`.
enum ExpressionTypeChecker {
    /// The type `node` produces; `slotType` gives a slot path's type or `nil` for unknown slots.
    static func type(of node: ExpressionNode, slotType: (String) -> ValueType?) throws(ExpressionError) -> ValueType {
        switch node {
        case .literal(let value, _):
            return value.type
        case .slot(let path, let offset):
            return try Self.slot(path, at: offset, slotType: slotType)
        case .unary(let op, let operand, let offset):
            return try unaryType(op, type(of: operand, slotType: slotType), at: offset)
        case .binary(let op, let lhs, let rhs, let offset):
            return try binaryType(op, type(of: lhs, slotType: slotType), type(of: rhs, slotType: slotType), at: offset)
        case .call(let function, let arguments, let offset):
            return try callType(function, arguments, at: offset, slotType: slotType)
        }
    }

    @inline(never)
    private static func slot(_ path: String, at offset: Int, slotType: (String) -> ValueType?) throws(ExpressionError) -> ValueType {
        guard let type = slotType(path) else {
            throw ExpressionError(
                message: "unknown slot '\(path)'; check its spelling, or ask or set it in a dialog",
                offset: offset)
        }
        return type
    }

    @inline(never)
    private static func unaryType(_ op: UnaryOperator, _ operand: ValueType, at offset: Int) throws(ExpressionError) -> ValueType {
        switch op {
        case .not:
            guard isBool(operand) else { throw ExpressionMessages.mismatch(op, operand, at: offset) }
            return .bool
        case .negate:
            guard operand.isNumeric else { throw ExpressionMessages.mismatch(op, operand, at: offset) }
            return operand
        }
    }

    /// The result type of `lhs op rhs`, or the error naming the operator and both types.
    @inline(never)
    static func binaryType(_ op: BinaryOperator, _ lhs: ValueType, _ rhs: ValueType, at offset: Int) throws(ExpressionError) -> ValueType {
        let ok: Bool
        var result = ValueType.bool
        switch op {
        case .and, .or:
            ok = isBool(lhs) && isBool(rhs)
        case .equal, .notEqual:
            ok = lhs.accepts(rhs) || rhs.accepts(lhs)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            ok = (lhs.isNumeric && rhs.isNumeric)
                || (isOrderable(lhs) && isOrderable(rhs) && (lhs == rhs || lhs == .any || rhs == .any))
        case .in:
            ok = (lhs == .text || lhs == .any) && (rhs == .list || rhs == .any)
        case .add:
            if lhs.isNumeric && rhs.isNumeric {
                ok = true
                result = numericResult(lhs, rhs)
            } else {
                ok = (lhs == .text || lhs == .any) && (rhs == .text || rhs == .any)
                result = .text
            }
        case .subtract, .multiply:
            ok = lhs.isNumeric && rhs.isNumeric
            result = numericResult(lhs, rhs)
        case .divide:
            ok = lhs.isNumeric && rhs.isNumeric
            result = .number
        case .remainder:
            ok = (lhs == .integer || lhs == .any) && (rhs == .integer || rhs == .any)
            result = .integer
        }
        guard ok else { throw ExpressionMessages.mismatch(op, lhs, rhs, at: offset) }
        return result
    }

    private static func callType(
        _ function: ExpressionFunction, _ arguments: [ExpressionNode], at offset: Int,
        slotType: (String) -> ValueType?
    ) throws(ExpressionError) -> ValueType {
        if function == .isSet {
            // The parser guarantees a plain slot; only its existence matters, not its type.
            if let argument = arguments.first, case .slot(let path, let slotOffset) = argument {
                _ = try slot(path, at: slotOffset, slotType: slotType)
            }
            return .bool
        }
        var types: [ValueType] = []
        for argument in arguments { types.append(try type(of: argument, slotType: slotType)) }
        return try resultType(function, types, arguments, at: offset)
    }

    // A leaf, apart from the recursion in `callType`, so that its temporaries do not weigh on
    // every level of a deeply nested expression.
    @inline(never)
    private static func resultType(
        _ function: ExpressionFunction, _ types: [ValueType], _ arguments: [ExpressionNode], at offset: Int
    ) throws(ExpressionError) -> ValueType {
        guard types.count == function.arity, arguments.count == function.arity else {
            throw ExpressionMessages.arity(function, found: arguments.count, at: offset)
        }
        switch function {
        case .count:
            try expect(types[0] == .list || types[0] == .any, function, types, arguments[0])
            return .integer
        case .contains:
            try expect(types[0] == .list || types[0] == .any, function, types, arguments[0])
            try expect(types[1] == .text || types[1] == .any, function, types, arguments[1])
            return .bool
        case .min, .max:
            try expect(types[0].isNumeric, function, types, arguments[0])
            try expect(types[1].isNumeric, function, types, arguments[1])
            return numericResult(types[0], types[1])
        case .round:
            try expect(types[0].isNumeric, function, types, arguments[0])
            return .integer
        case .lower:
            try expect(types[0] == .text || types[0] == .any, function, types, arguments[0])
            return .text
        case .isSet:
            return .bool
        }
    }

    private static func expect(
        _ ok: Bool, _ function: ExpressionFunction, _ types: [ValueType], _ argument: ExpressionNode
    ) throws(ExpressionError) {
        guard ok else { throw ExpressionMessages.mismatch(function, types, at: argument.start) }
    }

    /// Integer when both are integers; a decimal number as soon as one is; `.any` for two unknowns.
    static func numericResult(_ lhs: ValueType, _ rhs: ValueType) -> ValueType {
        if lhs == .number || rhs == .number { return .number }
        if lhs == .integer || rhs == .integer { return .integer }
        return .any
    }

    private static func isBool(_ type: ValueType) -> Bool {
        type == .bool || type == .any
    }

    private static func isOrderable(_ type: ValueType) -> Bool {
        type == .date || type == .text || type == .any
    }
}
