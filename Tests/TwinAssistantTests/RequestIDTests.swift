import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// `Assistant.handle(…, requestID:)`: a message delivered again gets its stored reply and
/// changes nothing — on the fast and the full path, and after a restart.
@Suite("Request ids", .onBothStores)
struct RequestIDTests {
    private func id(_ value: String, delivered: Bool = true) throws -> ChannelRequestID {
        try #require(ChannelRequestID(channel: "api", value: value, repliedInResponse: delivered))
    }

    @Test("a repeated id returns the stored reply on the full path (new participant) and the fast path")
    func repeated() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna")
        let opened = try await fixture.assistant.handle(participant: anna, text: "hallo", requestID: try id("m1"))
        #expect(try await fixture.assistant.handle(participant: anna, text: "hallo", requestID: try id("m1")) == opened)
        _ = try await fixture.assistant.handle(participant: anna, text: AssistantFixture.consentAnswer)

        let answered = try await fixture.assistant.handle(participant: anna, text: "Anna de Vries", requestID: try id("m2"))
        #expect(answered.prompt?.slot == "profile.side")
        let again = try await fixture.assistant.handle(participant: anna, text: "Someone Else", requestID: try id("m2"))
        #expect(again == answered)

        let (turns, answers) = try await fixture.repository.read { (try $0.sessionTurns(anna), try $0.answers(anna)) }
        #expect(turns == 3)
        #expect(answers.map(\.slot) == ["consent.processing", "profile.name"])
        #expect(answers.last?.value.contains("Anna de Vries") == true)
    }

    @Test("the record is written with the turn and survives a restart; undelivered replies are marked")
    func afterRestart() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("slack:T1:U1")
        _ = try await fixture.assistant.open(participant: anna, requestID: try id("e1", delivered: false))
        let answered = try await fixture.assistant.handle(participant: anna, text: "Anna de Vries", requestID: try id("e2", delivered: false))
        let restarted = try fixture.reopened()
        #expect(try await restarted.handle(participant: anna, text: "Anna de Vries", requestID: try id("e2")) == answered)
        let record = try await fixture.repository.read { try $0.processedRequest(channel: "api", requestID: "e2", participant: anna) }
        #expect(record?.deliveredAt == nil)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == 2)
    }

    @Test("ids are per participant, and unusable ids are refused")
    func perParticipant() async throws {
        let fixture = try AssistantFixture()
        let anna = try await fixture.assistant.handle(participant: AssistantFixture.id("api:anna"), text: "hallo", requestID: try id("m1"))
        let bram = try await fixture.assistant.handle(participant: AssistantFixture.id("api:bram"), text: "hallo", requestID: try id("m1"))
        #expect(anna.participant == "api:anna")
        #expect(bram.participant == "api:bram")
        #expect(ChannelRequestID(channel: "api", value: "") == nil)
        #expect(ChannelRequestID(channel: "api", value: String(repeating: "x", count: 201)) == nil)
        #expect(ChannelRequestID(channel: "api", value: "a\nb") == nil)
    }
}
