/// An expression as written in a script: the parsed expression and where its text starts.
public struct ScriptExpression: Sendable, Hashable {
    /// The parsed expression.
    public var expression: Expression
    /// Where the expression's first character is, so that a problem at offset `n` can be
    /// reported `n` columns further.
    public var location: SourceLocation

    /// Creates a located expression.
    public init(_ expression: Expression, at location: SourceLocation) {
        self.expression = expression
        self.location = location
    }
}
