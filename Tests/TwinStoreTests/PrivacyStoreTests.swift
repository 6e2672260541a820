import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinStore

/// Consent decisions and kept conversation texts in SQLite.
@Suite("Consents and conversation texts in the store")
struct PrivacyStoreTests {
    let store: TestStore

    init() throws {
        store = try TestStore()
    }

    @Test("decisions are an append-only history; the latest one counts", .onBothStores)
    func consentHistory() async throws {
        let repository = store.repository
        let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await repository.read { try $0.hasConsent(.processing, of: anna) } == false, "never asked: no consent")
        try await repository.transaction { tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, createdAt: t0)) }
            try tx.record(ConsentDecision(purpose: .processing, textVersion: "v1", given: true, recordedAt: t0), for: anna)
            try tx.record(ConsentDecision(purpose: .processing, textVersion: "v1", given: false, recordedAt: t0.addingTimeInterval(60)), for: anna)
            try tx.record(ConsentDecision(purpose: .processing, textVersion: "v2", given: true, recordedAt: t0), for: bram)
        }
        let (history, annaNow, bramNow) = try await repository.read { reader in
            (try reader.consentDecisions(of: anna), try reader.hasConsent(.processing, of: anna), try reader.hasConsent(.processing, of: bram))
        }
        #expect(history.map(\.given) == [true, false])
        #expect(history.map(\.recordedAt) == [t0, t0.addingTimeInterval(60)])
        #expect(history.first?.consent == Consent(givenAt: t0, textVersion: "v1"))
        #expect(history.last?.consent == nil)
        #expect(annaNow == false, "a withdrawal is a new row and counts")
        #expect(bramNow == true)
    }

    @Test("conversation texts keep their order and direction, and go with the participant", .onBothStores)
    func texts() async throws {
        let repository = store.repository
        let anna = ParticipantID("api:anna")!
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try await repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, createdAt: now))
            try tx.save([ConversationText(at: now, direction: .incoming, text: "hallo"),
                         ConversationText(at: now, direction: .outgoing, text: "Welkom!\nHoe heet je?")], for: anna)
        }
        let texts = try await repository.read { try $0.conversationTexts(of: anna) }
        #expect(texts.map(\.direction) == [.incoming, .outgoing])
        #expect(texts.last?.text == "Welkom!\nHoe heet je?")
        #expect(try await repository.erasePersonalData(of: anna, at: now) != nil)
        #expect(try await repository.read { try $0.conversationTexts(of: anna) }.isEmpty)
    }
}
