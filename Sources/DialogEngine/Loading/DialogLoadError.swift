/// The dialogs could not be loaded; every problem found is listed.
public struct DialogLoadError: Error, Sendable, CustomStringConvertible {
    /// Every error and warning found, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }
        let lines = errors.prefix(20).map(\.description)
        let more = errors.count > 20 ? ["… and \(errors.count - 20) more"] : []
        return (["The dialogs have \(errors.count) error(s); run `jobtwin dialogs lint` for all of them:"]
                + lines + more).joined(separator: "\n")
    }
}
