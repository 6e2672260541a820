import DialogEngine
import Testing

// Shared helpers for the loader and linter tests: a small host interface, linting of dialog
// files written inline, and lookups of diagnostics by their exact `path:line:column`.

/// The host interface the loader and linter tests check against: conversations start in and come
/// home to `main` unless a test says otherwise; two host slots and three actions (one with a
/// required and an optional parameter, one with an integer and a number parameter, one that
/// returns nothing).
func lintTestHost(entry: String = "main", home: String = "main") -> HostInterface {
    HostInterface(
        entryDialog: entry,
        homeDialog: home,
        hostSlots: ["participant.phase": .text, "participant.coordinator": .bool],
        actions: [
            ActionSignature(name: "save_profile", summary: "Saves the profile; returns whether it worked.",
                            parameters: [.init("name", .text), .init("side", .text, optional: true)], result: .bool),
            ActionSignature(name: "check_plan", summary: "Checks a plan against the guideline; returns advice.",
                            parameters: [.init("weeks", .integer), .init("hours", .number, optional: true)], result: .text),
            ActionSignature(name: "notify_coordinator", summary: "Tells the coordinator; returns nothing.",
                            parameters: [.init("note", .text)], result: nil),
        ])
}

/// Lints dialog files given as `(path, YAML text)` pairs against `host`.
func lintSources(_ files: [(path: String, yaml: String)], host: HostInterface = lintTestHost()) -> LintResult {
    Program.lint(files.map { DialogSource(path: $0.path, text: $0.yaml) }, host: host)
}

/// Lints one dialog file against `host`.
func lintSource(_ yaml: String, path: String = "main.yaml", host: HostInterface = lintTestHost()) -> LintResult {
    lintSources([(path, yaml)], host: host)
}

extension LintResult {
    /// The errors, in position order.
    var lintErrors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The warnings, in position order.
    var lintWarnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The diagnostics reported at exactly `position` (`main.yaml:7:5`).
    func lintDiagnostics(at position: String) -> [Diagnostic] {
        diagnostics.filter { $0.location.description == position }
    }

    /// Every diagnostic on its own line, for failure messages.
    var lintListing: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Records an issue unless `result` has a diagnostic of `severity` at exactly `position` whose
/// message contains `fragment`; the issue lists every diagnostic found.
@discardableResult
func expectLintDiagnostic(
    _ result: LintResult, _ severity: Diagnostic.Severity = .error, at position: String, _ fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Bool {
    let found = result.lintDiagnostics(at: position).contains { $0.severity == severity && $0.message.contains(fragment) }
    if !found {
        Issue.record("expected \(severity) at \(position) containing \"\(fragment)\"; found:\n\(result.lintListing)",
                     sourceLocation: sourceLocation)
    }
    return found
}

/// Records an issue unless `result` has no diagnostic at all; the issue lists them.
func expectLintClean(_ result: LintResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if !result.diagnostics.isEmpty {
        Issue.record("expected no diagnostics; found:\n\(result.lintListing)", sourceLocation: sourceLocation)
    }
}

/// Records an issue unless `result` has no error whose message contains `fragment`.
func expectNoLintError(_ result: LintResult, containing fragment: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let matching = result.lintErrors.filter { $0.message.contains(fragment) }
    if !matching.isEmpty {
        Issue.record("expected no error containing \"\(fragment)\"; found:\n\(result.lintListing)", sourceLocation: sourceLocation)
    }
}
