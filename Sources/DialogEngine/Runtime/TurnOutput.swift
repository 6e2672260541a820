/// What one turn of the engine produced: the messages, the question now asked, and what changed.
public struct TurnOutput: Sendable, Hashable {
    /// The messages to show, in order; a question's text is the last of them.
    public var messages: [ReplyMessage] = []
    /// What is asked now; `nil` when nothing is (the conversation is paused).
    public var prompt: Prompt?
    /// The slots whose value this turn set, changed or cleared.
    public var changedSlots: Set<String> = []
    /// The participant asked to pause with `stop`.
    public var paused = false

    /// An empty output.
    public init() {}

    mutating func say(_ kind: MessageKind, _ text: String) {
        messages.append(ReplyMessage(kind, text))
    }
}
