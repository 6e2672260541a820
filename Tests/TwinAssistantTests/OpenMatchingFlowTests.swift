import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// Open matching in the chat, from browsing to both partners confirmed, through `Assistant`.
@Suite("Open matching through the Assistant", .onBothStores)
struct OpenMatchingFlowTests {
    static let professionalIntake = [
        "Bram Bakker", "professional", "IBM", "Rotterdam", "digital sales manager", "ict",
        "informatica", "stagiairs", "vmbo", "1", "1", "1, 2", "1", "ja", "ja",
    ]

    /// Runs the intake of `id`: consent, then the profile `answers` with the open-profile
    /// answer replaced by `open`.
    static func intake(_ assistant: Assistant, _ id: ParticipantID, _ answers: [String], open: Bool = true) async throws {
        _ = try await assistant.open(participant: id, lang: .nl)
        var answers = answers
        answers[13] = open ? "ja" : "nee"
        for answer in [AssistantFixture.consentAnswer] + answers { _ = try await assistant.handle(participant: id, text: answer) }
    }

    /// Chooses a menu option by its value.
    static func choose(_ assistant: Assistant, _ id: ParticipantID, _ value: String, from reply: Reply? = nil) async throws -> Reply {
        let menu = try await assistant.handle(participant: id, text: "status")
        let options = try #require(menu.prompt?.options, "the menu asks a choice")
        if let index = options.firstIndex(where: { $0.value == value }) {
            return try await assistant.handle(participant: id, text: String(index + 1))
        }
        // What waits has no number: the menu names its keyword under "Te doen".
        let keyword = try #require(AssistantFixture.waitingKeywords[value], "the menu offers \(value): \(options.map(\.value))")
        #expect(menu.messages.contains { $0.text.hasPrefix("Te doen:") && $0.text.contains("'\(keyword)'") }, "\(value) waits")
        return try await assistant.handle(participant: id, text: keyword)
    }

    @Test("two participants like each other, both confirm, and both move to phase 2 with events recorded")
    func mutualLikeToConfirmation() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna"), bram = AssistantFixture.id("api:bram")
        try await Self.intake(fixture.assistant, anna, AssistantFixture.intakeAnswers)
        try await Self.intake(fixture.assistant, bram, Self.professionalIntake)

        var reply = try await Self.choose(fixture.assistant, anna, "browse_profiles")
        let card = try #require(reply.messages.first { $0.kind == .summary })
        #expect(card.text.contains("Bram Bakker — digital sales manager, IBM"))
        #expect(card.text.contains("Waarom dit past:"))
        #expect(!card.text.contains("@"), "no contact details")
        // What the consent text promises others see — name, position, organisation, field,
        // motivation — and no more: no place, prior education, target group or bare score.
        #expect(card.text.contains("Vakgebied: ICT"))
        #expect(card.text.contains("Motivatie: "))
        for hidden in ["Rotterdam", "stagiairs", "Plaats", "Matchscore", "vooropleiding", "doelgroep", "wens", "allebei)"] {
            #expect(!card.text.contains(hidden), "the card shows \(hidden): \(card.text)")
        }
        #expect(reply.prompt?.slot == "browse.decision")
        reply = try await fixture.assistant.handle(participant: anna, text: "leuk")
        #expect(reply.prompt?.slot == "browse.decision" || reply.prompt?.slot == "menu.action")

        let before = try await fixture.assistant.handle(participant: anna, text: "status").prompt?.options?.map(\.value)
        reply = try await Self.choose(fixture.assistant, bram, "browse_profiles")
        #expect(reply.messages.contains { $0.text.contains("Anna de Vries") })
        reply = try await fixture.assistant.handle(participant: bram, text: "1")
        #expect(reply.messages.contains { $0.text.contains("Het klikt") })
        #expect(reply.prompt?.slot == "menu.action")
        // The proposal waits under "Te doen" with its keyword; the numbers of the menu stay.
        let waiting = try await fixture.assistant.handle(participant: anna, text: "status")
        #expect(waiting.prompt?.options?.map(\.value) == before)
        #expect(waiting.prompt?.text.hasPrefix("Te doen: er staat een matchvoorstel voor je klaar. Typ 'bevestig match'") == true)

        reply = try await Self.choose(fixture.assistant, bram, "confirm_match")
        #expect(reply.prompt?.slot == "match.confirm")
        reply = try await fixture.assistant.handle(participant: bram, text: "ja")
        #expect(reply.messages.contains { $0.text.contains("Zodra Anna de Vries ook bevestigt") })
        #expect(reply.phase == .matching)

        reply = try await Self.choose(fixture.assistant, anna, "confirm_match")
        reply = try await fixture.assistant.handle(participant: anna, text: "ja")
        #expect(reply.messages.contains { $0.text.contains("vormen een duo") })
        #expect(reply.phase == .kennismaking)

        let (pairs, events, bramPhase) = try await fixture.repository.read { reader in
            (try reader.allPairs(), try reader.events(), try reader.participant(bram)?.phase)
        }
        #expect(bramPhase == .kennismaking)
        #expect(pairs.count == 1)
        #expect(pairs.first?.status == .confirmed)
        #expect(pairs.first?.origin == .mutualLike)
        #expect(events.map(\.kind) == [.matchMutualLike, .matchProposed, .matchConfirmed, .phaseCompleted])
    }

    @Test("nobody sees a profile that was not opened, and withdrawing consent hides it at once")
    func consentGuardsVisibility() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna"), bram = AssistantFixture.id("api:bram"), carla = AssistantFixture.id("api:carla")
        try await Self.intake(fixture.assistant, anna, AssistantFixture.intakeAnswers)
        try await Self.intake(fixture.assistant, bram, Self.professionalIntake, open: false)
        var carlaAnswers = Self.professionalIntake
        carlaAnswers[0] = "Carla Cruz"
        carlaAnswers[2] = "Shell"
        try await Self.intake(fixture.assistant, carla, carlaAnswers)

        // Bram did not open his profile: he cannot browse, and Anna does not see him.
        let bramMenu = try await fixture.assistant.handle(participant: bram, text: "status")
        #expect(bramMenu.prompt?.options?.contains { $0.value == "browse_profiles" } == true, "listed in phase 1 whatever the profile")
        let closed = try await Self.choose(fixture.assistant, bram, "browse_profiles")
        #expect(closed.messages.contains { $0.text.contains("Open matching is alleen voor wie zelf ook zijn profiel openzet") })
        var reply = try await Self.choose(fixture.assistant, anna, "browse_profiles")
        #expect(!reply.messages.contains { $0.text.contains("Bram Bakker") })
        #expect(reply.messages.contains { $0.text.contains("Carla Cruz") })
        reply = try await fixture.assistant.handle(participant: anna, text: "stop")
        #expect(reply.prompt == nil, "`stop` is the global pause command, not the option")
        reply = try await fixture.assistant.handle(participant: anna, text: "3")
        #expect(reply.prompt?.slot == "browse.decision", "the first message after a pause resumes")
        reply = try await fixture.assistant.handle(participant: anna, text: "3")
        #expect(reply.prompt?.slot == "menu.action")

        // Carla withdraws her consent; Anna's next browse shows nobody.
        _ = try await Self.choose(fixture.assistant, carla, "open_profile")
        _ = try await fixture.assistant.handle(participant: carla, text: "nee")
        let carlaProfile = try await fixture.repository.read { try $0.profile(carla) }
        #expect(carlaProfile?.isOpen == false)
        reply = try await Self.choose(fixture.assistant, anna, "browse_profiles")
        #expect(!reply.messages.contains { $0.text.contains("Carla Cruz") })
        #expect(reply.messages.contains { $0.text.contains("geen (nieuwe) profielen") })
    }
}
