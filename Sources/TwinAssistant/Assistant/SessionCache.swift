import DialogEngine
import Synchronization
import Twinning

/// Recently used conversation states, decoded, so that a turn does not decode its participant's
/// state from JSON again. An entry is only used while the stored turn counter still matches it,
/// so a change made elsewhere (another process, a coordinator's tool) is never missed.
final class SessionCache: Sendable {
    private struct Entry {
        var turns: Int
        var state: SessionState
    }

    private let entries = Mutex<[ParticipantID: Entry]>([:])
    private let capacity: Int

    /// Creates a cache holding at most `capacity` conversations.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The cached state of `id`, when it is the one stored after `turns` turns.
    func state(_ id: ParticipantID, turns: Int) -> SessionState? {
        entries.withLock { table in
            guard let entry = table[id], entry.turns == turns else { return nil }
            return entry.state
        }
    }

    /// Remembers the state stored after `turns` turns.
    func store(_ state: SessionState, for id: ParticipantID, turns: Int) {
        guard capacity > 0 else { return }
        entries.withLock { table in
            if table[id] == nil, table.count >= capacity, let victim = table.keys.first {
                // Any entry will do: a miss only costs one decode.
                table[victim] = nil
            }
            table[id] = Entry(turns: turns, state: state)
        }
    }

    /// Forgets `id` (after a failed or foreign change).
    func forget(_ id: ParticipantID) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }
}
