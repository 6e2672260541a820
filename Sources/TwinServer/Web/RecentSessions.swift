import Synchronization
import Twinning
import TwinLanguage
import TwinStore

/// Browser sessions this process checked against the database a moment ago, with what the
/// check read and what is derived from the session id, so that an answer posted from the
/// page needs no read before its turn.
///
/// An entry only says whom a session belonged to at `checkedAt`; it never lets anything
/// through on its own. A post that uses it goes to `Assistant.pressIfCurrent`, which checks
/// the session again inside the turn's write transaction; everything else (a page view, a
/// command, a typed message, a post the turn did not take) checks the session in the database
/// as before. An entry is kept for `lifetime`, after which the next post reads the session
/// (and notes its use, as a page view does); at most `capacity` are kept.
final class RecentSessions: Sendable {
    /// What a check of a session found.
    struct Entry: Sendable {
        let participant: ParticipantID
        let language: Language
        let isCoordinator: Bool
        /// The session's CSRF token (`WebSessionKeys.csrfToken`).
        let csrf: String
        /// The session's part of request ids (`WebSessionKeys.requestKey`).
        let requestKey: String
        /// The check a turn runs inside its write (`Invitations.isActive(session:)`), made once.
        let isActive: @Sendable (any TwinReader) throws -> Bool
        let checkedAt: ContinuousClock.Instant
    }

    private let entries = Mutex([String: Entry]())
    private let capacity: Int
    private let lifetime: Duration
    private let clock = ContinuousClock()

    /// Keeps at most `capacity` sessions, each for `lifetime` after it was checked.
    init(capacity: Int = 10_000, lifetime: Duration = .seconds(60)) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    /// The entry of `sessionID` when it was checked less than `lifetime` ago.
    func entry(_ sessionID: String) -> Entry? {
        let now = clock.now
        return entries.withLock { entries in
            guard let entry = entries[sessionID] else { return nil }
            guard now - entry.checkedAt < lifetime else {
                entries[sessionID] = nil
                return nil
            }
            return entry
        }
    }

    /// Notes that `sessionID` was just found active for `participant`; returns the entry kept.
    @discardableResult
    func checked(_ sessionID: String, participant: ParticipantID, language: Language, isCoordinator: Bool,
                 isActive: @escaping @Sendable (any TwinReader) throws -> Bool) -> Entry {
        let entry = Entry(participant: participant, language: language, isCoordinator: isCoordinator,
                          csrf: WebSessionKeys.csrfToken(for: sessionID), requestKey: WebSessionKeys.requestKey(for: sessionID),
                          isActive: isActive, checkedAt: clock.now)
        let lifetime = self.lifetime, capacity = self.capacity
        entries.withLock { entries in
            if entries[sessionID] == nil, entries.count >= capacity {
                // Full: the expired go first; if all are recent, all go (the next posts read their sessions again).
                let now = entry.checkedAt
                entries = entries.filter { now - $0.value.checkedAt < lifetime }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[sessionID] = entry
        }
        return entry
    }

    /// Forgets `sessionID` (signed out, or found ended).
    func forget(_ sessionID: String) {
        _ = entries.withLock { $0.removeValue(forKey: sessionID) }
    }
}
