import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// The coordinator's commands in the chat, through `Assistant` on a real SQLite file: routing,
/// access control in Swift (also against replaced dialogs), exactly-what-was-shown matching,
/// exclusions, nudges and the audit log.
@Suite("Coordinator in the chat", .onBothStores)
struct CoordinatorChatTests {
    static let boss = AssistantFixture.id("api:boss")

    /// A fixture with `boss` as coordinator and the seeded programme.
    static func fixture(dialogs program: Program? = nil) async throws -> (AssistantFixture, Assistant) {
        let fixture = try AssistantFixture(coordinators: [boss])
        try await ProgrammeSeed.write(into: fixture.repository, now: fixture.clock.now())
        guard let program else { return (fixture, fixture.assistant) }
        let assistant = Assistant(program: program, repository: fixture.repository, clock: fixture.clock,
                                  options: AssistantOptions(coordinators: [boss]))
        return (fixture, assistant)
    }

    /// Answers the pending choice with the number of the option `value`.
    static func choose(_ assistant: Assistant, _ id: ParticipantID, _ value: String, in reply: Reply) async throws -> Reply {
        let options = try #require(reply.prompt?.options, "a choice is asked: \(reply.prompt?.slot ?? "nothing")")
        let index = try #require(options.firstIndex { $0.value == value }, "the choice offers \(value): \(options.map(\.value))")
        return try await assistant.handle(participant: id, text: String(index + 1))
    }

    static func text(_ reply: Reply) -> String { reply.messages.map(\.text).joined(separator: "\n") }

    @Test("a coordinator starts at the coordinator's home, without intake; the overview names every pair and who is unpaired")
    func routingAndOverview() async throws {
        let (fixture, assistant) = try await Self.fixture()
        let home = try await assistant.open(participant: Self.boss)
        #expect(home.prompt?.slot == "coordinator.action")
        #expect(Self.text(home).contains("Je bent hier coördinator"))
        let overview = try await Self.choose(assistant, Self.boss, "overview", in: home)
        let text = Self.text(overview)
        #expect(text.contains("Anna de Vries & Bram Bakker — confirmed"))
        #expect(text.contains("Carla Jansen (api:carla)"))
        #expect(!text.contains("api:boss"), "a coordinator is not listed as an unpaired participant")
        #expect(overview.prompt?.slot == "coordinator.action")
        #expect(try await fixture.repository.read { try $0.profile(Self.boss) } == nil, "no profile, no intake")
    }

    @Test("a coordinator whose conversation is in the menu — at its start, or at its question since before the role — is sent home",
          arguments: ["", "menu"])
    func menuSendsCoordinatorsHome(_ step: String) async throws {
        let (fixture, assistant) = try await Self.fixture()
        // A conversation resting at the start of the home dialog (as after a dialog ended), or at
        // the menu's question (as when the role was given to a participant).
        var state = SessionState(language: .nl)
        state.stack = [Frame(dialog: "menu", step: step)]
        state.awaiting = .answer
        let encoded = try JSONEncoder().encode(state)
        let now = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: Self.boss, language: .nl, createdAt: now))
            try tx.saveSession(StoredSession(participant: Self.boss, state: encoded, turns: 1, updatedAt: now))
        }
        let reply = try await assistant.handle(participant: Self.boss, text: "Mijn profiel bekijken")
        #expect(reply.prompt?.slot == "coordinator.action")
        #expect(reply.prompt?.options?.contains { $0.value == "profile" } == false)
        #expect(!Self.text(reply).contains("Dit is je profiel"), "the participant's option did not run")
    }

    @Test("a participant starts at the intake and never sees the coordinator's options")
    func participantsSeeNothingOfIt() async throws {
        let (fixture, assistant) = try await Self.fixture()
        defer { withExtendedLifetime(fixture) {} }  // its store goes with it
        let eve = AssistantFixture.id("api:eve")
        let opening = try await assistant.open(participant: eve)
        #expect(opening.prompt?.slot != "coordinator.action")
        for word in ["1", "overzicht", "Overzicht van alle duo's", "knelpunten", "voorstellen", "duwtje", "uitsluiten", "overview", "nudge"] {
            let reply = try await assistant.handle(participant: eve, text: word)
            #expect(reply.prompt?.slot.hasPrefix("coordinator.") != true)
            for secret in ProgrammeSeed.privateWords { #expect(!Self.text(reply).contains(secret), "\(word) showed \(secret)") }
            #expect(reply.prompt?.options?.contains { $0.value == "overview" || $0.value == "nudge" } != true)
        }
    }

    /// A dialog that calls every coordinator action with arguments that would work for a
    /// coordinator: the real pair id, the real people.
    static let everyAction = """
    dialog: intake
    title: {nl: Alles, en: Everything}
    steps:
      - action: coordinator_overview
        into: x.overview
      - action: coordinator_bottlenecks
        into: x.bottlenecks
      - action: coordinator_propose
        with: {method: "'optimal'"}
        into: x.proposals
      - action: coordinator_apply
        with: {pairs: "['api:carla|api:daan']"}
        into: x.applied
      - action: coordinator_find_participant
        with: {who: "'Carla Jansen'"}
        into: x.found
      - action: coordinator_why_not
        with: {first: "'api:carla'", second: "'api:daan'"}
        into: x.why
      - action: coordinator_exclude
        with: {first: "'api:carla'", second: "'api:daan'"}
        into: x.excluded
      - action: coordinator_list_pairs
        into: x.pairs
      - action: coordinator_pick_pair
        with: {choice: "'1'", shown: "['pair-ab']"}
        into: x.picked
      - action: coordinator_nudge
        with: {pair: "'pair-ab'", message: "'Hallo daar'"}
        into: x.nudged
      - action: coordinator_partner_left_pairs
        into: x.left
      - action: coordinator_settle_pair
        with: {pair: "'pair-ab'", decision: "'rematch'"}
        into: x.settled
      - say:
          nl: "Uitkomst: {{x.overview}} / {{x.applied}} / {{x.found}} / {{x.excluded}} / {{x.picked}} / {{x.nudged}}"
          en: "Outcome: {{x.overview}} / {{x.applied}} / {{x.found}} / {{x.excluded}} / {{x.picked}} / {{x.nudged}}"
      - handover: menu
    """

    @Test("replaced dialogs that let a participant call every coordinator action: each is refused, nothing is shown, changed or logged")
    func refusedThroughReplacedDialogs() async throws {
        let program = try ProgrammeSeed.program(["intake": Self.everyAction])
        let (fixture, assistant) = try await Self.fixture(dialogs: program)
        let before = try await ProgrammeSeed.snapshot(fixture.repository)

        let mallory = AssistantFixture.id("api:mallory")
        let reply = try await assistant.open(participant: mallory)
        let refusals = reply.messages.filter { $0.kind == .warning }
        #expect(refusals.count == CoordinatorActionNames.all.count, "the dialog calls every coordinator action")
        #expect(refusals.allSatisfy { $0.text.contains("Dit kan alleen een coördinator") })
        for secret in ProgrammeSeed.privateWords + ["pair-ab", "score"] {
            #expect(!Self.text(reply).contains(secret), "a refused action showed \(secret)")
        }
        #expect(Self.text(reply).contains("Uitkomst: 0 / 0 / — / nee / — / nee"), "each returns an empty value")
        var after = try await ProgrammeSeed.snapshot(fixture.repository)
        #expect(after == before, "nothing changed, nothing logged")

        // The same dialog for the coordinator does all of it: so the refusal was the role's.
        _ = try await assistant.open(participant: Self.boss)
        after = try await ProgrammeSeed.snapshot(fixture.repository)
        #expect(after.exclusions.contains([ProgrammeSeed.carla, ProgrammeSeed.daan]))
        #expect(after.pairs.count == 2)
        #expect(after.events.contains { $0.kind == .coordinatorNudge })
        #expect(Set(after.audit.map(\.action)).isSuperset(of: ["coordinator.overview", "coordinator.bottlenecks", "coordinator.propose",
                                                               "match.apply", "coordinator.lookup", "coordinator.why_not", "match.exclude",
                                                               "coordinator.pairs", "coordinator.pick_pair", "coordinator.nudge"]))
        #expect(after.audit.allSatisfy { $0.actor == "api:boss" })
    }

    @Test("the confirmation applies exactly the proposals shown: a pair no longer possible is skipped and reported, a newcomer is not paired")
    func appliesExactlyWhatWasShown() async throws {
        let (fixture, assistant) = try await Self.fixture()
        // Two more people, so that there is more than one pair to propose.
        let (eva, frank) = (AssistantFixture.id("api:eva"), AssistantFixture.id("api:frank"))
        let now = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: eva, language: .nl, createdAt: now))
            try tx.save(ProgrammeSeed.profile("Eva Evers", .teacher, "Da Vinci College", field: "ict", region: "Delft", now: now), for: eva)
            try tx.save(Participant(id: frank, language: .nl, createdAt: now))
            try tx.save(ProgrammeSeed.profile("Frank Fokker", .professional, "Shell", field: "mathematics", region: "Delft", now: now), for: frank)
        }
        var reply = try await assistant.open(participant: Self.boss)
        reply = try await Self.choose(assistant, Self.boss, "propose", in: reply)
        reply = try await Self.choose(assistant, Self.boss, "optimal", in: reply)
        #expect(reply.prompt?.slot == "coordinator.apply_confirm")
        let state = try #require(try await fixture.repository.read { try $0.session(Self.boss) })
        let shown = try #require(try JSONDecoder().decode(SessionState.self, from: state.state).slots["coordinator.proposals"]?.listValue)
        #expect(shown.count == 2)
        for entry in shown {
            let ids = entry.split(separator: "|").map(String.init)
            let names = try await fixture.repository.read { reader in try ids.compactMap { try ParticipantID($0).flatMap(reader.profile)?.name } }
            #expect(Self.text(reply).contains("\(names[0]) ↔ \(names[1])"), "what is applied is what was shown")
        }

        // Meanwhile: the first shown pair is excluded, and a newcomer joins who would change the round.
        let first = shown[0].split(separator: "|").compactMap { ParticipantID(String($0)) }
        let gina = AssistantFixture.id("api:gina")
        try await fixture.repository.transaction { tx in
            try tx.addExclusion(first[0], first[1], at: now)
            try tx.save(Participant(id: gina, language: .nl, createdAt: now))
            try tx.save(ProgrammeSeed.profile("Gina Groen", .professional, "Philips", field: "languages", region: "Utrecht", now: now), for: gina)
        }
        reply = try await fixture.assistant.handle(participant: Self.boss, text: "ja")
        #expect(Self.text(reply).contains("Bevestigd (1)"))
        #expect(Self.text(reply).contains("Niet meer mogelijk, overgeslagen"))
        #expect(Self.text(reply).contains("de coördinator heeft dit duo uitgesloten"))

        let pairs = try await fixture.repository.read { try $0.allPairs() }.filter { $0.id != ProgrammeSeed.pairID }
        #expect(pairs.count == 1)
        #expect(pairs.map { "\($0.teacher)|\($0.professional)" } == [shown[1]])
        #expect(pairs.allSatisfy { $0.status == .confirmed && $0.origin == .coordinator })
        #expect(!pairs.contains { $0.teacher == gina || $0.professional == gina })
        let audit = try await fixture.repository.auditLog()
        #expect(audit.filter { $0.action == "match.apply" }.count == 2, "one entry per partner of the pair made")
        #expect(audit.contains { $0.action == "match.apply.skipped" && $0.subject == first[0].description })
    }

    @Test("keeping two apart asks first, is stored and audited for both")
    func exclusion() async throws {
        let (fixture, assistant) = try await Self.fixture()
        var reply = try await assistant.open(participant: Self.boss)
        reply = try await Self.choose(assistant, Self.boss, "exclude", in: reply)
        reply = try await assistant.handle(participant: Self.boss, text: "carla jansen")
        #expect(Self.text(reply).contains("Gevonden: Carla Jansen (api:carla) — docent, Zadkine, fase matching"))
        reply = try await assistant.handle(participant: Self.boss, text: "api:daan")
        #expect(reply.prompt?.slot == "coordinator.exclude_confirm")
        #expect(try await fixture.repository.read { try $0.exclusions() }.isEmpty, "nothing before the confirmation")
        reply = try await assistant.handle(participant: Self.boss, text: "ja")
        #expect(Self.text(reply).contains("Vastgelegd: Carla Jansen en Daan Visser"))
        #expect(try await fixture.repository.read { try $0.exclusions() } == [[ProgrammeSeed.carla, ProgrammeSeed.daan]])
        let entries = try await fixture.repository.auditLog().filter { $0.action == "match.exclude" }
        #expect(Set(entries.compactMap(\.subject)) == ["api:carla", "api:daan"])
        #expect(entries.allSatisfy { $0.actor == "api:boss" && $0.at == fixture.clock.now() })

        // The next round does not propose them; why-not says so.
        reply = try await Self.choose(assistant, Self.boss, "why_not", in: reply)
        _ = try await assistant.handle(participant: Self.boss, text: "Carla Jansen")
        reply = try await assistant.handle(participant: Self.boss, text: "Daan Visser")
        #expect(Self.text(reply).contains("kunnen geen duo vormen: de coördinator heeft dit duo uitgesloten"))
    }

    @Test("a nudge leaves a notice for both partners, records a coordinator.nudge event, is audited, and both see it at their next turn")
    func nudge() async throws {
        let (fixture, assistant) = try await Self.fixture()
        var reply = try await assistant.open(participant: Self.boss)
        reply = try await Self.choose(assistant, Self.boss, "nudge", in: reply)
        #expect(Self.text(reply).contains("1. Anna de Vries & Bram Bakker — fase 2, kennismaking"))
        reply = try await assistant.handle(participant: Self.boss, text: "Bram Bakker")
        #expect(Self.text(reply).contains("Duo: Anna de Vries & Bram Bakker."))
        reply = try await assistant.handle(participant: Self.boss, text: "Plannen jullie de eerste ontmoeting? {{profile.name}}")
        #expect(Self.text(reply).contains("Verstuurd."))

        let (notices, events) = try await fixture.repository.read { reader in
            (try [ProgrammeSeed.anna, ProgrammeSeed.bram].map { try reader.pendingNotices(for: $0) }, try reader.events())
        }
        for list in notices {
            #expect(list.count == 1)
            #expect(list.first?.kind == "coordinator.nudge")
            #expect(list.first?.nl == "Bericht van de coördinator: Plannen jullie de eerste ontmoeting? {{profile.name}}")
        }
        let event = try #require(events.last)
        #expect(event.kind == .coordinatorNudge)
        #expect(event.participants == [ProgrammeSeed.anna, ProgrammeSeed.bram])
        #expect(event.pairID == ProgrammeSeed.pairID)
        let audit = try await fixture.repository.auditLog().filter { $0.action == "coordinator.nudge" }
        #expect(Set(audit.compactMap(\.subject)) == ["api:anna", "api:bram"])
        #expect(!audit.contains { $0.detail.contains("Plannen") }, "the words stay out of the audit log")

        let anna = try await assistant.open(participant: ProgrammeSeed.anna)
        #expect(anna.messages.first?.text == "Bericht van de coördinator: Plannen jullie de eerste ontmoeting? {{profile.name}}",
                "shown first, once, verbatim")
        let again = try await assistant.handle(participant: ProgrammeSeed.anna, text: "status")
        #expect(!Self.text(again).contains("Bericht van de coördinator"))
    }

    @Test("every coordinator action in the chat is in the audit log: who, what, whom, when")
    func auditTrail() async throws {
        let (fixture, assistant) = try await Self.fixture()
        var reply = try await assistant.open(participant: Self.boss)
        reply = try await Self.choose(assistant, Self.boss, "overview", in: reply)
        reply = try await Self.choose(assistant, Self.boss, "bottlenecks", in: reply)
        reply = try await Self.choose(assistant, Self.boss, "propose", in: reply)
        reply = try await Self.choose(assistant, Self.boss, "stable", in: reply)
        reply = try await assistant.handle(participant: Self.boss, text: "nee")
        reply = try await Self.choose(assistant, Self.boss, "why_not", in: reply)
        _ = try await assistant.handle(participant: Self.boss, text: "api:carla")
        reply = try await assistant.handle(participant: Self.boss, text: "api:daan")
        #expect(Self.text(reply).contains("Dit duo wordt voorgesteld."))
        let audit = try await fixture.repository.auditLog()
        #expect(audit.map(\.action) == ["coordinator.overview", "coordinator.bottlenecks", "coordinator.propose",
                                        "coordinator.why_not", "coordinator.why_not"])
        #expect(audit.allSatisfy { $0.actor == "api:boss" && $0.at == fixture.clock.now() })
        #expect(audit[2].detail.contains("api:carla & api:daan"), "the proposals seen, by id")
        #expect(Set(audit.suffix(2).compactMap(\.subject)) == ["api:carla", "api:daan"])
        #expect(!audit.contains { entry in ProgrammeSeed.privateWords.prefix(4).contains { entry.detail.contains($0) } },
                "ids only: erasing a person leaves no name behind in the log")
    }

    @Test("the coordinator's texts are complete in English too")
    func english() async throws {
        let (fixture, assistant) = try await Self.fixture()
        defer { withExtendedLifetime(fixture) {} }  // its store goes with it
        var reply = try await assistant.open(participant: Self.boss, lang: .en)
        #expect(Self.text(reply).contains("You are a coordinator of the programme here"))
        reply = try await Self.choose(assistant, Self.boss, "overview", in: reply)
        #expect(Self.text(reply).contains("Job Twinning — coordinator overview"))
        #expect(Self.text(reply).contains("Not yet paired"))
        reply = try await Self.choose(assistant, Self.boss, "nudge", in: reply)
        #expect(Self.text(reply).contains("1. Anna de Vries & Bram Bakker — phase 2, getting acquainted"))
    }
}

/// The coordinator actions' names, as `jobtwin dialogs actions` lists them.
enum CoordinatorActionNames {
    static var all: [String] {
        JobTwinInterface.host.actions.keys.filter { $0.hasPrefix("coordinator_") }.sorted()
    }
}
