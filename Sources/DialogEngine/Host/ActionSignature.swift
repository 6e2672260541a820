/// What the linter and the runtime know of a host operation: its parameters and its result.
public struct ActionSignature: Sendable, Hashable {
    /// One named argument of an action.
    public struct Parameter: Sendable, Hashable {
        /// The argument's name in `with:`.
        public var name: String
        /// The type the argument's expression must have.
        public var type: ValueType
        /// Whether `with:` may leave it out (it is then `null`).
        public var isOptional: Bool

        /// Creates a parameter.
        public init(_ name: String, _ type: ValueType, optional: Bool = false) {
            self.name = name
            self.type = type
            self.isOptional = optional
        }
    }

    /// The name dialogs use in `action:`.
    public var name: String
    /// One line for `jobtwin dialogs actions`.
    public var summary: String
    /// The arguments it takes.
    public var parameters: [Parameter]
    /// The type of the value it returns into `into:`; `nil` when it returns nothing.
    public var result: ValueType?

    /// Creates a signature.
    public init(name: String, summary: String, parameters: [Parameter], result: ValueType?) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.result = result
    }
}
