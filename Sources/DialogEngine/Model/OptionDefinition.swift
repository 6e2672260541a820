/// An option of a choice question as written: the option itself and when it is shown.
public struct OptionDefinition: Sendable, Hashable {
    /// The option (stable value, translated label, aliases).
    public var option: ChoiceOption
    /// Shown only when this holds; `nil` for always.
    public var condition: ScriptExpression?
    /// Where the option is written.
    public var location: SourceLocation
}
