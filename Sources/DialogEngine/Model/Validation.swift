/// An extra rule an answer must satisfy after its type check, with the reason shown otherwise.
public struct Validation: Sendable, Hashable {
    /// A condition over `answer` (and any slot) that must hold.
    public var rule: ScriptExpression
    /// Why the answer was not accepted, shown to the participant.
    public var message: DialogText
    /// Where the rule is written.
    public var location: SourceLocation
}
