public import TwinLanguage

/// One invocation of a host operation by a running dialog.
public struct ActionCall: Sendable, Hashable {
    /// The action's name.
    public var name: String
    /// The evaluated arguments; parameters left out are absent.
    public var arguments: [String: Value]
    /// The participant's current language, for any text the action produces.
    public var language: Language

    /// Creates a call.
    public init(name: String, arguments: [String: Value], language: Language) {
        self.name = name
        self.arguments = arguments
        self.language = language
    }

    /// The argument `name`, or `null`.
    public subscript(_ name: String) -> Value { arguments[name] ?? .null }
}
