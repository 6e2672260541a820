import DialogEngine
import Foundation
import TwinStore

/// Finds the steps that stored conversations refer to but the dialogs no longer have.
enum StoredSessionCheck {
    static func diagnostics(sessions: [StoredSession], sources: [DialogSource], result: LintResult) -> [Diagnostic] {
        guard let program = result.program else { return [] }
        var missing: [String: (dialog: String, step: String, count: Int)] = [:]
        let decoder = JSONDecoder()
        for session in sessions {
            guard let state = try? decoder.decode(SessionState.self, from: session.state) else { continue }
            var seen = Set<String>()
            for reference in state.referencedSteps where !reference.step.isEmpty {
                guard program.dialog(reference.dialog)?.step(reference.step) == nil else { continue }
                let key = "\(reference.dialog)#\(reference.step)"
                guard seen.insert(key).inserted else { continue }
                missing[key, default: (reference.dialog, reference.step, 0)].count += 1
            }
        }
        let origin = SourceLocation(file: sources.first?.path ?? "Dialogs", line: 1, column: 1)
        return missing.values.sorted { ($0.dialog, $0.step) < ($1.dialog, $1.step) }.map { item in
            let location = program.dialog(item.dialog)?.location ?? origin
            let what = program.dialog(item.dialog) == nil
                ? "the dialog `\(item.dialog)` no longer exists"
                : "the step `\(item.step)` no longer exists in `\(item.dialog)`"
            return Diagnostic(.warning, "\(item.count) stored conversation\(item.count == 1 ? "" : "s") still use\(item.count == 1 ? "s" : "") `\(item.dialog)`/`\(item.step)`, but \(what); they will resume at a safe point — keep the id if the question still exists", at: location)
        }
    }
}
