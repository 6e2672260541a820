import Foundation
import Synchronization
import TwinReply

/// The reply of a post to `/chat`, kept in memory for the page the redirect leads to: the
/// post answers `303 See Other` (so that a reload never repeats an answer), and the `GET /chat`
/// that follows shows this reply — its acknowledgement, help text or reason — once, instead of
/// only the question again (`Assistant.open`).
///
/// Kept by the session's request key, for at most a minute and taken when read; at most
/// `capacity` replies at once (the oldest go first). Nothing is written to disk: after a restart
/// the page shows the pending question.
final class ChatFlash: Sendable {
    private struct Entry: Sendable {
        let reply: Reply
        let at: ContinuousClock.Instant
    }

    /// The most replies kept at once.
    let capacity: Int
    /// How long a reply waits for its page.
    let lifetime: Duration
    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty store.
    init(capacity: Int = 1000, lifetime: Duration = .seconds(60)) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// Keeps `reply` for the session with request key `key`.
    func keep(_ reply: Reply, for key: String) {
        let now = ContinuousClock.now
        entries.withLock { entries in
            // Swept only when full, so that a post costs the same with many replies waiting.
            if entries.count >= capacity, entries[key] == nil {
                entries = entries.filter { now - $0.value.at < lifetime }
                while entries.count >= capacity, let oldest = entries.min(by: { $0.value.at < $1.value.at })?.key {
                    entries[oldest] = nil
                }
            }
            entries[key] = Entry(reply: reply, at: now)
        }
    }

    /// The reply kept for `key`, removed; `nil` when there is none or it waited too long.
    func take(for key: String) -> Reply? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries.removeValue(forKey: key), now - entry.at < lifetime else { return nil }
            return entry.reply
        }
    }
}
