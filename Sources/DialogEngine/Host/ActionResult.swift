/// What a host operation hands back to the dialog: a value and, optionally, messages to show.
public struct ActionResult: Sendable, Hashable {
    /// Stored in the step's `into:` slot.
    public var value: Value
    /// Shown to the participant in the order given (guideline advice, for example).
    public var messages: [OutputMessage]

    /// Creates a result.
    public init(value: Value = .null, messages: [OutputMessage] = []) {
        self.value = value
        self.messages = messages
    }
}
