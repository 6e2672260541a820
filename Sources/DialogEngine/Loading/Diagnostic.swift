/// A problem the loader or the linter found in a dialog script.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious it is: errors stop a script from loading, warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong and, where it helps, how to fix it.
    public var message: String
    /// Where it is.
    public var location: SourceLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// The conventional compiler form: `path:line:column: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
