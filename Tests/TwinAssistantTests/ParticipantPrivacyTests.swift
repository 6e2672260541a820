import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// A participant never sees another participant's answers, nor a profile that was not opened to
/// them: not through the built-in dialogs, and not through replaced dialogs that call the
/// open-matching actions with someone else's id.
///
/// What the code guarantees, read from it: the slots a dialog can show are the participant's
/// own (every conversation has its own `SessionState`) plus the host slots, which describe the
/// participant and only name the partner of their own pair; `next_profile` only offers profiles
/// `OpenMatching` allows (both opened, other side, unpaired, eligible); `judge_profile`
/// re-checks `mayView` for the id it is given and stores nothing otherwise; a match proposal
/// card only shows the partner of the participant's own proposed pair.
@Suite("Participants' privacy", .onBothStores)
struct ParticipantPrivacyTests {
    /// Answers whatever the conversation asks until it reaches the menu: by slot, then by kind.
    static func finishIntake(_ assistant: Assistant, _ id: ParticipantID, _ answers: [String: String]) async throws -> Reply {
        var reply = try await assistant.open(participant: id)
        for _ in 0..<40 {
            guard let prompt = reply.prompt, prompt.slot != "menu.action" else { return reply }
            let answer = answers[prompt.slot] ?? (prompt.type == .yesno ? "ja" : "1")
            reply = try await assistant.handle(participant: id, text: answer)
        }
        Issue.record("the intake did not reach the menu")
        return reply
    }

    static func answers(name: String, side: String, organization: String, region: String, open: Bool) -> [String: String] {
        ["profile.name": name, "profile.side": side, "profile.organization": organization, "profile.region": region,
         "profile.role": "rol van \(name)", "profile.field": "wiskunde", "profile.background": "opleiding van \(name)",
         "profile.target_group": "doelgroep van \(name)", "profile.education_type": "vmbo", "profile.open_profile": open ? "ja" : "nee"]
    }

    @Test("through every phase-1 menu option, a participant sees nothing of a closed profile or of anyone's answers")
    func menuShowsOnlyOwnData() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna"), zoe = AssistantFixture.id("api:zoe")
        _ = try await Self.finishIntake(fixture.assistant, zoe, Self.answers(
            name: "Zoë Geheim", side: "professional", organization: "Verborgen BV", region: "Zwolle", open: false))
        var reply = try await Self.finishIntake(fixture.assistant, anna, Self.answers(
            name: "Anna de Vries", side: "docent", organization: "Erasmus College", region: "Rotterdam", open: true))
        let secrets = ["Zoë Geheim", "Verborgen BV", "Zwolle", "rol van Zoë", "opleiding van Zoë", "doelgroep van Zoë", "api:zoe"]
        // The menu as of the next turn (the one that saved the profile read the facts before).
        reply = try await fixture.assistant.handle(participant: anna, text: "status")
        let options = try #require(reply.prompt?.options).map(\.value)
        #expect(options.contains("browse_profiles"), "open matching is among what is tried")
        #expect(options.contains("browse_profiles"))
        // `my_data` shows the participant's own data and can erase it: it has tests of its own.
        for value in options where value != "my_data" {
            reply = try await fixture.assistant.handle(participant: anna, text: "status")
            let index = try #require(reply.prompt?.options?.firstIndex { $0.value == value })
            reply = try await fixture.assistant.handle(participant: anna, text: String(index + 1))
            var seen = reply.messages.map(\.text)
            // Answer what the option asks until the menu is back (keep, pass, stop browsing).
            for _ in 0..<20 {
                guard let prompt = reply.prompt, prompt.slot != "menu.action" else { break }
                let answer = prompt.slot == "browse.decision" ? "stoppen" : (prompt.type == .yesno ? "ja" : "1")
                reply = try await fixture.assistant.handle(participant: anna, text: answer)
                seen += reply.messages.map(\.text)
            }
            for secret in secrets {
                #expect(!seen.contains { $0.contains(secret) }, "the option \(value) showed \(secret)")
            }
        }
        #expect(try await fixture.repository.read { try $0.judged(by: anna) }.isEmpty)
    }

    /// Replaced dialogs that try to reach a closed profile by its id.
    static let probe = """
    dialog: intake
    title: {nl: Probe, en: Probe}
    steps:
      - action: next_profile
        into: probe.next
      - action: judge_profile
        with: {candidate: "'api:zoe'", like: "true"}
        into: probe.mutual
      - action: show_match_proposal
        into: probe.proposal
      - action: answer_match
        with: {accept: "true"}
        into: probe.answer
      - say:
          nl: "Uitkomst: {{probe.next}} / {{probe.mutual}} / {{probe.proposal}} / {{probe.answer}}"
          en: "Outcome: {{probe.next}} / {{probe.mutual}} / {{probe.proposal}} / {{probe.answer}}"
      - handover: menu
    """

    @Test("replaced dialogs calling the open-matching actions with a closed profile's id see nothing and make no match, even after a like from it")
    func closedProfileStaysClosed() async throws {
        let fixture = try AssistantFixture()
        let mallory = AssistantFixture.id("api:mallory"), zoe = AssistantFixture.id("api:zoe")
        let now = fixture.clock.now()
        let consent = Consent(givenAt: now, textVersion: "test")
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: mallory, language: .nl, createdAt: now))
            try tx.save(Participant(id: zoe, language: .nl, createdAt: now))
            var open = ProgrammeSeed.profile("Mallory Mol", .teacher, "School X", field: "mathematics", region: "Delft", now: now)
            open.openMatchingConsent = consent
            try tx.save(open, for: mallory)
            // Zoë once opened her profile and liked Mallory, then closed it again.
            try tx.save(ProgrammeSeed.profile("Zoë Geheim", .professional, "Verborgen BV", field: "ict", region: "Zwolle", now: now), for: zoe)
            try tx.saveLike(from: zoe, to: mallory, liked: true, at: now)
        }
        let program = try ProgrammeSeed.program(["intake": Self.probe])
        let assistant = Assistant(program: program, repository: fixture.repository, clock: fixture.clock)
        let reply = try await assistant.open(participant: mallory)
        let text = reply.messages.map(\.text).joined(separator: "\n")
        for secret in ["Zoë", "Verborgen BV", "Zwolle", "api:zoe"] { #expect(!text.contains(secret), "showed \(secret)") }
        #expect(text.contains("Uitkomst: — / nee / nee / none"))
        let (pairs, judged) = try await fixture.repository.read { (try $0.allPairs(), try $0.judged(by: mallory)) }
        #expect(pairs.isEmpty, "no match with a closed profile")
        #expect(judged.isEmpty, "nothing stored about a profile one may not see")
    }
}
