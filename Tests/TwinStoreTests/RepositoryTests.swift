import Foundation
import JobTwinTestSupport
import Testing
import Twinning
import TwinLanguage
import TwinStore

/// What every store does alike — round trips, reopening, rollback — on SQLite and PostgreSQL.
@Suite("Repository")
struct RepositoryTests {
    let store: TestStore

    init() throws {
        store = try TestStore()
    }

    private func id(_ text: String) throws -> ParticipantID { try #require(ParticipantID(text)) }

    @Test("participants, sessions, answers and profiles round-trip and survive reopening", .onBothStores)
    func roundTrip() async throws {
        let repository = store.repository
        let anna = try id("slack:T1:U1")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let profile = Profile(name: "Anna", side: .teacher, organization: "School", role: "docent", field: "mathematics",
                              educationTypes: ["vmbo"], companyTypes: ["ict"], motivations: ["other_world"],
                              criteria: [.subject, .personal], subjectPreference: .different, region: "Delft",
                              openMatchingConsent: Consent(givenAt: now, textVersion: "v1"), updatedAt: now)
        try await repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, createdAt: now))
            try tx.saveSession(StoredSession(participant: anna, state: Data("{}".utf8), turns: 3, updatedAt: now))
            try tx.saveAnswers(["profile.name": "{\"text\":\"Anna\"}", "profile.side": "{\"text\":\"teacher\"}"], for: anna, at: now)
            try tx.save(profile, for: anna)
        }
        let reopened = try store.reopened()
        let (participant, session, answers, stored) = try await reopened.read { reader in
            (try reader.participant(anna), try reader.session(anna), try reader.answers(anna), try reader.profile(anna))
        }
        #expect(participant?.phase == .matching)
        #expect(session?.turns == 3)
        #expect(answers.map(\.slot) == ["profile.name", "profile.side"])
        #expect(stored == profile)

        try await reopened.transaction { tx in
            try tx.saveAnswers(["profile.side": nil, "profile.name": "{\"text\":\"Anna B\"}"], for: anna, at: now)
        }
        let after = try await reopened.read { try $0.answers(anna) }
        #expect(after.map(\.slot) == ["profile.name"])
        #expect(after.first?.value.contains("Anna B") == true)
    }

    @Test("a transaction that throws keeps nothing", .onBothStores)
    func rollback() async throws {
        let repository = store.repository
        let bob = try id("api:bob")
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await repository.transaction { tx in
                try tx.save(Participant(id: bob, language: .en, createdAt: Date()))
                throw Abort()
            }
        }
        #expect(try await repository.read { try $0.participant(bob) } == nil)
    }
}
