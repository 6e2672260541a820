import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinLanguage
import TwinReply
import TwinStore

/// `Assistant.pressIfCurrent`, the click without a read before its write: taken only at the
/// question this process cached, and only while the caller's check holds inside the write.
@Suite("A click taken from the cached conversation", .onBothStores)
struct PressIfCurrentTests {
    static let anna = AssistantFixture.id("web:anna")

    /// Anna past consent and her name: the side question is cached with its facts.
    static func atSideQuestion(_ assistant: Assistant) async throws -> Reply {
        let opened = try await assistant.open(participant: anna)
        let consentTurn = try #require(opened.turn)
        // Consent is a domain action (the full path), after which the cache lacks the facts;
        // the plain answer after it leaves them.
        _ = try await assistant.press(participant: anna, slot: try #require(opened.prompt?.slot), turn: consentTurn, answer: "ja")
        return try await assistant.handle(participant: anna, text: "Anna de Vries")
    }

    static let firstOption: @Sendable (Reply.Prompt, Language) -> String? = { prompt, _ in prompt.options?.first?.value }

    @Test("taken at the cached question while the check holds; otherwise nothing is stored and the caller is told")
    func takenOnlyWhenCurrent() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        let named = try await Self.atSideQuestion(assistant)
        let prompt = try #require(named.prompt)
        let turn = try #require(named.turn)
        #expect(prompt.slot == "profile.side")
        let turns = try await fixture.repository.read { try $0.sessionTurns(anna) }
        func storedTurns() async throws -> Int? { try await fixture.repository.read { try $0.sessionTurns(anna) } }

        // Another question, other options, or an answer that is none of this question's: nothing stored.
        let otherSlot = try await assistant.pressIfCurrent(participant: anna, slot: "profile.name", fingerprint: nil, requestID: nil,
                                                           answering: { _, _ in "Bram" }, admitted: { _ in true })
        #expect(otherSlot == nil)
        let otherOptions = try await assistant.pressIfCurrent(participant: anna, slot: prompt.slot, fingerprint: "not-these-options",
                                                              requestID: nil, answering: Self.firstOption, admitted: { _ in true })
        #expect(otherOptions == nil)
        let noAnswer = try await assistant.pressIfCurrent(participant: anna, slot: prompt.slot, fingerprint: prompt.fingerprint,
                                                          requestID: nil, answering: { _, _ in nil }, admitted: { _ in true })
        #expect(noAnswer == nil)
        #expect(try await storedTurns() == turns)

        // Current, and the check holds: taken once; the same request again is the stored reply.
        let request = ChannelRequestID(channel: "web", value: "key.\(turn)")
        let outcome = try await assistant.pressIfCurrent(participant: anna, slot: prompt.slot, fingerprint: prompt.fingerprint,
                                                         requestID: request, answering: Self.firstOption,
                                                         admitted: { reader in try reader.participant(anna) != nil })
        guard case .answered(let reply, let question)? = outcome else {
            Issue.record("the click at the cached question is taken: \(String(describing: outcome))")
            return
        }
        #expect(question == prompt.text)
        #expect(reply.prompt?.slot != prompt.slot)
        #expect(try await storedTurns() == turns.map { $0 + 1 })
        let again = try await assistant.pressIfCurrent(participant: anna, slot: prompt.slot, fingerprint: prompt.fingerprint,
                                                       requestID: request, answering: Self.firstOption, admitted: { _ in true })
        #expect(again == nil, "the cache moved on: the careful way answers the repeat")
        guard case .repeated(let repeated) = try await assistant.press(participant: anna, slot: prompt.slot, turn: turn,
                                                                       fingerprint: prompt.fingerprint, answer: "teacher", requestID: request) else {
            Issue.record("the repeat is recognised")
            return
        }
        #expect(repeated == reply)

        // The check says no (the session ended elsewhere): nothing stored, and the cached
        // conversation is dropped — the next click reads the store the careful way.
        let next = try #require(reply.prompt)
        let stored = try await storedTurns()
        let answerNext: @Sendable (Reply.Prompt, Language) -> String? = { prompt, _ in prompt.options?.first?.value ?? "Erasmus College" }
        let refused = try await assistant.pressIfCurrent(participant: anna, slot: next.slot, fingerprint: next.fingerprint, requestID: nil,
                                                         answering: answerNext, admitted: { _ in false })
        #expect(refused == nil)
        #expect(try await storedTurns() == stored)
        let afterwards = try await assistant.pressIfCurrent(participant: anna, slot: next.slot, fingerprint: next.fingerprint, requestID: nil,
                                                            answering: answerNext, admitted: { _ in true })
        #expect(afterwards == nil, "nothing cached any more")
        #expect(try await storedTurns() == stored)
    }

    @Test("a conversation changed by another process is not taken from this one's cache")
    func changedElsewhere() async throws {
        let fixture = try AssistantFixture()
        let anna = Self.anna
        let named = try await Self.atSideQuestion(fixture.assistant)
        let prompt = try #require(named.prompt)
        // A second assistant over the same store (another `serve`) answers first.
        _ = try await fixture.reopened().handle(participant: anna, text: "docent")
        let turns = try await fixture.repository.read { try $0.sessionTurns(anna) }
        let taken = try await fixture.assistant.pressIfCurrent(participant: anna, slot: prompt.slot, fingerprint: prompt.fingerprint,
                                                               requestID: nil, answering: Self.firstOption, admitted: { _ in true })
        #expect(taken == nil)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == turns)
    }

    @Test("after a domain action the cache lacks the facts; a page view reads them and the next click needs no read")
    func pageViewFillsTheCache() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        let opened = try await assistant.open(participant: anna)
        let consentTurn = try #require(opened.turn)
        let consented = try await assistant.press(participant: anna, slot: try #require(opened.prompt?.slot), turn: consentTurn, answer: "ja")
        guard case .answered(let reply, _) = consented else {
            Issue.record("consent is taken: \(consented)")
            return
        }
        let name = try #require(reply.prompt)
        let typed: @Sendable (Reply.Prompt, Language) -> String? = { _, _ in "Anna de Vries" }
        let before = try await assistant.pressIfCurrent(participant: anna, slot: name.slot, fingerprint: name.fingerprint, requestID: nil,
                                                        answering: typed, admitted: { _ in true })
        #expect(before == nil, "consent ran an action: the cached conversation has no facts")
        let view = try #require(try await assistant.view(participant: anna))
        #expect(view.reply.prompt?.slot == name.slot)
        let after = try await assistant.pressIfCurrent(participant: anna, slot: name.slot, fingerprint: name.fingerprint, requestID: nil,
                                                       answering: typed, admitted: { _ in true })
        guard case .answered(let answered, _)? = after else {
            Issue.record("after the page view the click is taken from the cache: \(String(describing: after))")
            return
        }
        #expect(answered.prompt?.slot == "profile.side")
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == answered.turn, "the answer was stored")
    }

}
