/// A parsed, immutable expression of the dialog language: a `when` or `if` condition, a `set`
/// value, a `validate` rule or an action argument.
///
/// Parse once when the dialogs load, type-check against the slots the dialogs declare, then
/// evaluate as often as the conversation needs. See "Expressions" in `docs/dialog-language.md`.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The expression exactly as the author wrote it.
    public let source: String
    /// The syntax tree.
    public let root: ExpressionNode

    /// The longest source `parse` accepts, in characters. Longer conditions belong in several
    /// steps; the limit also bounds the work a malformed script can cause.
    public static let maximumLength = 2_000

    /// How deeply brackets, operators and function calls may nest. Type checking and evaluation
    /// recurse over the tree, so the bound is what keeps hostile input from exhausting the stack.
    public static let maximumDepth = 64

    private init(source: String, root: ExpressionNode) {
        self.source = source
        self.root = root
    }

    /// Parses `source`, or throws the first syntax error with the offset where it starts.
    public static func parse(_ source: String) throws(ExpressionError) -> Expression {
        Expression(source: source, root: try ExpressionParser.parse(source))
    }

    /// Every slot path the expression reads, including `answer` when a validation rule uses it;
    /// callers decide which paths are allowed where.
    public var slotReferences: Set<String> {
        root.slotReferences
    }

    /// The slot paths passed to `is_set(…)`: they are asked about, not read, so a linter need not
    /// require them to be set beforehand.
    public var isSetArguments: Set<String> {
        root.isSetArguments
    }

    /// The slot paths whose value the expression reads: `slotReferences` without those that
    /// appear only as `is_set` arguments.
    public var valueReferences: Set<String> {
        root.valueReferences
    }

    /// The type the expression produces. `slotType` returns the type of a slot path, or `nil`
    /// when the slot is unknown, which is an error.
    public func typeCheck(slotType: (String) -> ValueType?) throws(ExpressionError) -> ValueType {
        try ExpressionTypeChecker.type(of: root, slotType: slotType)
    }

    /// The expression's value, given the current value of each slot (`.null` when unset).
    ///
    /// Throws only when a slot holds a value of another type than the expression expects.
    public func evaluate(slot: (String) -> Value) throws(ExpressionError) -> Value {
        try ExpressionEvaluator.evaluate(root, slot: slot)
    }

    /// Whether the expression holds as a condition: only `true` does; `false` and `null` do not.
    public func isTrue(slot: (String) -> Value) throws(ExpressionError) -> Bool {
        try evaluate(slot: slot) == .bool(true)
    }

    /// The source as the author wrote it.
    public var description: String { source }
}
