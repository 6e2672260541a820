import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The participant's own data rights in the chat (AVG/GDPR): seeing everything stored about
/// them, and having it erased.
///
/// The export runs inside the turn's transaction and is audited in it. The erasure cannot run
/// inside a transaction (the file is vacuumed afterwards), so `request_erasure` only marks the
/// turn; the assistant erases the participant after the turn is committed, under their lock,
/// and replies with a confirmation instead of the dialog's text.
enum DataRightsActions {
    /// The audit log's name for the chat, where `jobtwin audit` shows who asked.
    static let channel = "chat"

    /// The actions as the dialogs see them (`jobtwin dialogs actions`).
    static let signatures: [ActionSignature] = [
        ActionSignature(
            name: "export_my_data",
            summary: "Shows the participant everything stored about them: a short overview, then the complete export as JSON (copies of earlier chat replies by their size only, nothing others decided about them); audited. Returns the export's size in bytes.",
            parameters: [],
            result: .integer),
        ActionSignature(
            name: "request_erasure",
            summary: "Asks for the participant's erasure: once this turn is stored, the assistant erases everything about them and replies with a confirmation instead of the dialog's text. Returns true.",
            parameters: [],
            result: .bool),
    ]

    /// Runs a data-rights action; `nil` when `call` is not one of them.
    static func perform(_ call: ActionCall, participant: ParticipantID, tx: any TwinTransaction, now: Date,
                        effects: TurnEffects?) throws -> ActionResult? {
        switch call.name {
        case "export_my_data":
            return try exportMyData(participant, tx: tx, now: now)
        case "request_erasure":
            guard let effects else {
                // Only a turn run by the assistant's full path can be followed by an erasure.
                throw DialogRuntimeError("`request_erasure` needs the assistant's turn effects", dialog: "?", step: "?")
            }
            // Recorded with the turn: if the process ends before the erasure, it is still owed
            // and carried out at the next start (`PendingErasures`).
            try tx.recordErasureRequest(of: participant, at: now)
            effects.requestErasure()
            return ActionResult(value: .bool(true))
        default:
            return nil
        }
    }

    // MARK: - Export

    private static func exportMyData(_ id: ParticipantID, tx: any TwinTransaction, now: Date) throws -> ActionResult {
        let data = try tx.exportPersonalData(of: id, at: now, scope: .chat)
        try tx.audit(AuditEntry(at: now, actor: id.description, action: "export", subject: id.description,
                                detail: "asked for by the participant in the \(channel): \(data.count) bytes"))
        let overview = try overview(of: id, export: data, tx: tx)
        let json = String(decoding: data, as: UTF8.self)
        return ActionResult(value: .integer(data.count), messages: [
            OutputMessage(.summary, LocalizedText { overview.text(in: $0) }),
            // A code block, so that chat platforms show the JSON as it is rather than as Markdown.
            OutputMessage(.summary, LocalizedText(nl: "```\n\(json)\n```", en: "```\n\(json)\n```")),
        ])
    }

    /// The readable overview: counts taken from the export itself, so that both always agree,
    /// and the few things worth naming read from the store.
    private static func overview(of id: ParticipantID, export data: Data, tx: any TwinTransaction) throws -> DataRightsText.Overview {
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let tables = document?["tables"] as? [String: Any] ?? [:]
        func rows(_ table: String) -> Int { (tables[table] as? [Any])?.count ?? 0 }

        let pair = try tx.pairs(of: id).first { $0.status != .declined }
        let partner = pair?.partner(of: id)
        let goals = try pair.map { try tx.goals(of: $0.id) } ?? []
        let activities = try pair.map { try tx.activities(of: $0.id) } ?? []
        let expectations = try pair.map { try tx.expectations(of: $0.id) } ?? []
        return DataRightsText.Overview(
            profile: try tx.profile(id),
            answers: rows("answers"),
            pair: pair,
            partnerName: try partner.flatMap { try tx.profile($0)?.name },
            goals: (goals.filter { $0.owner == id }.count, goals.filter { $0.owner == nil }.count,
                    goals.filter { $0.owner != nil && $0.owner != id }.count),
            expectations: (expectations.contains { $0.participant == id }, expectations.contains { $0.participant != id }),
            plan: try pair.flatMap { try tx.plan(of: $0.id) },
            activities: (activities.count, activities.filter { $0.loggedBy == id }.count),
            contextCheck: rows("context_checks") > 0,
            evaluation: try pair.flatMap { try tx.evaluation(of: id, pairID: $0.id) },
            likes: rows("likes"),
            notices: rows("notices"),
            requests: rows("processed_requests"),
            auditLines: rows("audit_log"))
    }
}
