import Foundation
import TwinStore

/// How `jobtwin outbox list` and `dead` print deliveries: a table, or JSON.
enum OutboxListing {
    /// One delivery as JSON.
    struct Item: Encodable {
        var id: Int64
        var target: String
        var kind: String
        var status: String
        var attempts: Int
        var idempotency_key: String
        var created_at: String
        var next_attempt_at: String?
        var delivered_at: String?
        var last_status: Int?
        var last_error: String?
    }

    static func json(_ deliveries: [Delivery]) throws -> String {
        let format = ISO8601DateFormatter()
        let items = deliveries.map { d in
            Item(id: d.id, target: d.target, kind: d.kind, status: d.status.rawValue, attempts: d.attempts,
                 idempotency_key: d.idempotencyKey, created_at: format.string(from: d.createdAt),
                 next_attempt_at: d.status == .pending ? format.string(from: d.nextAttemptAt) : nil,
                 delivered_at: d.deliveredAt.map(format.string), last_status: d.lastStatus, last_error: d.lastError)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }

    static func counts(_ counts: [Delivery.Status: Int]) -> String {
        "Outbox: " + Delivery.Status.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// One line per delivery; the error on a line of its own, indented.
    static func table(_ deliveries: [Delivery], now: Date) -> String {
        let format = ISO8601DateFormatter()
        var lines: [String] = []
        for d in deliveries {
            let when: String
            switch d.status {
            case .pending:
                if let lease = d.leaseUntil, lease > now {
                    when = "being sent"
                } else {
                    when = d.nextAttemptAt <= now ? "due now" : "next at \(format.string(from: d.nextAttemptAt))"
                }
            case .delivered: when = "at \(d.deliveredAt.map(format.string) ?? "?")"
            case .dead: when = "gave up"
            case .skipped: when = "not sent on purpose"
            }
            let status = d.lastStatus.map { " (HTTP \($0))" } ?? ""
            lines.append("#\(d.id)  \(d.status.rawValue)  \(d.target)  \(d.kind)  attempts: \(d.attempts)  \(when)\(status)")
            if let error = d.lastError, d.status != .delivered { lines.append("    \(error)") }
        }
        return lines.joined(separator: "\n")
    }
}
