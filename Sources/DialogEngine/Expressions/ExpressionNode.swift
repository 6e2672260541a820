/// One node of a parsed expression's syntax tree.
///
/// Every node carries the character offset it was written at, so that type errors found long
/// after parsing still point at the right column: for an operator the operator itself, for a
/// call the function's name, for a literal or a slot its first character.
public indirect enum ExpressionNode: Sendable, Hashable, CustomStringConvertible {
    /// A constant: a number, a text, `true`, `false`, `null` or a list of texts.
    case literal(Value, offset: Int)
    /// A slot path such as `profile.side` (or `answer` inside a validation rule).
    case slot(String, offset: Int)
    /// `not x` or `-x`.
    case unary(UnaryOperator, ExpressionNode, offset: Int)
    /// `a op b`; the offset is the operator's.
    case binary(BinaryOperator, ExpressionNode, ExpressionNode, offset: Int)
    /// `name(arguments)`; the offset is the name's.
    case call(ExpressionFunction, [ExpressionNode], offset: Int)

    /// Where the node's operator, name or token is written.
    public var offset: Int {
        switch self {
        case .literal(_, let offset), .slot(_, let offset), .unary(_, _, let offset),
             .binary(_, _, _, let offset), .call(_, _, let offset):
            return offset
        }
    }

    /// Where the node's text begins: for `a + b` that is `a`, not the `+`. Errors about a whole
    /// argument point here.
    public var start: Int {
        if case .binary(_, let lhs, _, _) = self { return lhs.start }
        return offset
    }

    /// The slot paths this node and its children read, `is_set` arguments included.
    public var slotReferences: Set<String> {
        var paths: Set<String> = []
        visitSlots { path, _ in paths.insert(path) }
        return paths
    }

    /// The slot paths passed to `is_set(…)`, which asks whether a slot has a value without
    /// needing one.
    public var isSetArguments: Set<String> {
        var paths: Set<String> = []
        visitSlots { path, isSetArgument in
            if isSetArgument { paths.insert(path) }
        }
        return paths
    }

    /// The slot paths whose value is read: every reference except one that only appears as an
    /// `is_set` argument. In `is_set(x) and x > 1`, `x` is both, so it is included.
    public var valueReferences: Set<String> {
        var paths: Set<String> = []
        visitSlots { path, isSetArgument in
            if !isSetArgument { paths.insert(path) }
        }
        return paths
    }

    private func visitSlots(_ visit: (String, _ isSetArgument: Bool) -> Void) {
        switch self {
        case .literal: break
        case .slot(let path, _): visit(path, false)
        case .unary(_, let operand, _): operand.visitSlots(visit)
        case .binary(_, let lhs, let rhs, _):
            lhs.visitSlots(visit)
            rhs.visitSlots(visit)
        case .call(.isSet, let arguments, _):
            for case .slot(let path, _) in arguments { visit(path, true) }
        case .call(_, let arguments, _):
            for argument in arguments { argument.visitSlots(visit) }
        }
    }

    /// A fully bracketed rendering, `(1 + (2 * 3))`, that makes the parsed structure visible.
    public var description: String {
        switch self {
        case .literal(let value, _): return Self.render(value)
        case .slot(let path, _): return path
        case .unary(.not, let operand, _): return "(not \(operand))"
        case .unary(.negate, let operand, _): return "(-\(operand))"
        case .binary(let op, let lhs, let rhs, _): return "(\(lhs) \(op.symbol) \(rhs))"
        case .call(let function, let arguments, _):
            return "\(function.name)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .text(let s): return quote(s)
        case .date(let d): return d.iso
        case .list(let l): return "[" + l.map(quote).joined(separator: ", ") + "]"
        }
    }

    private static func quote(_ text: String) -> String {
        var quoted = "'"
        for c in text {
            if c == "'" || c == "\\" { quoted.append("\\") }
            quoted.append(c)
        }
        return quoted + "'"
    }
}
