import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// The rights of access and erasure on PostgreSQL: the same rows as on SQLite, chosen by the
/// same conditions (`PersonalDataExport`'s, in PostgreSQL's dialect), written out the same way,
/// so that an export does not depend on the store it came from.
enum PostgresPersonalData {
    /// Everything stored about `id`, as `jobtwin export` writes it: one JSON object with the
    /// rows that concern them, table by table.
    static func export(_ id: ParticipantID, at now: Date, scope: PersonalDataExportScope, in tx: PostgresTransaction) throws -> Data {
        var tables: [String: Any] = [:]
        for (table, everything) in PersonalDataExport.rowsAbout.sorted(by: { $0.key < $1.key }) {
            let condition = scope == .chat ? (PersonalDataExport.chatRowsAbout[table] ?? everything) : everything
            var binds = PostgresBindings()
            binds.append(id.description)
            let rows = try tx.connection.rows(PostgresQuery(unsafeSQL: "SELECT * FROM \(table) WHERE \(dialect(condition))", binds: binds))
            tables[table] = try rows.map { row -> [String: Any] in
                let cells = row.makeRandomAccess()
                let source = cells.contains("source") ? try cells["source"].decode(String?.self) : nil
                let direction = cells.contains("direction") ? try cells["direction"].decode(String?.self) : nil
                var object: [String: Any] = [:]
                for cell in cells {
                    let replyCopy = switch (table, cell.columnName) {
                    case ("processed_requests", "reply_json"): true
                    case ("deliveries", "payload"): source?.hasPrefix("reply:") == true
                    case ("conversation_texts", "text"): direction == "out"
                    default: false
                    }
                    // A mail's payload holds a live personal link: an export file must not open the chat.
                    let invitationMail = table == "deliveries" && cell.columnName == "payload" && source?.hasPrefix("invitation:") == true
                    object[cell.columnName] = (scope == .chat && replyCopy) || invitationMail ? try leftOut(cell) : try json(cell)
                }
                return object
            }
        }
        return try PersonalDataExport.document(of: id, at: now, tables: tables)
    }

    /// A condition written for SQLite (`?1` for the participant, `json_each` over a JSON list)
    /// in PostgreSQL's dialect.
    static func dialect(_ condition: String) -> String {
        condition
            .replacingOccurrences(of: "?1", with: "$1")
            .replacingOccurrences(of: "json_each(events.participants)", with: "json_array_elements_text(events.participants::json) AS element(value)")
    }

    /// A column's value as the SQLite export writes it: booleans as 0 and 1, times as GRDB
    /// stores them, text holding JSON (lists, states) embedded as JSON.
    private static func json(_ cell: PostgresCell) throws -> Any {
        guard cell.bytes != nil else { return NSNull() }
        switch cell.dataType {
        case .int2, .int4, .int8: return try cell.decode(Int64.self)
        case .float4, .float8: return try cell.decode(Double.self)
        case .bool: return try cell.decode(Bool.self) ? 1 : 0
        case .timestamptz, .timestamp: return storedTime(try cell.decode(Date.self))
        case .bytea:
            let data = try cell.decode(Data.self)
            if let text = String(data: data, encoding: .utf8) { return embedded(text) ?? text }
            return data.base64EncodedString()
        default:
            let text = try cell.decode(String.self)
            return embedded(text) ?? text
        }
    }

    /// What the chat export shows instead of a copy of a reply: that it was left out, and its size.
    private static func leftOut(_ cell: PostgresCell) throws -> Any {
        ["left_out": "a copy of a reply already shown in the chat", "bytes": cell.bytes?.readableBytes ?? 0] as [String: Any]
    }

    private static func embedded(_ text: String) -> Any? {
        guard let first = text.first, first == "{" || first == "[" else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// A time as the SQLite store keeps it (GRDB's `YYYY-MM-DD HH:MM:SS.SSS`, UTC, the
    /// milliseconds cut off as GRDB cuts them).
    static func storedTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0, (c.nanosecond ?? 0) / 1_000_000)
    }
}

extension PostgresPersonalData {
    /// What an erasure did.
    struct Summary {
        var standIn: ParticipantID
        var rowsDeleted: Int
    }

    /// The tables an erasure may leave dead tuples in, vacuumed after it: every table that
    /// holds personal data.
    static var tablesTouchedByErasure: [String] { PersonalDataExport.rowsAbout.keys.sorted() }

    /// Erases `id` as the SQLite store does (see its `PersonalDataErasure`): their own rows
    /// deleted, shared rows kept for the partner under an anonymous stand-in, their texts and
    /// id taken out of other people's rows. Inside the caller's transaction; `nil` when there is
    /// no such participant.
    static func erase(_ id: ParticipantID, at now: Date, in tx: PostgresTransaction) throws -> Summary? {
        let me = id.description
        let connection = tx.connection
        guard try connection.row("SELECT 1 FROM participants WHERE id = \(me)") != nil else { return nil }
        // Their turns in other processes wait until the erasure is committed.
        try tx.holdTurns(of: [id])
        let texts = try IdentifyingTexts.of(me, rows: textRows(me, connection))
        guard let standIn = ParticipantID(channel: ParticipantID.erasedChannel, local: UUID().uuidString.lowercased()) else { return nil }
        let other = standIn.description
        let redacted = CopyRedaction.redacted
        var deleted = 0
        func run(_ query: PostgresQuery) throws { deleted += try connection.execute(query) }
        try run("""
            INSERT INTO participants (id, channel, language, phase, created_at, last_active_at)
            VALUES (\(other), \(ParticipantID.erasedChannel), 'nl', 'afgerond', \(now), \(now))
            """)
        // Shared data keeps its partner's side: the pair and the plan point at the stand-in.
        try run("UPDATE pairs SET teacher_id = \(other) WHERE teacher_id = \(me)")
        try run("UPDATE pairs SET professional_id = \(other) WHERE professional_id = \(me)")
        // A proposal nobody can confirm any more does not go on: the partner is free to be matched.
        try run("UPDATE pairs SET status = 'declined' WHERE status = 'proposed' AND (teacher_id = \(other) OR professional_id = \(other))")
        try run("UPDATE plans SET proposed_by = \(other) WHERE proposed_by = \(me)")
        try run("""
            UPDATE plans SET confirmed_versions = (confirmed_versions::jsonb - \(me))::text WHERE confirmed_versions::jsonb ? \(me)
            """)
        // The words of the erased person's version of a plan go; the figures and the partner's
        // confirmation stay.
        try run("UPDATE plans SET period = \(redacted), agreements = \(redacted), deviation_reasons = '{}' WHERE proposed_by = \(other)")
        try run("DELETE FROM goals WHERE owner_id = \(me)")
        try run("DELETE FROM expectations WHERE participant_id = \(me)")
        try run("DELETE FROM activities WHERE logged_by = \(me)")
        try run("DELETE FROM evaluations WHERE participant_id = \(me)")
        try run("DELETE FROM bottlenecks WHERE participant_id = \(me)")
        // Notifications about their events not yet sent, replies and direct messages to them,
        // and the mails of their invitation links.
        var binds = PostgresBindings()
        binds.append(me)
        try run(PostgresQuery(unsafeSQL: dialect("""
            DELETE FROM deliveries WHERE event_id IN (SELECT id FROM events WHERE EXISTS
                (SELECT 1 FROM json_each(events.participants) WHERE value = ?1)) OR \(PersonalDataExport.replyOf)
                OR ordering_key = 'dm:' || ?1 OR \(PersonalDataExport.invitationMailOf)
            """), binds: binds))
        try run("""
            UPDATE events SET participants = replace(participants, '"' || \(me) || '"', '"' || \(other) || '"')
            WHERE strpos(participants, '"' || \(me) || '"') > 0
            """)
        try run("DELETE FROM likes WHERE from_id = \(me) OR to_id = \(me)")
        // The audit log keeps what happened, not to whom.
        try run("UPDATE audit_log SET subject = \(other) WHERE subject = \(me)")
        try run("UPDATE audit_log SET actor = \(other) WHERE actor = \(me)")
        // The rest is theirs alone and goes with the participant row (foreign keys cascade).
        try run("DELETE FROM participants WHERE id = \(me)")
        var copies = PostgresCopyRedaction(TextRedactor(texts, standIn: other), in: connection)
        try copies.run()
        deleted += copies.changes
        return Summary(standIn: standIn, rowsDeleted: deleted)
    }

    /// The text columns of `IdentifyingTexts`' queries, the participant bound to their `?`.
    static func textRows(_ id: String, _ connection: WaitingConnection) -> IdentifyingTexts.TextRows {
        { sql in
            var binds = PostgresBindings()
            binds.append(id)
            return try connection.rows(PostgresQuery(unsafeSQL: sql.replacingOccurrences(of: "?", with: "$1"), binds: binds)).map { row in
                try row.makeRandomAccess().map { try $0.decode(String?.self) }
            }
        }
    }
}
