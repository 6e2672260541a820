import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// The one entry point: persistence of every turn, resumption, serialization, the reply contract.
@Suite("Assistant turns", .onBothStores)
struct AssistantTurnTests {
    @Test("the first message opens the conversation and is not taken as an answer")
    func opening() async throws {
        let fixture = try AssistantFixture()
        let reply = try await fixture.assistant.handle(participant: AssistantFixture.id("api:u1"), text: "Anna")
        #expect(reply.prompt?.slot == "consent.processing")
        #expect(reply.phase == .matching)
        #expect(reply.language == .nl)
        #expect(reply.messages.first?.text.contains("Welkom") == true)
        #expect(reply.messages.last?.text == reply.prompt?.text)
    }

    @Test("each turn is committed before the reply: a new process on the same file continues at the pending question")
    func durable() async throws {
        let fixture = try AssistantFixture()
        let id = AssistantFixture.id("api:u2")
        _ = try await fixture.assistant.open(participant: id)
        for answer in AssistantFixture.fullIntake.prefix(5) {
            _ = try await fixture.assistant.handle(participant: id, text: answer)
        }
        let answers = try await fixture.repository.read { try $0.answers(id) }
        #expect(Set(answers.map(\.slot)) == ["consent.processing", "profile.name", "profile.side", "profile.organization", "profile.region"])
        let restarted = try fixture.reopened()
        let reply = try await restarted.open(participant: id)
        #expect(reply.prompt?.slot == "profile.role")
    }

    @Test("a completed intake stores the profile with consent, and `back` in the menu is harmless")
    func completeIntake() async throws {
        let fixture = try AssistantFixture()
        let id = AssistantFixture.id("api:u3")
        _ = try await fixture.assistant.open(participant: id)
        var reply: Reply?
        for answer in AssistantFixture.fullIntake {
            reply = try await fixture.assistant.handle(participant: id, text: answer)
        }
        #expect(reply?.prompt?.slot == "menu.action")
        let profile = try #require(try await fixture.repository.read { try $0.profile(id) })
        #expect(profile.side == .teacher)
        #expect(profile.field == "mathematics" || !profile.field.isEmpty)
        #expect(profile.criteria.contains(.subject))
        let consent = try #require(profile.openMatchingConsent)
        #expect(consent.givenAt == fixture.clock.now())
        #expect(!consent.textVersion.isEmpty)
    }

    @Test("`lang` switches the language, and it sticks for later turns")
    func language() async throws {
        let fixture = try AssistantFixture()
        let id = AssistantFixture.id("api:u4")
        let english = try await fixture.assistant.handle(participant: id, text: "hi", lang: .en)
        #expect(english.language == .en)
        #expect(english.messages.first?.text.contains("Welcome") == true)
        _ = try await fixture.assistant.handle(participant: id, text: "yes")
        let next = try await fixture.assistant.handle(participant: id, text: "Ann Smith")
        #expect(next.language == .en)
        #expect(next.prompt?.options?.first?.label == "Teacher")
        let dutch = try await fixture.assistant.handle(participant: id, text: "taal nl")
        #expect(dutch.prompt?.options?.first?.label == "Docent")
    }

    @Test("answers with template markers are stored and shown verbatim")
    func templateInjection() async throws {
        let fixture = try AssistantFixture()
        let id = AssistantFixture.id("api:u5")
        _ = try await fixture.assistant.open(participant: id)
        var answers = AssistantFixture.fullIntake
        answers[1] = "{{profile.organization}} <b>Anna</b>"
        var reply: Reply?
        for answer in answers.dropLast() {
            reply = try await fixture.assistant.handle(participant: id, text: answer)
        }
        let summary = try #require(reply?.messages.first { $0.kind == .summary })
        #expect(summary.text.contains("{{profile.organization}} <b>Anna</b>"))
    }

    @Test("concurrent turns: many participants in parallel, one participant's turns serialized")
    func concurrency() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<40 {
                group.addTask {
                    let id = AssistantFixture.id("api:p\(n)")
                    _ = try await assistant.open(participant: id)
                    for answer in AssistantFixture.fullIntake.prefix(3) {
                        _ = try await assistant.handle(participant: id, text: answer)
                    }
                }
            }
            try await group.waitForAll()
        }
        let sessions = try await fixture.repository.read { try $0.sessions() }
        #expect(sessions.count == 40)
        #expect(sessions.allSatisfy { $0.turns == 4 })

        // One participant, many messages at once: every one is applied exactly once, in some order.
        let id = AssistantFixture.id("api:same")
        _ = try await assistant.open(participant: id)
        _ = try await assistant.handle(participant: id, text: "ja")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try await assistant.handle(participant: id, text: "status") }
            }
            try await group.waitForAll()
        }
        let session = try #require(try await fixture.repository.read { try $0.session(id) })
        #expect(session.turns == 22)
    }

    @Test("an invalid participant id is refused with a clear message")
    func invalidParticipant() async throws {
        let fixture = try AssistantFixture()
        await #expect(throws: AssistantError.self) {
            _ = try await fixture.assistant.handle(participantID: "has space", text: "hi")
        }
        #expect(ParticipantID("slack:T1:U2")?.channel == "slack")
        #expect(ParticipantID("slack:T1:U2")?.local == "T1:U2")
        #expect(ParticipantID("anna")?.description == "repl:anna")
        #expect(ParticipantID(String(repeating: "a", count: 300)) == nil)
    }

    @Test("a stored conversation that cannot be decoded starts anew with a warning instead of failing")
    func unreadableSession() async throws {
        let fixture = try AssistantFixture()
        let id = AssistantFixture.id("api:broken")
        _ = try await fixture.assistant.open(participant: id)
        try await fixture.repository.transaction { tx in
            // As another process or a broken tool would: a different state, a new turn count.
            try tx.saveSession(StoredSession(participant: id, state: Data("not json".utf8), turns: 7, updatedAt: Date()))
        }
        let reply = try await fixture.assistant.handle(participant: id, text: "hello")
        #expect(reply.messages.first?.kind == .warning)
        #expect(reply.prompt?.slot == "consent.processing")
    }

    @Test("the reply encodes as the contract of the reply contract, with null prompt fields")
    func replyJSON() async throws {
        let fixture = try AssistantFixture()
        let reply = try await fixture.assistant.open(participant: AssistantFixture.id("api:json"))
        let object = try #require(JSONSerialization.jsonObject(with: try JSONEncoder().encode(reply)) as? [String: Any])
        #expect(object["participant"] as? String == "api:json")
        #expect(object["phase"] as? String == "matching")
        let prompt = try #require(object["prompt"] as? [String: Any])
        #expect(prompt["slot"] as? String == "consent.processing")
        #expect(prompt["type"] as? String == "yesno")
        #expect(prompt.keys.contains("options"))
        #expect(prompt["optional"] as? Bool == false)
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.allSatisfy { ["info", "advice", "warning", "error", "summary"].contains($0["kind"] as? String ?? "") })
    }
}
