import Foundation

/// Who runs a command, for the audit log: the terminal's user as a `repl:` participant id.
enum AuditActor {
    static var current: String {
        let environment = ProcessInfo.processInfo.environment
        let user = ["USER", "LOGNAME", "USERNAME"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? "unknown"
        return "repl:\(user)"
    }
}
