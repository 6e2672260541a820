import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// Clicks on buttons through `Assistant.press`: an answer taken only at the question it belongs
/// to, a repeated click taken once, a direct message's start button that leads from the menu to
/// the step it names — and the words that switch the assistant's own messages off and on.
@Suite("Buttons and the reminders switch through the Assistant", .onBothStores)
struct ButtonPressTests {
    static let anna = AssistantFixture.id("slack:T1:UANNA")
    static let bram = AssistantFixture.id("slack:T1:UBRAM")

    /// Anna and Bram matched, and Bram's plan waiting for Anna's confirmation.
    static func planAwaitingAnna(_ fixture: AssistantFixture) async throws {
        let assistant = fixture.assistant
        try await OpenMatchingFlowTests.intake(assistant, anna, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, bram, OpenMatchingFlowTests.professionalIntake, open: false)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        #expect(try await service.apply(try await service.propose(method: .optimal)).count == 1)
        _ = try await OpenMatchingFlowTests.choose(assistant, bram, "plan")
        let reply = try await TrajectoryFlowTests.say(assistant, bram, ["16", "7", "20", "1, 2", "februari tot juni", "elke twee weken bellen"])
        #expect(TrajectoryFlowTests.text(reply).contains("Planning (versie 1):"))
    }

    @Test("a click answers the question of its turn once; a click on an earlier question and a repeated click change nothing")
    func answerOnce() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        let opened = try await assistant.open(participant: anna)
        let prompt = try #require(opened.prompt)
        let turn = try #require(opened.turn)
        #expect(turn == 1)
        #expect(prompt.slot == "consent.processing" && prompt.type == .yesno)

        let click = ChannelRequestID(channel: "slack-interactions", value: "trigger-1")
        guard case .answered(let reply, let question) = try await assistant.press(participant: anna, slot: prompt.slot, turn: turn,
                                                                                 answer: "ja", requestID: click) else {
            Issue.record("the click is taken")
            return
        }
        #expect(question == prompt.text)
        #expect(reply.turn == 2)
        #expect(reply.prompt?.slot != "consent.processing")
        #expect(try await fixture.repository.read { try $0.hasConsent(.processing, of: anna) })

        // The same click delivered again: the stored reply, nothing taken.
        guard case .repeated(let again) = try await assistant.press(participant: anna, slot: prompt.slot, turn: turn,
                                                                    answer: "ja", requestID: click) else {
            Issue.record("a repeated click is recognised")
            return
        }
        #expect(again == reply)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == 2)

        // A click on the consent question after the conversation moved on.
        guard case .stale(let language) = try await assistant.press(participant: anna, slot: prompt.slot, turn: turn,
                                                                    answer: "nee", requestID: ChannelRequestID(channel: "slack-interactions", value: "trigger-2")) else {
            Issue.record("a click on an earlier question is stale")
            return
        }
        #expect(language == .nl)
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == 2)
        #expect(try await fixture.repository.read { try $0.hasConsent(.processing, of: anna) }, "the old no was not taken")

        // The right turn but another slot is stale too.
        let next = try #require(reply.prompt)
        guard case .stale = try await assistant.press(participant: anna, slot: "profile.other", turn: 2, answer: "1") else {
            Issue.record("a slot that is not asked is stale")
            return
        }
        // The choice's number, as the buttons send it.
        guard case .answered(let third, _) = try await assistant.press(participant: anna, slot: next.slot, turn: 2,
                                                                       answer: next.type == .choice ? "1" : "Anna de Vries") else {
            Issue.record("the next question is taken")
            return
        }
        #expect(third.turn == 3)
    }

    @Test("a direct message's start button leads from the menu to the plan, whose Ja fixes it; elsewhere it shows the question at hand")
    func startButton() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        try await Self.planAwaitingAnna(fixture)

        // Anna in the middle of her goals: the button does not take her away from them.
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "goals")
        guard case .notTaken(let elsewhere) = try await assistant.press(participant: anna, slot: "menu.action", turn: nil,
                                                                        answer: "confirm_plan") else {
            Issue.record("the start button waits while another question is open")
            return
        }
        #expect(elsewhere.prompt?.slot == "goals.individual")
        #expect(elsewhere.messages.first?.text.contains("maak dat eerst af") == true)

        _ = try await assistant.handle(participant: anna, text: "terug")
        let atMenu = try await assistant.handle(participant: anna, text: "status")
        #expect(atMenu.prompt?.slot == "menu.action")
        guard case .answered(let plan, _) = try await assistant.press(participant: anna, slot: "menu.action", turn: nil,
                                                                      answer: "confirm_plan") else {
            Issue.record("the start button opens the plan's confirmation")
            return
        }
        #expect(TrajectoryFlowTests.text(plan).contains("Duur: 16 weken"))
        let confirm = try #require(plan.prompt)
        #expect(confirm.slot == "plan.confirm")
        guard case .answered(let fixed, _) = try await assistant.press(participant: anna, slot: confirm.slot, turn: plan.turn,
                                                                       answer: "ja") else {
            Issue.record("Ja confirms")
            return
        }
        #expect(TrajectoryFlowTests.text(fixed).contains("Jullie hebben allebei dezelfde planning bevestigd"))
        #expect(fixed.phase == .activiteiten)
        // The context check is offered with the fixed plan; Anna does it later.
        #expect(fixed.prompt?.slot == "context.offer")
        _ = try await assistant.handle(participant: anna, text: "later")

        // Now the plan is fixed: the option is not offered, and the button shows the menu.
        guard case .notTaken(let menu) = try await assistant.press(participant: anna, slot: "menu.action", turn: nil,
                                                                   answer: "confirm_plan") else {
            Issue.record("a start button whose step is gone is not taken")
            return
        }
        #expect(menu.prompt?.slot == "menu.action")
        #expect(menu.messages.first?.text.contains("misschien is het al gedaan") == true)
    }

    @Test("the start button of a direct message works at once, though the partner's plan came after the participant's last turn")
    func startButtonRightAfterTheEvent() async throws {
        let fixture = try AssistantFixture()
        try await Self.planAwaitingAnna(fixture)
        guard case .answered(let plan, _) = try await fixture.assistant.press(participant: Self.anna, slot: "menu.action", turn: nil,
                                                                              answer: "confirm_plan") else {
            Issue.record("the plan's confirmation opens")
            return
        }
        #expect(plan.prompt?.slot == "plan.confirm")
        #expect(TrajectoryFlowTests.text(plan).contains("Bram Bakker heeft de planning voorgesteld"), "the notice comes with it")
    }

    @Test("a menu whose options moved since it was shown, news waiting, and an answer not accepted change nothing of the old question")
    func movedOptionsAndNews() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        try await OpenMatchingFlowTests.intake(assistant, anna, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, Self.bram, OpenMatchingFlowTests.professionalIntake, open: false)
        // Anna's menu of phase 1, shown before the match.
        let atMenu = try await assistant.handle(participant: anna, text: "status")
        let menu = try #require(atMenu.prompt)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        #expect(try await service.apply(try await service.propose(method: .optimal)).count == 1)
        // Bram proposes a plan: Anna gets a notice and "Te doen"; her numbers stay those of phase 2.
        _ = try await OpenMatchingFlowTests.choose(assistant, Self.bram, "plan")
        _ = try await TrajectoryFlowTests.say(assistant, Self.bram, ["16", "7", "20", "1, 2", "februari tot juni", "elke twee weken bellen"])

        // Anna's phase-1 menu as shown before, clicked now: the phase moved on, and its options.
        let old = try await assistant.press(participant: anna, slot: menu.slot, turn: atMenu.turn, fingerprint: menu.fingerprint, answer: "1")
        guard case .stale = old else {
            Issue.record("a click on the old numbering is stale: \(old)")
            return
        }
        // Without a digest, the same turn: the news comes first, nothing is taken.
        guard case .notTaken(let news) = try await assistant.press(participant: anna, slot: menu.slot, turn: atMenu.turn,
                                                                   fingerprint: nil, answer: "1") else {
            Issue.record("a click with news waiting shows the news")
            return
        }
        #expect(news.messages.first?.text.contains("iets veranderd") == true)
        #expect(TrajectoryFlowTests.text(news).contains("Bram Bakker heeft de planning voorgesteld"))
        #expect(news.messages.contains { $0.text.hasPrefix("Te doen:") && $0.text.contains("'bevestig planning'") })
        #expect(news.prompt?.options?.first?.value == "goals", "what waits takes no number")

        // A choice that does not exist: not accepted, asked again at a new turn.
        let current = try #require(news.prompt)
        guard case .refused(let again) = try await assistant.press(participant: anna, slot: current.slot, turn: news.turn,
                                                                   fingerprint: current.fingerprint, answer: "99") else {
            Issue.record("an answer the question does not take is refused")
            return
        }
        #expect(again.messages.contains { $0.kind == .error })
        #expect(again.prompt?.slot == current.slot)
        #expect(again.turn == (news.turn ?? 0) + 1)

        // The direct message's start button names what waits: taken although it has no number.
        guard case .answered(let started, _) = try await assistant.press(participant: anna, slot: "menu.action", turn: nil,
                                                                         answer: "confirm_plan") else {
            Issue.record("a start button for what waits is taken")
            return
        }
        #expect(started.prompt?.slot == "plan.confirm")
        _ = try await assistant.handle(participant: anna, text: "stop")
    }

    @Test("a repeated request id of 'geen herinneringen' gets the stored reply and records the choice once")
    func repeatedPreference() async throws {
        let fixture = try AssistantFixture()
        let anna = Self.anna
        _ = try await fixture.assistant.open(participant: anna)
        let id = ChannelRequestID(channel: "slack-events", value: "Ev-7")
        let first = try await fixture.assistant.handle(participant: anna, text: "geen herinneringen", requestID: id)
        let again = try await fixture.assistant.handle(participant: anna, text: "geen herinneringen", requestID: id)
        #expect(again == first)
        #expect(try await fixture.repository.read { try $0.messagePreferences(of: anna) }.count == 1)
    }

    @Test("'geen herinneringen' and 'herinneringen aan' switch direct messages, keep the question, and are kept with their time")
    func remindersSwitch() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna
        let opened = try await assistant.open(participant: anna)
        var reply = try await assistant.handle(participant: anna, text: "Geen herinneringen!")
        #expect(reply.messages.first?.text.contains("geen berichten meer uit mezelf") == true)
        #expect(reply.prompt?.slot == opened.prompt?.slot, "the question stays")
        #expect(try await fixture.repository.read { try $0.allowsDirectMessages(anna) } == false)

        fixture.clock.advance(by: 60)
        reply = try await assistant.handle(participant: anna, text: "reminders on", lang: .en)
        #expect(reply.messages.first?.text.contains("I will message you again") == true)
        #expect(try await fixture.repository.read { try $0.allowsDirectMessages(anna) })
        let history = try await fixture.repository.read { try $0.messagePreferences(of: anna) }
        #expect(history.map(\.directMessages) == [false, true])
        #expect(history[1].at.timeIntervalSince(history[0].at) == 60)

        let export = try await fixture.repository.exportPersonalData(of: anna, at: fixture.clock.now())
        let object = try #require(try JSONSerialization.jsonObject(with: export) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: Any])
        #expect((tables["message_preferences"] as? [Any])?.count == 2)
    }
}
