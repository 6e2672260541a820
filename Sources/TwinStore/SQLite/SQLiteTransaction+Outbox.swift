import Foundation
import GRDB
import Twinning

/// The notification outbox and the reminder schedule over SQLite.
extension SQLiteTransaction {
    func events(after id: Int64, limit: Int) throws -> [StoredEvent] {
        try EventRecord.filter(Column("id") > id).order(Column("id")).limit(limit).fetchAll(db).map { record in
            StoredEvent(id: record.id ?? 0, event: try record.event())
        }
    }

    func outboxCursor() throws -> Int64 {
        try outboxCursor(named: "events")
    }

    func outboxCursor(named name: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT last_event_id FROM outbox_cursor WHERE name = ?", arguments: [name]) ?? 0
    }

    func deliveries(status: Delivery.Status?, limit: Int) throws -> [Delivery] {
        var request = DeliveryRecord.order(Column("id").desc).limit(limit)
        if let status { request = request.filter(Column("status") == status.rawValue) }
        return try request.fetchAll(db).map { try $0.delivery() }
    }

    func delivery(_ id: Int64) throws -> Delivery? {
        try DeliveryRecord.fetchOne(db, key: id)?.delivery()
    }

    func delivery(source: String, target: String) throws -> Delivery? {
        try DeliveryRecord.filter(Column("source") == source && Column("target") == target).fetchOne(db)?.delivery()
    }

    func forgetPayload(_ id: Int64) throws {
        try db.execute(sql: "UPDATE deliveries SET payload = x'' WHERE id = ?", arguments: [id])
    }

    func dropInvitationMails(now: Date, of participant: ParticipantID?) throws -> Int {
        // The source is `invitation:PARTICIPANT/TOKEN_SHA256`, so the link's row is found by its
        // digest; a mail whose link cannot open any more would only mislead.
        let prefix = Delivery.invitationMailPrefix + (participant.map { $0.description + "/" } ?? "")
        try db.execute(sql: """
            DELETE FROM deliveries
            WHERE substr(source, 1, length(?1)) = ?1 AND status IN ('pending', 'dead')
              AND NOT EXISTS (SELECT 1 FROM invitations i
                              WHERE i.token_hash = substr(deliveries.source, length(deliveries.source) - 63)
                                AND i.revoked_at IS NULL AND i.expires_at > ?2)
            """, arguments: [prefix, now])
        return db.changesCount
    }

    func deliveryCounts() throws -> [Delivery.Status: Int] {
        var counts: [Delivery.Status: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status") {
            if let status = Delivery.Status(rawValue: row["status"]) { counts[status] = row["n"] }
        }
        return counts
    }

    func unqueuedReplies(channel: String, limit: Int) throws -> [ProcessedRequest] {
        try ProcessedRequestRecord.fetchAll(db, sql: """
            SELECT * FROM processed_requests p
            WHERE p.channel = ? AND p.delivered_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM deliveries d
                              WHERE d.source = 'reply:' || p.participant_id || '/' || p.channel || '/' || p.request_id)
            ORDER BY p.at LIMIT ?
            """, arguments: [channel, limit]).map { try $0.processedRequest() }
    }

    func reminders(of pairID: String?) throws -> [ScheduledReminder] {
        try Row.fetchAll(db, sql: """
            SELECT id, pair_id, rule, anchor, due_at, status, sent_at FROM reminders
            WHERE (? IS NULL OR pair_id = ?) ORDER BY due_at, id
            """, arguments: [pairID, pairID]).compactMap { row in
            guard let status = ScheduledReminder.Status(rawValue: row["status"]) else { return nil }
            return ScheduledReminder(id: row["id"], pairID: row["pair_id"], rule: row["rule"], anchor: row["anchor"],
                                     dueAt: row["due_at"], status: status, sentAt: row["sent_at"])
        }
    }

    func enqueue(_ deliveries: [NewDelivery]) throws {
        for delivery in deliveries {
            try DeliveryRecord(delivery).insert(db, onConflict: .ignore)
        }
    }

    func setOutboxCursor(_ id: Int64) throws {
        try setOutboxCursor(id, named: "events")
    }

    func setOutboxCursor(_ id: Int64, named name: String) throws {
        try db.execute(sql: """
            INSERT INTO outbox_cursor (name, last_event_id) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET last_event_id = excluded.last_event_id
            """, arguments: [name, id])
    }

    func claimDeliveries(now: Date, leaseUntil: Date, limit: Int, targets: [String]) throws -> [Delivery] {
        guard !targets.isEmpty else { return [] }
        // Only the oldest pending delivery of an ordering key may go, so that two replies to one
        // participant can never overtake each other, also across retries.
        let placeholders = Array(repeating: "?", count: targets.count).joined(separator: ", ")
        var arguments: StatementArguments = [leaseUntil, now, now]
        arguments += StatementArguments(targets)
        arguments += [limit]
        let records = try DeliveryRecord.fetchAll(db, sql: """
            UPDATE deliveries SET lease_until = ?, attempts = attempts + 1
            WHERE id IN (
                SELECT d.id FROM deliveries d
                WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
                  AND d.target IN (\(placeholders))
                  AND (d.ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM deliveries o WHERE o.ordering_key = d.ordering_key AND o.status = 'pending' AND o.id < d.id))
                ORDER BY d.next_attempt_at, d.id LIMIT ?)
            RETURNING *
            """, arguments: arguments)
        return try records.map { try $0.delivery() }.sorted { $0.id < $1.id }
    }

    func markDelivered(_ id: Int64, httpStatus: Int?, at time: Date) throws {
        try db.execute(sql: """
            UPDATE deliveries SET status = 'delivered', delivered_at = ?, lease_until = NULL, last_status = ?, last_error = NULL
            WHERE id = ?
            """, arguments: [time, httpStatus, id])
    }

    func scheduleRetry(_ id: Int64, at time: Date, error: String, httpStatus: Int?) throws {
        try db.execute(sql: """
            UPDATE deliveries SET next_attempt_at = ?, lease_until = NULL, last_error = ?, last_status = ?
            WHERE id = ? AND status = 'pending'
            """, arguments: [time, error, httpStatus, id])
    }

    func markDead(_ id: Int64, error: String, httpStatus: Int?) throws {
        try db.execute(sql: """
            UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = ?, last_status = ? WHERE id = ? AND status = 'pending'
            """, arguments: [error, httpStatus, id])
    }

    func markSkipped(_ id: Int64, reason: String) throws {
        try db.execute(sql: """
            UPDATE deliveries SET status = 'skipped', lease_until = NULL, last_error = ? WHERE id = ? AND status = 'pending'
            """, arguments: [reason, id])
    }

    func requeue(_ id: Int64, at time: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
            WHERE id = ? AND status = 'dead'
            """, arguments: [time, id])
        return db.changesCount > 0
    }

    func markReplyDelivered(channel: String, requestID: String, participant: ParticipantID, at time: Date) throws {
        try db.execute(sql: """
            UPDATE processed_requests SET delivered_at = ? WHERE participant_id = ? AND channel = ? AND request_id = ?
            """, arguments: [time, participant.description, channel, requestID])
    }

    func scheduleReminder(pairID: String, rule: String, anchor: Date, dueAt: Date) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO reminders (pair_id, rule, anchor, due_at, status) VALUES (?, ?, ?, ?, 'scheduled')
            """, arguments: [pairID, rule, anchor, dueAt])
    }

    func cancelReminder(_ id: Int64) throws {
        try db.execute(sql: "UPDATE reminders SET status = 'cancelled' WHERE id = ? AND status = 'scheduled'", arguments: [id])
    }

    func fireReminder(_ id: Int64, event: ProgrammeEvent, at time: Date) throws {
        let record = EventRecord(event)
        let inserted = try record.insertAndFetch(db)
        try db.execute(sql: """
            UPDATE reminders SET status = 'sent', sent_at = ?, event_id = ? WHERE id = ? AND status = 'scheduled'
            """, arguments: [time, inserted.id, id])
    }
}
