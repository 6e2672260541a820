/// What `back` needs to take one answer back: where the conversation was, and the earlier
/// value of every slot that the answer and the steps after it changed.
public struct UndoRecord: Codable, Sendable, Hashable {
    /// The frames as they were while the question waited.
    public var stack: [Frame]
    /// Each changed slot's earlier value; `null` when it had none.
    public var previous: [String: Value]

    /// Creates a record.
    public init(stack: [Frame], previous: [String: Value]) {
        self.stack = stack
        self.previous = previous
    }
}
