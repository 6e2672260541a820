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
///
/// Eviction keeps the recently used conversations: entries live in two generations of at most
/// half the capacity each. New and used entries go to the young generation; when it is full
/// it becomes the old one and the previous old generation is dropped. A conversation used at
/// least once per half-capacity of other conversations therefore never leaves the cache —
/// unlike evicting an arbitrary entry, which under a steady load keeps dropping the entries
/// that are in use and keeps the ones that are not.
final class SessionCache: Sendable {
    /// A participant's conversation after `turns` turns.
    struct Entry {
        var turns: Int
        var state: SessionState
        /// The host facts of the last turn; `nil` after a turn whose actions may have changed them.
        var facts: ParticipantFacts?
        /// The question `state` waits at, as the turn that left it computed it with `facts` on
        /// `day` — so that an answer to it (a button, a form) need not work it out again.
        var pending: (prompt: Prompt, day: LocalDate)?
    }

    private struct Generations {
        var young: [ParticipantID: Entry] = [:]
        var old: [ParticipantID: Entry] = [:]

        /// The entry of `id`, moved to the young generation when it was old, and the
        /// generation that move pushed out.
        mutating func use(_ id: ParticipantID, half: Int) -> (Entry?, dropped: [ParticipantID: Entry]) {
            if let entry = young[id] { return (entry, [:]) }
            guard let entry = old.removeValue(forKey: id) else { return (nil, [:]) }
            return (entry, insert(entry, for: id, half: half))
        }

        /// Stores `entry` as young; returns the generation it pushed out, for the caller to
        /// release outside the lock (freeing thousands of states is not free).
        @discardableResult
        mutating func insert(_ entry: Entry, for id: ParticipantID, half: Int) -> [ParticipantID: Entry] {
            var dropped: [ParticipantID: Entry] = [:]
            if young[id] == nil, young.count >= half {
                dropped = old
                old = young
                young = Dictionary(minimumCapacity: half)
            }
            young[id] = entry
            old[id] = nil
            return dropped
        }
    }

    private let generations = Mutex(Generations())
    private let half: Int

    /// Creates a cache holding at most `capacity` conversations.
    init(capacity: Int) {
        self.half = max(0, capacity) / 2
    }

    /// The cached state of `id`, when it is the one stored after `turns` turns.
    func state(_ id: ParticipantID, turns: Int) -> SessionState? {
        guard let entry = entry(id), entry.turns == turns else { return nil }
        return entry.state
    }

    /// The cached conversation of `id`, whatever its turn counter.
    func entry(_ id: ParticipantID) -> Entry? {
        let half = self.half
        let (entry, dropped) = generations.withLock { $0.use(id, half: half) }
        withExtendedLifetime(dropped) {}
        return entry
    }

    /// Remembers the state stored after `turns` turns, and the facts it was computed with when
    /// they are known to be current.
    /// `pending` is the question the turn asked, with the day it was computed on; only with
    /// `facts`, which it was computed with.
    func store(_ state: SessionState, facts: ParticipantFacts? = nil, pending: (prompt: Prompt, day: LocalDate)? = nil,
               for id: ParticipantID, turns: Int) {
        let half = self.half
        guard half > 0 else { return }
        let entry = Entry(turns: turns, state: state, facts: facts, pending: facts == nil ? nil : pending)
        let dropped = generations.withLock { $0.insert(entry, for: id, half: half) }
        withExtendedLifetime(dropped) {}
    }

    /// Remembers what a read found — the state stored after `turns` turns and the facts read
    /// with it — unless the cache holds a later turn already (a turn taken meanwhile, under the
    /// participant's lock, which a read does not hold) or the same turn with its facts.
    func fill(_ state: SessionState, facts: ParticipantFacts, for id: ParticipantID, turns: Int) {
        let half = self.half
        guard half > 0 else { return }
        let dropped = generations.withLock { table -> [ParticipantID: Entry] in
            if let known = table.young[id] ?? table.old[id], known.turns > turns || (known.turns == turns && known.facts != nil) { return [:] }
            return table.insert(Entry(turns: turns, state: state, facts: facts, pending: nil), for: id, half: half)
        }
        withExtendedLifetime(dropped) {}
    }

    /// Forgets `id` (after a failed or foreign change).
    func forget(_ id: ParticipantID) {
        generations.withLock { table in
            table.young[id] = nil
            table.old[id] = nil
        }
    }

    /// How many conversations the cache holds now.
    var count: Int {
        generations.withLock { $0.young.count + $0.old.count }
    }
}
