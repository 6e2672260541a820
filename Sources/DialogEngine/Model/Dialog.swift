public import TwinLanguage

/// One dialog: a named list of steps, loaded from one YAML file.
public struct Dialog: Sendable {
    /// The name other dialogs use to call it.
    public var name: String
    /// Shown by `status`.
    public var title: LocalizedText
    /// The steps, in order.
    public var steps: [Step]
    /// Where the dialog is written.
    public var location: SourceLocation

    private var indexById: [String: Int]

    /// Creates a dialog; later steps with an already used id are not indexed (the linter
    /// reports them).
    public init(name: String, title: LocalizedText, steps: [Step], location: SourceLocation) {
        self.name = name
        self.title = title
        self.steps = steps
        self.location = location
        var index: [String: Int] = [:]
        for (i, step) in steps.enumerated() where index[step.id] == nil {
            index[step.id] = i
        }
        self.indexById = index
    }

    /// The position of the step with this id.
    public func index(of id: String) -> Int? { indexById[id] }

    /// The step with this id.
    public func step(_ id: String) -> Step? { indexById[id].map { steps[$0] } }
}
