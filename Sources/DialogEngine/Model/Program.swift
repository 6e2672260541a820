import Dispatch
import Synchronization

/// A loaded, checked and immutable set of dialogs: what the runtime executes.
///
/// Loading parses every file, checks it as a whole against the host's interface, and refuses to
/// produce a `Program` while any error remains. Build one per process and share it; it is a value.
public struct Program: Sendable {
    /// The dialogs by name.
    public let dialogs: [String: Dialog]
    /// The host's slots, actions, entry and home dialog.
    public let host: HostInterface
    /// The type of every slot any dialog or the host can set.
    public let slotTypes: [String: ValueType]
    /// Warnings found while loading (errors prevent loading).
    public let warnings: [Diagnostic]

    /// The first ask step of each slot, for rendering a slot's choice labels in templates.
    private let questionsBySlot: [String: Question]

    init(dialogs: [String: Dialog], host: HostInterface, slotTypes: [String: ValueType], warnings: [Diagnostic]) {
        self.dialogs = dialogs
        self.host = host
        self.slotTypes = slotTypes
        self.warnings = warnings
        var questions: [String: Question] = [:]
        for name in dialogs.keys.sorted() {
            for step in dialogs[name]?.steps ?? [] {
                if let question = step.question, questions[question.slot] == nil {
                    questions[question.slot] = question
                }
            }
        }
        self.questionsBySlot = questions
    }

    /// The dialog with this name.
    public func dialog(_ name: String) -> Dialog? { dialogs[name] }

    /// The ask step that asks `slot` first, in any dialog: for rendering a slot's choice labels.
    public func question(for slot: String) -> Question? { questionsBySlot[slot] }

    /// Loads `sources` and checks them against `host`.
    ///
    /// - Throws: `DialogLoadError` with every diagnostic when any error is found.
    public static func load(_ sources: [DialogSource], host: HostInterface) throws(DialogLoadError) -> Program {
        let result = lint(sources, host: host)
        guard let program = result.program else {
            throw DialogLoadError(diagnostics: result.diagnostics)
        }
        return program
    }

    /// Checks `sources` against `host` and returns every diagnostic, and the program when there
    /// was no error.
    public static func lint(_ sources: [DialogSource], host: HostInterface) -> LintResult {
        var diagnostics: [Diagnostic] = []
        var dialogs: [Dialog] = []
        for parsed in parseAll(sources.sorted(by: { $0.path < $1.path })) {
            diagnostics += parsed.diagnostics
            if let dialog = parsed.dialog { dialogs.append(dialog) }
        }
        var checker = ProgramChecker(dialogs: dialogs, host: host, origin: sources.first?.path ?? "Dialogs")
        let checked = checker.check()
        diagnostics += checker.diagnostics
        diagnostics.sort { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) }
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let program = hasErrors ? nil : Program(dialogs: checked.dialogs, host: host, slotTypes: checked.slotTypes,
                                                 warnings: diagnostics)
        return LintResult(diagnostics: diagnostics, program: program)
    }
}

extension Program {
    /// Each file parsed on its own, several at once (the files do not depend on each other, and
    /// parsing them is most of a process's start-up); the results in the order of `sources`.
    private static func parseAll(_ sources: [DialogSource]) -> [(dialog: Dialog?, diagnostics: [Diagnostic])] {
        let results = Mutex([(dialog: Dialog?, diagnostics: [Diagnostic])?](repeating: nil, count: sources.count))
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            var parser = DialogParser(file: sources[index].path)
            let dialog = parser.parse(sources[index].text)
            let diagnostics = parser.diagnostics
            results.withLock { $0[index] = (dialog, diagnostics) }
        }
        return results.withLock { $0 }.map { $0 ?? (nil, []) }
    }
}

/// What `Program.lint` found.
public struct LintResult: Sendable {
    /// Every error and warning, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The program, when there was no error.
    public var program: Program?

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
