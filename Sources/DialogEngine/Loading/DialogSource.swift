/// The text of one dialog file and the name it is reported under.
public struct DialogSource: Sendable, Hashable {
    /// The path shown in diagnostics (`Dialogs/intake.yaml`).
    public var path: String
    /// The YAML text.
    public var text: String

    /// Creates a source.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
