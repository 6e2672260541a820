/// A problem with an expression: a syntax or type error found when the dialogs load, or a value
/// of an unexpected kind met while evaluating.
///
/// The message is written for dialog authors, who see it next to their YAML; the offset lets the
/// loader point at the exact column.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to fix it, in English.
    public let message: String
    /// The 0-based character offset in the expression's source where the problem starts.
    public let offset: Int

    /// Creates an error at `offset` characters into the expression's source.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message with its offset, for logs and test failures.
    public var description: String { "offset \(offset): \(message)" }
}
