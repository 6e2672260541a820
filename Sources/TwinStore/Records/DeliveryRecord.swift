import Foundation
import GRDB

/// A row of `deliveries`.
struct DeliveryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "deliveries"

    var id: Int64?
    var source: String
    var event_id: Int64?
    var target: String
    var kind: String
    var idempotency_key: String
    var payload: Data
    var ordering_key: String?
    var status: String
    var attempts: Int
    var next_attempt_at: Date
    var lease_until: Date?
    var last_error: String?
    var last_status: Int?
    var created_at: Date
    var delivered_at: Date?

    init(_ new: NewDelivery) {
        id = nil
        source = new.source
        event_id = new.eventID
        target = new.target
        kind = new.kind
        idempotency_key = new.idempotencyKey
        payload = new.payload
        ordering_key = new.orderingKey
        status = Delivery.Status.pending.rawValue
        attempts = 0
        next_attempt_at = max(new.createdAt, new.notBefore ?? new.createdAt)
        lease_until = nil
        last_error = nil
        last_status = nil
        created_at = new.createdAt
        delivered_at = nil
    }

    func delivery() throws -> Delivery {
        guard let id, let status = Delivery.Status(rawValue: status) else {
            throw StoreError.corruptRow(table: "deliveries", key: "\(id ?? 0)", reason: "unknown status \(status)")
        }
        return Delivery(id: id, source: source, eventID: event_id, target: target, kind: kind, idempotencyKey: idempotency_key,
                        payload: payload, orderingKey: ordering_key, status: status, attempts: attempts,
                        nextAttemptAt: next_attempt_at, leaseUntil: lease_until, lastError: last_error, lastStatus: last_status,
                        createdAt: created_at, deliveredAt: delivered_at)
    }
}
