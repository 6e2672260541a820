import Foundation
import GRDB
import Twinning

/// Erases a participant (the right to erasure under the AVG/GDPR, `jobtwin erase`).
///
/// Everything that is theirs is deleted; what they share with a partner stays the partner's
/// with the erased person replaced by an anonymous stand-in (`erased:…`): the pair, the plan,
/// the partner's own goals, activities and evaluation. Their name is also removed from texts
/// that are someone else's (a partner's notices, stored replies, outgoing notifications).
/// The caller then checkpoints the WAL and vacuums the file, so that no deleted page keeps a
/// copy.
enum PersonalDataErasure {
    /// What was erased, for the audit and the message to the coordinator.
    struct Summary: Sendable {
        var standIn: ParticipantID
        var rowsDeleted: Int
    }

    static let redacted = "[verwijderd / erased]"

    static func erase(_ id: ParticipantID, at now: Date, in db: Database) throws -> Summary? {
        let me = id.description
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM participants WHERE id = ?", arguments: [me]) == true else { return nil }
        // The texts that identify the person, to take out of other people's data too.
        let names = try String.fetchAll(db, sql: "SELECT name FROM profiles WHERE participant_id = ?", arguments: [me])
            .filter { $0.count >= 2 }
        guard let standIn = ParticipantID(channel: ParticipantID.erasedChannel, local: UUID().uuidString.lowercased()) else { return nil }
        let other = standIn.description
        var deleted = 0
        func run(_ sql: String, _ arguments: StatementArguments) throws {
            try db.execute(sql: sql, arguments: arguments)
            deleted += db.changesCount
        }
        try run("INSERT INTO participants (id, channel, language, phase, created_at, last_active_at) VALUES (?, ?, 'nl', 'afgerond', ?, ?)",
                [other, ParticipantID.erasedChannel, now, now])
        // Shared data keeps its partner's side: the pair and the plan point at the stand-in.
        try run("UPDATE pairs SET teacher_id = ? WHERE teacher_id = ?", [other, me])
        try run("UPDATE pairs SET professional_id = ? WHERE professional_id = ?", [other, me])
        // A proposal nobody can confirm any more does not go on: the partner is free to be matched.
        try run("UPDATE pairs SET status = 'declined' WHERE status = 'proposed' AND (teacher_id = ?1 OR professional_id = ?1)", [other])
        try run("UPDATE plans SET proposed_by = ? WHERE proposed_by = ?", [other, me])
        try run("UPDATE plans SET confirmed_versions = json_remove(confirmed_versions, '$.\"' || ? || '\"')", [me])
        // The current version of a plan is the erased person's own words until the partner
        // confirmed it: then its period, agreements and reasons go (the figures stay, they name
        // nobody). A version the partner confirmed is the partner's too and stays whole.
        try run("""
            UPDATE plans SET period = ?2, agreements = ?2, deviation_reasons = '{}'
            WHERE proposed_by = ?1 AND NOT EXISTS (
                SELECT 1 FROM pairs p, json_each(plans.confirmed_versions) c
                WHERE p.id = plans.pair_id AND c.value = plans.version
                  AND c.key = CASE WHEN p.teacher_id = ?1 THEN p.professional_id ELSE p.teacher_id END)
            """, [other, redacted])
        // Their own part of the shared trajectory goes.
        try run("DELETE FROM goals WHERE owner_id = ?", [me])
        try run("DELETE FROM activities WHERE logged_by = ?", [me])
        try run("DELETE FROM evaluations WHERE participant_id = ?", [me])
        try run("DELETE FROM bottlenecks WHERE participant_id = ?", [me])
        // Events keep happening for the statistics, with the stand-in instead of the person;
        // notifications about them that were not yet sent carry their name, so they go.
        try run("""
            DELETE FROM deliveries WHERE event_id IN (SELECT id FROM events WHERE EXISTS
                (SELECT 1 FROM json_each(events.participants) WHERE value = ?1)) OR \(PersonalDataExport.replyOf)
            """, [me])
        try run("UPDATE events SET participants = replace(participants, '\"' || ? || '\"', '\"' || ? || '\"')", [me, other])
        // The rest is theirs alone and goes with the participant row (foreign keys cascade):
        // the conversation, answers, profile, likes, exclusions, context check, notices,
        // processed requests, consent decisions, kept conversation texts.
        try run("DELETE FROM likes WHERE from_id = ?1 OR to_id = ?1", [me])
        // The audit log keeps what happened, not to whom.
        try run("UPDATE audit_log SET subject = ? WHERE subject = ?", [other, me])
        try run("UPDATE audit_log SET actor = ? WHERE actor = ?", [other, me])
        // Ids in a detail are whole words: erasing `api:anna` leaves `api:annabel` alone.
        for row in try Row.fetchAll(db, sql: "SELECT id, detail FROM audit_log WHERE instr(detail, ?) > 0", arguments: [me]) {
            let detail: String = row["detail"]
            let replaced = replacingID(me, with: other, in: detail)
            if replaced != detail {
                try run("UPDATE audit_log SET detail = ? WHERE id = ?", [replaced, row["id"] as Int64])
            }
        }
        try run("DELETE FROM participants WHERE id = ?", [me])
        // Their name in other people's texts.
        for name in names {
            for (table, column) in [("notices", "text_nl"), ("notices", "text_en"), ("activities", "notes"), ("goals", "text"),
                                    ("answers", "value"), ("processed_requests", "reply_json"), ("deliveries", "payload"),
                                    ("plans", "agreements"), ("plans", "period"), ("plans", "deviation_reasons"),
                                    ("evaluations", "data"), ("conversation_texts", "text")] {
                try run("UPDATE \(table) SET \(column) = replace(CAST(\(column) AS TEXT), ?1, ?2) WHERE instr(CAST(\(column) AS TEXT), ?1) > 0",
                        [name, redacted])
            }
            // Stored conversation states of others may show the name in a slot; answers are
            // their own, so only the name is taken out. The turn count moves on, so that no
            // cached copy of the old state is written back.
            try run("""
                UPDATE sessions SET state = CAST(replace(CAST(state AS TEXT), ?1, ?2) AS BLOB), turns = turns + 1
                WHERE instr(CAST(state AS TEXT), ?1) > 0
                """, [name, redacted])
        }
        return Summary(standIn: standIn, rowsDeleted: deleted)
    }

    /// `text` with every occurrence of the participant id `id` as a whole word replaced by
    /// `replacement`: one that starts the text or follows a space or `(`, and is followed by the
    /// end, a space, or a punctuation mark that ends a phrase (`)`, `,`, `;`, `:`, `.`) before a
    /// space or the end — so that erasing `api:anna` does not touch `api:annabel`, nor
    /// `slack:T1:U1` touch `slack:T1:U10`.
    static func replacingID(_ id: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = text[...]
        var previous: Character? = nil
        while let range = rest.range(of: id) {
            let after = rest[range.upperBound...]
            let before = rest[..<range.lowerBound].last ?? previous
            let isWhole: Bool
            if let before, !before.isWhitespace, before != "(" {
                isWhole = false
            } else if let next = after.first {
                if next.isWhitespace {
                    isWhole = true
                } else if "),;:.".contains(next) {
                    isWhole = after.dropFirst().first.map(\.isWhitespace) ?? true
                } else {
                    isWhole = false
                }
            } else {
                isWhole = true
            }
            result += rest[..<range.lowerBound]
            result += isWhole ? replacement : id
            previous = id.last
            rest = after
        }
        return result + rest
    }
}
