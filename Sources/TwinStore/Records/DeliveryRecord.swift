package import Foundation
import GRDB

/// A row of `deliveries`.
package struct DeliveryRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "deliveries"

    package var id: Int64?
    package var source: String
    package var event_id: Int64?
    package var target: String
    package var kind: String
    package var idempotency_key: String
    package var payload: Data
    package var ordering_key: String?
    package var status: String
    package var attempts: Int
    package var next_attempt_at: Date
    package var lease_until: Date?
    package var last_error: String?
    package var last_status: Int?
    package var created_at: Date
    package var delivered_at: Date?

    package init(_ new: NewDelivery) {
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

    package func delivery() throws -> Delivery {
        guard let id, let status = Delivery.Status(rawValue: status) else {
            throw StoreError.corruptRow(table: "deliveries", key: "\(id ?? 0)", reason: "unknown status \(status)")
        }
        return Delivery(id: id, source: source, eventID: event_id, target: target, kind: kind, idempotencyKey: idempotency_key,
                        payload: payload, orderingKey: ordering_key, status: status, attempts: attempts,
                        nextAttemptAt: next_attempt_at, leaseUntil: lease_until, lastError: last_error, lastStatus: last_status,
                        createdAt: created_at, deliveredAt: delivered_at)
    }
}
