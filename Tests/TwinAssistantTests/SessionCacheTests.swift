import TwinLanguage
import DialogEngine
import Testing
import Twinning
@testable import TwinAssistant

/// The session cache keeps the conversations in use, whatever the order in which they arrive.
@Suite struct SessionCacheTests {
    private func id(_ n: Int) throws -> ParticipantID {
        try #require(ParticipantID("api:p\(n)"))
    }

    @Test func returnsWhatWasStoredOnlyForTheSameTurnCounter() throws {
        let cache = SessionCache(capacity: 10)
        cache.store(SessionState(language: .en), for: try id(1), turns: 3)
        #expect(cache.state(try id(1), turns: 3)?.language == .en)
        #expect(cache.state(try id(1), turns: 4) == nil)
        #expect(cache.entry(try id(1))?.turns == 3)
        cache.forget(try id(1))
        #expect(cache.entry(try id(1)) == nil)
    }

    @Test func neverHoldsMoreThanItsCapacity() throws {
        let cache = SessionCache(capacity: 100)
        for n in 0..<1_000 { cache.store(SessionState(), for: try id(n), turns: 1) }
        #expect(cache.count <= 100)
        #expect(cache.entry(try id(999)) != nil, "the newest conversation is kept")
        #expect(cache.entry(try id(0)) == nil, "the oldest unused one is gone")
    }

    @Test func keepsConversationsInUseWhileManyOthersPassThrough() throws {
        // A steady load over 40 participants, with a stream of 4,000 one-off conversations
        // between their turns (10 between two turns of the same participant): the 40 stay
        // cached in a cache of 100, whose young half takes 50.
        let cache = SessionCache(capacity: 100)
        let hot = try (0..<40).map { try id($0) }
        for participant in hot { cache.store(SessionState(), for: participant, turns: 1) }
        var passing = 1_000
        for round in 0..<400 {
            for participant in hot {
                let entry = try #require(cache.entry(participant), "round \(round): \(participant) was dropped")
                cache.store(entry.state, for: participant, turns: entry.turns + 1)
            }
            for _ in 0..<10 {
                cache.store(SessionState(), for: try id(passing), turns: 1)
                passing += 1
            }
        }
        #expect(cache.count <= 100)
    }

    @Test func aCacheOfNothingKeepsNothing() throws {
        let cache = SessionCache(capacity: 0)
        cache.store(SessionState(), for: try id(1), turns: 1)
        #expect(cache.entry(try id(1)) == nil)
    }
}
