/// One instruction of a dialog.
public struct Step: Sendable, Hashable {
    /// What the step does.
    public enum Kind: Sendable, Hashable {
        /// Show a message.
        case say(DialogText, MessageKind)
        /// Ask a question and wait for the answer.
        case ask(Question)
        /// Store the value of an expression in a slot.
        case set(slot: String, value: ScriptExpression)
        /// Jump on a condition; a `nil` target continues with the next step.
        case branch(condition: ScriptExpression, then: String?, otherwise: String?)
        /// Jump to a step of this dialog.
        case goto(String)
        /// Run another dialog and come back.
        case call(String)
        /// Run a host operation; its result goes into `into`.
        case action(name: String, arguments: [String: ScriptExpression], into: String?)
        /// Ask one ask step of this dialog again, then continue after this step.
        case revisit(String)
        /// Like `revisit`, with the ask step's id read from a choice slot.
        case revisitChoice(slot: String)
        /// End this dialog.
        case end
        /// End this dialog and continue in another one.
        case handover(String)
    }

    /// The stable id stored conversations refer to.
    public var id: String
    /// Whether the author wrote the id (rather than it being derived).
    public var hasExplicitId: Bool
    /// What the step does.
    public var kind: Kind
    /// The step is passed over when this is false.
    public var condition: ScriptExpression?
    /// Where the step is written.
    public var location: SourceLocation

    /// The question, when this is an ask step.
    public var question: Question? {
        if case .ask(let q) = kind { return q }
        return nil
    }
}
