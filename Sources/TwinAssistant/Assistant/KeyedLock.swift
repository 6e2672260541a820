import Synchronization
import Twinning

/// An asynchronous lock per participant: their turns run one after another, in arrival order,
/// while other participants' turns run in parallel. Waiting suspends the task; it never blocks
/// a thread.
final class KeyedLock: Sendable {
    private let waiters = Mutex<[ParticipantID: [CheckedContinuation<Void, Never>]]>([:])

    /// Runs `body` while holding the lock of `key`.
    func withLock<T: Sendable, E: Error>(_ key: ParticipantID, _ body: () async throws(E) -> T) async throws(E) -> T {
        await lock(key)
        defer { unlock(key) }
        return try await body()
    }

    private func lock(_ key: ParticipantID) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            // A key present in the table is held; its array holds the tasks waiting for it.
            let acquired = waiters.withLock { table -> Bool in
                if table[key] == nil {
                    table[key] = []
                    return true
                }
                table[key, default: []].append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    private func unlock(_ key: ParticipantID) {
        let next = waiters.withLock { table -> CheckedContinuation<Void, Never>? in
            guard var queue = table[key] else { return nil }
            if queue.isEmpty {
                table[key] = nil
                return nil
            }
            let first = queue.removeFirst()
            table[key] = queue
            return first
        }
        next?.resume()
    }
}
