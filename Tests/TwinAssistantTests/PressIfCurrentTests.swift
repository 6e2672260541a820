import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// `Assistant.pressIfCurrent`, the click without a read before its write: taken only at the
/// question this process cached, and only while the caller's check holds inside the write.
@Suite("A click taken from the cached conversation")
struct PressIfCurrentTests {
    static let anna = AssistantFixture.id("web:anna")

    @Test("taken at the cached question while the check holds; otherwise nothing is stored and the caller is told")
    func takenOnlyWhenCurrent() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        let opened = try await assistant.open(participant: anna)
        let consent = try #require(opened.prompt)
        // Consent is a domain action (the full path), after which the cache lacks the facts.
        let consentTurn = try #require(opened.turn)
        _ = try await assistant.press(participant: anna, slot: consent.slot, turn: consentTurn, answer: "ja")
        let named = try await assistant.handle(participant: anna, text: "Anna de Vries")
        let asked = try #require(assistant.cachedQuestion(participant: anna), "a plain answer leaves the conversation cached")
        let prompt = try #require(asked.prompt)
        let turn = try #require(asked.turn)
        #expect(turn == named.turn)
        #expect(prompt.slot == named.prompt?.slot)
        let answer = prompt.options?.first?.value ?? "docent"
        let turns = try await fixture.repository.read { try $0.sessionTurns(anna) }

        // Another question or another turn than the cached one: nothing stored.
        let otherSlot = try await assistant.pressIfCurrent(participant: anna, slot: "profile.name", turn: turn,
                                                           fingerprint: nil, answer: "Bram", requestID: nil, admitted: { _ in true })
        #expect(otherSlot == nil)
        let otherTurn = try await assistant.pressIfCurrent(participant: anna, slot: prompt.slot, turn: turn - 1,
                                                           fingerprint: prompt.fingerprint, answer: answer, requestID: nil, admitted: { _ in true })
        #expect(otherTurn == nil)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == turns)

        // Current, and the check holds: taken once; the same request again is the stored reply.
        let request = ChannelRequestID(channel: "web", value: "key.\(turn)")
        let outcome = try await assistant.pressIfCurrent(
            participant: anna, slot: prompt.slot, turn: turn, fingerprint: prompt.fingerprint, answer: answer,
            requestID: request, admitted: { reader in try reader.participant(anna) != nil })
        guard case .answered(let reply, let question)? = outcome else {
            Issue.record("the click at the cached question is taken: \(String(describing: outcome)) for \(prompt)")
            return
        }
        #expect(question == prompt.text)
        #expect(reply.prompt?.slot != prompt.slot)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == turns.map { $0 + 1 })
        let stale = try await assistant.pressIfCurrent(participant: anna, slot: prompt.slot, turn: turn,
                                                       fingerprint: prompt.fingerprint, answer: answer, requestID: request, admitted: { _ in true })
        #expect(stale == nil, "the cache moved on: the careful way answers the repeat")
        guard case .repeated(let again) = try await assistant.press(participant: anna, slot: prompt.slot, turn: turn,
                                                                    fingerprint: prompt.fingerprint, answer: answer, requestID: request) else {
            Issue.record("the repeat is recognised")
            return
        }
        #expect(again == reply)

        // The check says no (the session ended elsewhere): nothing stored, and the cached
        // conversation is dropped — the next turn reads the store.
        let next = try #require(assistant.cachedQuestion(participant: anna))
        let nextPrompt = try #require(next.prompt)
        let stored = try await fixture.repository.read { try $0.sessionTurns(anna) }
        let refused = try await assistant.pressIfCurrent(participant: anna, slot: nextPrompt.slot, turn: try #require(next.turn),
                                                         fingerprint: nextPrompt.fingerprint, answer: nextPrompt.options?.first?.value ?? "Erasmus College",
                                                         requestID: nil, admitted: { _ in false })
        #expect(refused == nil)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == stored)
        #expect(assistant.cachedQuestion(participant: anna) == nil)
    }

    @Test("a conversation changed by another process is not taken from this one's cache")
    func changedElsewhere() async throws {
        let fixture = try AssistantFixture()
        let anna = Self.anna
        let opened = try await fixture.assistant.open(participant: anna)
        let consentTurn = try #require(opened.turn)
        _ = try await fixture.assistant.press(participant: anna, slot: try #require(opened.prompt?.slot), turn: consentTurn, answer: "ja")
        _ = try await fixture.assistant.handle(participant: anna, text: "Anna de Vries")
        let asked = try #require(fixture.assistant.cachedQuestion(participant: anna))
        let prompt = try #require(asked.prompt)
        let turn = try #require(asked.turn)
        // A second assistant over the same store (another `serve`) answers first.
        let other = try fixture.reopened()
        _ = try await other.handle(participant: anna, text: prompt.options?.first?.value ?? "docent")
        let turns = try await fixture.repository.read { try $0.sessionTurns(anna) }
        let taken = try await fixture.assistant.pressIfCurrent(participant: anna, slot: prompt.slot, turn: turn,
                                                               fingerprint: prompt.fingerprint, answer: prompt.options?.first?.value ?? "docent",
                                                               requestID: nil, admitted: { _ in true })
        #expect(taken == nil)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == turns)
    }
}
