import Foundation
import GRDB
import Twinning

/// The parts of `SQLiteTransaction` that coordinators' actions in the chat need: the audit log
/// written inside the turn's transaction, and a participant's notices of one kind.
extension SQLiteTransaction {
    func audit(_ entry: AuditEntry) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [entry.at, entry.actor, entry.action, entry.subject, entry.detail])
    }

    func notices(for id: ParticipantID, kind: String) throws -> [Notice] {
        try Row.fetchAll(db, sql: "SELECT kind, text_nl, text_en, created_at FROM notices WHERE participant_id = ? AND kind = ? ORDER BY id",
                         arguments: [id.description, kind]).map { row in
            Notice(participant: id, kind: row["kind"], nl: row["text_nl"], en: row["text_en"], createdAt: row["created_at"])
        }
    }

    func auditEntries() throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: "SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id").map { row in
            AuditEntry(at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"], detail: row["detail"])
        }
    }
}
