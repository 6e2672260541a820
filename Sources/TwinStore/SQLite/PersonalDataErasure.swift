import Foundation
import GRDB
import Twinning

/// Erases a participant (the right to erasure under the AVG/GDPR, `jobtwin erase`).
///
/// Everything that is theirs is deleted; what they share with a partner stays the partner's
/// with the erased person replaced by an anonymous stand-in (`erased:…`): the pair, the plan,
/// the partner's own goals, expectations, activities and evaluation. Every text they gave — not only their
/// name — is also taken out of the rows of other people (`CopyRedaction`: a partner's notices,
/// session and kept texts, stored replies, outgoing notifications, the audit log's details).
/// The caller then checkpoints the WAL and vacuums the file, so that no deleted page keeps a
/// copy.
enum PersonalDataErasure {
    /// What was erased, for the audit and the message to the coordinator.
    struct Summary: Sendable {
        var standIn: ParticipantID
        var rowsDeleted: Int
    }

    static let redacted = CopyRedaction.redacted

    static func erase(_ id: ParticipantID, at now: Date, in db: Database) throws -> Summary? {
        let me = id.description
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM participants WHERE id = ?", arguments: [me]) == true else { return nil }
        // The texts that identify the person, to take out of other people's data too; read
        // before their own rows go.
        let texts = try IdentifyingTexts.of(me, in: db)
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
        // A plan's words are the words of who proposed it, even once the partner confirmed it:
        // the period, agreements and reasons of the erased person's version go; the figures,
        // which name nobody, and the partner's confirmation stay.
        try run("UPDATE plans SET period = ?2, agreements = ?2, deviation_reasons = '{}' WHERE proposed_by = ?1", [other, redacted])
        // Their own part of the shared trajectory goes.
        try run("DELETE FROM goals WHERE owner_id = ?", [me])
        try run("DELETE FROM expectations WHERE participant_id = ?", [me])
        try run("DELETE FROM activities WHERE logged_by = ?", [me])
        try run("DELETE FROM evaluations WHERE participant_id = ?", [me])
        try run("DELETE FROM bottlenecks WHERE participant_id = ?", [me])
        // Events keep happening for the statistics, with the stand-in instead of the person;
        // notifications about them that were not yet sent carry their name, so they go; so do
        // the direct messages still waiting for them (a pair's message names one of the two),
        // and the mails of their invitation links, sent or not.
        try run("""
            DELETE FROM deliveries WHERE event_id IN (SELECT id FROM events WHERE EXISTS
                (SELECT 1 FROM json_each(events.participants) WHERE value = ?1)) OR \(PersonalDataExport.replyOf)
                OR ordering_key = 'dm:' || ?1 OR \(PersonalDataExport.invitationMailOf)
            """, [me])
        try run("UPDATE events SET participants = replace(participants, '\"' || ? || '\"', '\"' || ? || '\"')", [me, other])
        // The rest is theirs alone and goes with the participant row (foreign keys cascade):
        // the conversation, answers, profile, likes, exclusions, context check, click check,
        // the knelpunten they raised (with their words), notices,
        // processed requests, consent decisions, kept conversation texts.
        try run("DELETE FROM likes WHERE from_id = ?1 OR to_id = ?1", [me])
        // The audit log keeps what happened, not to whom.
        try run("UPDATE audit_log SET subject = ? WHERE subject = ?", [other, me])
        try run("UPDATE audit_log SET actor = ? WHERE actor = ?", [other, me])
        try run("DELETE FROM participants WHERE id = ?", [me])
        // Their texts and their id in other people's rows.
        var copies = CopyRedaction(texts, standIn: other, in: db)
        try copies.run()
        deleted += copies.changes
        return Summary(standIn: standIn, rowsDeleted: deleted)
    }

    /// `text` with every occurrence of the participant id `id` as a whole word replaced by
    /// `replacement`: one that starts the text or follows a space, `(` or a quote, and is
    /// followed by the end, a space, a quote, or a punctuation mark that ends a phrase (`)`,
    /// `,`, `;`, `:`, `.`) before a space, a quote or the end — so that erasing `api:anna` does
    /// not touch `api:annabel`, nor `slack:T1:U1` touch `slack:T1:U10`, and an id in JSON
    /// (`"api:anna"`) is found.
    static func replacingID(_ id: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = text[...]
        var previous: Character? = nil
        while let range = rest.range(of: id) {
            let after = rest[range.upperBound...]
            let before = rest[..<range.lowerBound].last ?? previous
            let isWhole: Bool
            if let before, !before.isWhitespace, !"(\"'".contains(before) {
                isWhole = false
            } else if let next = after.first {
                if next.isWhitespace || "\"'".contains(next) {
                    isWhole = true
                } else if "),;:.".contains(next) {
                    isWhole = after.dropFirst().first.map { $0.isWhitespace || "\"'".contains($0) } ?? true
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
