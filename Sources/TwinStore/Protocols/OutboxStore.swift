public import Foundation
public import Twinning

/// Read access to the notification outbox: the events in order, the deliveries, the replies
/// waiting to be posted and the reminder schedule.
public protocol OutboxReader {
    /// The events recorded after `id`, oldest first, at most `limit`.
    func events(after id: Int64, limit: Int) throws -> [StoredEvent]
    /// The id of the last event the worker fanned out to the notification targets.
    func outboxCursor() throws -> Int64
    /// The id of the last event a fan-out named `name` went through (`direct_messages`: the
    /// participants' direct messages); 0 when it never ran.
    func outboxCursor(named name: String) throws -> Int64
    /// Deliveries, newest first: all, or those with `status`.
    func deliveries(status: Delivery.Status?, limit: Int) throws -> [Delivery]
    /// One delivery.
    func delivery(_ id: Int64) throws -> Delivery?
    /// The delivery of `source` to `target`, if there is one.
    func delivery(source: String, target: String) throws -> Delivery?
    /// How many deliveries there are per status.
    func deliveryCounts() throws -> [Delivery.Status: Int]
    /// Replies taken on `channel` that wait to be posted and have no delivery yet, oldest first.
    func unqueuedReplies(channel: String, limit: Int) throws -> [ProcessedRequest]
    /// The scheduled reminders of a pair, or of all pairs, oldest first.
    func reminders(of pairID: String?) throws -> [ScheduledReminder]
}

/// Write access to the notification outbox, inside a transaction.
public protocol OutboxWriter {
    /// Adds deliveries; one that exists already (same source and target) is left as it is.
    func enqueue(_ deliveries: [NewDelivery]) throws
    /// Remembers that the events up to `id` were fanned out.
    func setOutboxCursor(_ id: Int64) throws
    /// Remembers that the fan-out named `name` went through the events up to `id`.
    func setOutboxCursor(_ id: Int64, named name: String) throws
    /// Takes up to `limit` pending deliveries to `targets` that are due at `now` and not held
    /// by another worker: holds them until `leaseUntil`, counts an attempt, and returns them
    /// oldest first. Of deliveries with the same ordering key only the oldest pending one is
    /// taken. Deliveries to other targets (no longer configured) are left as they are.
    func claimDeliveries(now: Date, leaseUntil: Date, limit: Int, targets: [String]) throws -> [Delivery]
    /// Empties a delivery's payload: an invitation mail holds a personal link, which the outbox
    /// keeps no longer than it must.
    func forgetPayload(_ id: Int64) throws
    /// Deletes the invitation mails not delivered (pending or dead) whose link no longer opens —
    /// expired at `now`, revoked, or gone — of `participant`, or of everyone when `nil`; returns
    /// how many.
    func dropInvitationMails(now: Date, of participant: ParticipantID?) throws -> Int
    /// Marks a delivery as accepted by its receiver.
    func markDelivered(_ id: Int64, httpStatus: Int?, at time: Date) throws
    /// Gives a delivery another attempt at `time`, noting why this one failed.
    func scheduleRetry(_ id: Int64, at time: Date, error: String, httpStatus: Int?) throws
    /// Moves a pending delivery to dead-letter with the reason (one that another worker
    /// delivered meanwhile stays delivered).
    func markDead(_ id: Int64, error: String, httpStatus: Int?) throws
    /// Revives a dead delivery: pending again at `time`, with its attempts reset and the same
    /// key; returns whether there was such a dead delivery.
    func requeue(_ id: Int64, at time: Date) throws -> Bool
    /// Marks a pending delivery as not sent on purpose, with the reason.
    func markSkipped(_ id: Int64, reason: String) throws
    /// Records that the reply to a request was posted.
    func markReplyDelivered(channel: String, requestID: String, participant: ParticipantID, at time: Date) throws
    /// Adds an occurrence to the schedule unless it is there already (same pair, rule, anchor).
    func scheduleReminder(pairID: String, rule: String, anchor: Date, dueAt: Date) throws
    /// Cancels an occurrence that is no longer needed.
    func cancelReminder(_ id: Int64) throws
    /// Records `event` for a due occurrence and marks it sent, in this transaction.
    func fireReminder(_ id: Int64, event: ProgrammeEvent, at time: Date) throws
}
