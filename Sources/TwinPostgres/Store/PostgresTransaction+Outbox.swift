import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// The notification outbox and the reminder schedule on PostgreSQL. Several processes claim
/// from one outbox: a claim skips the rows another transaction is claiming (`FOR UPDATE SKIP
/// LOCKED`), and the lease keeps a claimed delivery from every other process until it runs out.
extension PostgresTransaction {
    func events(after id: Int64, limit: Int) throws -> [StoredEvent] {
        try all(EventRecord.self, "SELECT * FROM events WHERE id > \(id) ORDER BY id LIMIT \(limit)").map { record in
            StoredEvent(id: record.id ?? 0, event: try record.event())
        }
    }

    func outboxCursor() throws -> Int64 {
        try outboxCursor(named: "events")
    }

    func outboxCursor(named name: String) throws -> Int64 {
        try connection.value(Int64.self, "SELECT last_event_id FROM outbox_cursor WHERE name = \(name)") ?? 0
    }

    func deliveries(status: Delivery.Status?, limit: Int) throws -> [Delivery] {
        try all(DeliveryRecord.self, """
            SELECT * FROM deliveries WHERE (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)) ORDER BY id DESC LIMIT \(limit)
            """).map { try $0.delivery() }
    }

    func delivery(_ id: Int64) throws -> Delivery? {
        try one(DeliveryRecord.self, "SELECT * FROM deliveries WHERE id = \(id)")?.delivery()
    }

    func delivery(source: String, target: String) throws -> Delivery? {
        try one(DeliveryRecord.self, "SELECT * FROM deliveries WHERE source = \(source) AND target = \(target)")?.delivery()
    }

    func forgetPayload(_ id: Int64) throws {
        try connection.execute("UPDATE deliveries SET payload = ''::bytea WHERE id = \(id)")
    }

    func dropInvitationMails(now: Date, of participant: ParticipantID?) throws -> Int {
        // The source ends in the link's digest (`invitation:PARTICIPANT/TOKEN_SHA256`).
        let prefix = Delivery.invitationMailPrefix + (participant.map { $0.description + "/" } ?? "")
        return try connection.execute("""
            DELETE FROM deliveries
            WHERE left(source, length(\(prefix))) = \(prefix) AND status IN ('pending', 'dead')
              AND NOT EXISTS (SELECT 1 FROM invitations i
                              WHERE i.token_hash = right(deliveries.source, 64) AND i.revoked_at IS NULL AND i.expires_at > \(now))
            """)
    }

    func deliveryCounts() throws -> [Delivery.Status: Int] {
        var counts: [Delivery.Status: Int] = [:]
        for row in try connection.rows("SELECT status, count(*) FROM deliveries GROUP BY status") {
            let (status, count) = try row.decode((String, Int).self)
            if let status = Delivery.Status(rawValue: status) { counts[status] = count }
        }
        return counts
    }

    func unqueuedReplies(channel: String, limit: Int) throws -> [ProcessedRequest] {
        try all(ProcessedRequestRecord.self, """
            SELECT * FROM processed_requests p
            WHERE p.channel = \(channel) AND p.delivered_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM deliveries d
                              WHERE d.source = 'reply:' || p.participant_id || '/' || p.channel || '/' || p.request_id)
            ORDER BY p.at LIMIT \(limit)
            """).map { try $0.processedRequest() }
    }

    func reminders(of pairID: String?) throws -> [ScheduledReminder] {
        try connection.rows("""
            SELECT id, pair_id, rule, anchor, due_at, status, sent_at FROM reminders
            WHERE (\(pairID)::text IS NULL OR pair_id = \(pairID)) ORDER BY due_at, id
            """).compactMap { row in
            let (id, pair, rule, anchor, dueAt, status, sentAt) = try row.decode((Int64, String, String, Date, Date, String, Date?).self)
            guard let status = ScheduledReminder.Status(rawValue: status) else { return nil }
            return ScheduledReminder(id: id, pairID: pair, rule: rule, anchor: anchor, dueAt: dueAt, status: status, sentAt: sentAt)
        }
    }

    func enqueue(_ deliveries: [NewDelivery]) throws {
        for delivery in deliveries {
            try connection.execute(RowEncoder.encode(DeliveryRecord(delivery), skipping: ["id"])
                .insert(into: DeliveryRecord.databaseTableName, onConflict: []))
        }
    }

    func setOutboxCursor(_ id: Int64) throws {
        try setOutboxCursor(id, named: "events")
    }

    func setOutboxCursor(_ id: Int64, named name: String) throws {
        try connection.execute("""
            INSERT INTO outbox_cursor (name, last_event_id) VALUES (\(name), \(id))
            ON CONFLICT (name) DO UPDATE SET last_event_id = EXCLUDED.last_event_id
            """)
    }

    func claimDeliveries(now: Date, leaseUntil: Date, limit: Int, targets: [String]) throws -> [Delivery] {
        guard !targets.isEmpty else { return [] }
        // Only the oldest pending delivery of an ordering key may go, so that two replies to one
        // participant never overtake each other; rows another process is claiming are skipped.
        return try all(DeliveryRecord.self, """
            UPDATE deliveries SET lease_until = \(leaseUntil), attempts = attempts + 1
            WHERE id IN (
                SELECT d.id FROM deliveries d
                WHERE d.status = 'pending' AND d.next_attempt_at <= \(now) AND (d.lease_until IS NULL OR d.lease_until <= \(now))
                  AND d.target = ANY(\(targets))
                  AND (d.ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM deliveries o WHERE o.ordering_key = d.ordering_key AND o.status = 'pending' AND o.id < d.id))
                ORDER BY d.next_attempt_at, d.id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).map { try $0.delivery() }.sorted { $0.id < $1.id }
    }

    func markDelivered(_ id: Int64, httpStatus: Int?, at time: Date) throws {
        try connection.execute("""
            UPDATE deliveries SET status = 'delivered', delivered_at = \(time), lease_until = NULL, last_status = \(httpStatus), last_error = NULL
            WHERE id = \(id)
            """)
    }

    func scheduleRetry(_ id: Int64, at time: Date, error: String, httpStatus: Int?) throws {
        try connection.execute("""
            UPDATE deliveries SET next_attempt_at = \(time), lease_until = NULL, last_error = \(error), last_status = \(httpStatus)
            WHERE id = \(id) AND status = 'pending'
            """)
    }

    func markDead(_ id: Int64, error: String, httpStatus: Int?) throws {
        try connection.execute("""
            UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = \(error), last_status = \(httpStatus)
            WHERE id = \(id) AND status = 'pending'
            """)
    }

    func markSkipped(_ id: Int64, reason: String) throws {
        try connection.execute("""
            UPDATE deliveries SET status = 'skipped', lease_until = NULL, last_error = \(reason) WHERE id = \(id) AND status = 'pending'
            """)
    }

    func requeue(_ id: Int64, at time: Date) throws -> Bool {
        try connection.execute("""
            UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = \(time), lease_until = NULL
            WHERE id = \(id) AND status = 'dead'
            """) > 0
    }

    func markReplyDelivered(channel: String, requestID: String, participant: ParticipantID, at time: Date) throws {
        try connection.execute("""
            UPDATE processed_requests SET delivered_at = \(time)
            WHERE participant_id = \(participant.description) AND channel = \(channel) AND request_id = \(requestID)
            """)
    }

    func scheduleReminder(pairID: String, rule: String, anchor: Date, dueAt: Date) throws {
        try connection.execute("""
            INSERT INTO reminders (pair_id, rule, anchor, due_at, status) VALUES (\(pairID), \(rule), \(anchor), \(dueAt), 'scheduled')
            ON CONFLICT DO NOTHING
            """)
    }

    func cancelReminder(_ id: Int64) throws {
        try connection.execute("UPDATE reminders SET status = 'cancelled' WHERE id = \(id) AND status = 'scheduled'")
    }

    func fireReminder(_ id: Int64, event: ProgrammeEvent, at time: Date) throws {
        let eventID = try insertEvent(event)
        try connection.execute("""
            UPDATE reminders SET status = 'sent', sent_at = \(time), event_id = \(eventID) WHERE id = \(id) AND status = 'scheduled'
            """)
    }
}
