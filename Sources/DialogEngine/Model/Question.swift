/// What an `ask` step asks: the slot, the kind of answer, the texts and the rules.
public struct Question: Sendable, Hashable {
    /// The slot the answer goes into.
    public var slot: String
    /// The kind of answer and its limits; `spec.options` holds every option, unfiltered.
    public var spec: InputSpec
    /// The options with their display conditions (empty unless a choice).
    public var options: [OptionDefinition]
    /// The question.
    public var prompt: DialogText
    /// Extra explanation for `help`, and after repeated wrong answers.
    public var help: DialogText?
    /// Lines shown above the question every time it is asked, also again: *every* variant whose
    /// condition holds, in order (unlike `prompt`, which shows the first). For what waits, so
    /// that a participant who asks where they are sees it too.
    public var notes: DialogText? = nil
    /// Whether `skip` may leave the slot unset.
    public var isOptional: Bool
    /// Rules beyond the type check.
    public var validations: [Validation]
    /// Wrong answers in a row before the way out (skip or help) is offered.
    public var maxAttempts: Int
}
