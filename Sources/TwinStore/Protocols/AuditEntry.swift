public import Foundation

/// One line of the audit log: who did what to whom, when — coordinator actions, exports and
/// erasures.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// When.
    public var at: Date
    /// Who did it (`repl:coordinator`, `slack:T1:U1`, …).
    public var actor: String
    /// What: `export`, `erase`, `match.apply`, `match.exclude`, ….
    public var action: String
    /// Whom it concerned, if one participant.
    public var subject: String?
    /// A short description.
    public var detail: String

    /// Creates an entry.
    public init(at: Date, actor: String, action: String, subject: String?, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
