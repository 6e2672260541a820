import DialogEngine
import Synchronization
import Twinning

/// Recently used conversation states, decoded, with the host facts their last turn saw, so that
/// a turn needs neither a read of the database nor a decode of JSON before it is computed.
///
/// An entry is a guess, never trusted blindly: the group commit checks, inside the write
/// transaction, that the stored turn counter and the participant's facts are still the ones the
/// entry holds, so a change made elsewhere (another process, a partner's action, a
/// coordinator's tool) sends the turn to the full path instead.
final class SessionCache: Sendable {
    /// A participant's conversation after `turns` turns.
    struct Entry {
        var turns: Int
        var state: SessionState
        /// The host facts of the last turn; `nil` after a turn whose actions may have changed them.
        var facts: ParticipantFacts?
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

    /// The cached conversation of `id`, whatever its turn counter.
    func entry(_ id: ParticipantID) -> Entry? {
        entries.withLock { $0[id] }
    }

    /// Remembers the state stored after `turns` turns, and the facts it was computed with when
    /// they are known to be current.
    func store(_ state: SessionState, facts: ParticipantFacts? = nil, for id: ParticipantID, turns: Int) {
        guard capacity > 0 else { return }
        entries.withLock { table in
            if table[id] == nil, table.count >= capacity, let victim = table.keys.first {
                // Any entry will do: a miss only costs one decode.
                table[victim] = nil
            }
            table[id] = Entry(turns: turns, state: state, facts: facts)
        }
    }

    /// Forgets `id` (after a failed or foreign change).
    func forget(_ id: ParticipantID) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }
}
