import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// The reports, from a trajectory stored through the domain API.
@Suite("Reports", .onBothStores)
struct ReportTests {
    static let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!

    static func profile(_ name: String, _ side: Side, _ organization: String) -> Profile {
        Profile(name: name, side: side, organization: organization, role: side == .teacher ? "docent wiskunde" : "engineer",
                field: "mathematics", educationTypes: ["vmbo"], companyTypes: ["transport"], motivations: ["other_world"],
                criteria: [.subject], subjectPreference: .similar, region: "Rotterdam", updatedAt: Date(timeIntervalSince1970: 0))
    }

    /// A closed trajectory: pair, goals, Anna's expectations, a fixed plan below the guideline
    /// with a reason that intends workplace visits and a training, two confirmed activities (a
    /// workplace visit, and a confidential guest lesson that was not planned) and both evaluations.
    static func closedTrajectory(_ fixture: AssistantFixture) async throws {
        let now = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, phase: .afgerond, createdAt: now))
            try tx.save(Participant(id: bram, language: .en, phase: .afgerond, createdAt: now))
            try tx.save(profile("Anna de Vries", .teacher, "Erasmus College"), for: anna)
            try tx.save(profile("Bram <Bakker>", .professional, "RET"), for: bram)
            let pair = Pair(id: "p1", teacher: anna, professional: bram, origin: .coordinator, status: .closed, score: 24,
                            proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now)
            try tx.save(pair)
            try tx.save(Goal(id: "g1", pairID: "p1", owner: anna, text: "Remenergie in de praktijk zien", isLongTerm: false, createdAt: now))
            try tx.save(Goal(id: "g2", pairID: "p1", owner: nil, text: "Een lessenserie maken", isLongTerm: true, createdAt: now))
            var plan = Plan(pairID: "p1", weeks: 10, meetings: 6, hours: 20, period: "na de toetsweek", agreements: "elke week mailen",
                            proposedBy: anna, at: now, deviationReasons: [.shortDuration: "het schooljaar eindigt"],
                            intendedKinds: [.workplaceVisit, .training])
            plan.confirm(by: bram, partner: anna, at: now)
            try tx.save(plan)
            try tx.save(Activity(id: "a1", pairID: "p1", loggedBy: anna, kind: .workplaceVisit, day: "2026-12-01", hours: 4,
                                 notes: "Meegelopen in de werkplaats", isConfidential: false, loggedAt: now, confirmedAt: now))
            try tx.save(Activity(id: "a2", pairID: "p1", loggedBy: bram, kind: .guestLesson, day: "2026-12-15", hours: 3,
                                 notes: "Gastles over remmen", isConfidential: true, loggedAt: now, confirmedAt: now))
            try tx.save(Expectation(pairID: "p1", participant: anna, text: "Dat we elkaar eerlijk zeggen wat lukt", updatedAt: now))
            var evaluation = Evaluation(participant: anna, pairID: "p1", startedAt: now)
            evaluation.outcomes = [.init(goalID: "g1", result: .reached, note: "de gastles"), .init(goalID: "g2", result: .partly, note: nil)]
            evaluation.products = ["lesson_series", "presentation"]
            evaluation.employerValue = "Praktijkvoorbeelden in de les"
            evaluation.managerView = ManagerView(discussed: true, valuation: .high, wantsSequel: true, words: "Volgend jaar weer, graag")
            evaluation.followUp = true
            evaluation.finishedAt = now
            try tx.save(evaluation)
            var other = Evaluation(participant: bram, pairID: "p1", startedAt: now)
            other.outcomes = [.init(goalID: "g2", result: .reached, note: nil)]
            other.managerView = ManagerView(discussed: false)
            other.finishedAt = now
            try tx.save(other)
        }
    }

    @Test("the participant report shows the pair, goals, plan with its deviation, activities and both evaluations")
    func participantReport() async throws {
        let fixture = try AssistantFixture()
        try await Self.closedTrajectory(fixture)
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let (document, language) = try await service.participantReport(Self.anna, language: nil)
        #expect(language == .nl)
        let markdown = document.markdown
        #expect(markdown.contains("# Job Twinning — Anna de Vries & Bram \\<Bakker\\>"))
        #expect(markdown.contains("- Remenergie in de praktijk zien"))
        #expect(markdown.contains("- Een lessenserie maken (lange termijn)"))
        #expect(markdown.contains("Duur: 10 weken"))
        #expect(markdown.contains("Reden: het schooljaar eindigt"))
        #expect(markdown.contains("| 2026-12-01 |"))
        #expect(markdown.contains("Meegelopen in de werkplaats"))
        #expect(markdown.contains("Ontmoetingen: 2 / 6"))
        #expect(markdown.contains("## Verwachtingen"))
        #expect(markdown.contains("- Anna de Vries: Dat we elkaar eerlijk zeggen wat lukt"))
        #expect(markdown.contains("- Bram \\<Bakker\\>: (niet beschreven)"))
        #expect(markdown.contains("- Voorgenomen activiteiten: Werkplekbezoek, Training"))
        #expect(markdown.contains("- ✓ Werkplekbezoek: gedaan (1 keer)"))
        #expect(markdown.contains("- • Training: nog niet gedaan"))
        #expect(markdown.contains("- Ook gedaan, maar niet gepland: Gastles"))
        #expect(markdown.contains("## Evaluatie van Anna de Vries"))
        #expect(markdown.contains("Remenergie in de praktijk zien: "))
        #expect(markdown.contains("Waarde voor de werkgever: Praktijkvoorbeelden in de les"))
        #expect(markdown.contains("- Besproken met de leidinggevende: ja"))
        #expect(markdown.contains("- Oordeel van de leidinggevende: Zeer waardevol"))
        #expect(markdown.contains("- Vervolg volgens de leidinggevende: ja"))
        #expect(markdown.contains("- De leidinggevende: “Volgend jaar weer, graag”"))
        #expect(!markdown.contains("Je ervaringen delen"), "the sharing tips are the chat's, not the manager's document")

        let html = document.html(language: "nl")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Bram &lt;Bakker&gt;"), "user text is escaped")
        #expect(!html.contains("<Bakker>"))

        let (english, _) = try await service.participantReport(Self.bram, language: nil)
        #expect(english.markdown.contains("## Evaluation by Bram \\<Bakker\\>"))
        #expect(english.markdown.contains("- Discussed with the manager: no"))
        #expect(english.markdown.contains("- Anna de Vries: Dat we elkaar eerlijk zeggen wat lukt"))
        #expect(english.markdown.contains("- Intended activities: Workplace visit, Training"))
        #expect(english.markdown.contains("- Also done, but not planned: Guest lesson"))
        // His own evaluation comes first, then Anna's.
        let bramsOwn = try #require(english.markdown.components(separatedBy: "## Evaluation by Bram").last?
            .components(separatedBy: "## Evaluation by Anna").first)
        #expect(!bramsOwn.contains("- The manager's view:"), "without a talk there is no manager's valuation")
    }

    @Test("before the trajectory closes, the report shows the participant's own finished evaluation but not the partner's")
    func ownEvaluationFirst() async throws {
        let fixture = try AssistantFixture()
        try await Self.closedTrajectory(fixture)
        try await fixture.repository.transaction { tx in
            var pair = try #require(try tx.pairs(of: Self.anna).first)
            pair.status = .confirmed
            try tx.save(pair)
        }
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let markdown = try await service.participantReport(Self.anna, language: .nl).0.markdown
        #expect(markdown.contains("## Evaluatie van Anna de Vries"))
        #expect(!markdown.contains("## Evaluatie van Bram"))
    }

    /// A second closed pair: Carl of the same school (spelled otherwise) with what his manager
    /// said, and Dana, whose evaluation is from before the manager's view was asked.
    static func secondPair(_ fixture: AssistantFixture) async throws {
        let carl = AssistantFixture.id("api:carl"), dana = AssistantFixture.id("api:dana")
        let now = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: carl, language: .nl, phase: .afgerond, createdAt: now))
            try tx.save(Participant(id: dana, language: .nl, phase: .afgerond, createdAt: now))
            try tx.save(profile("Carl Claes", .teacher, " erasmus college"), for: carl)
            try tx.save(profile("Dana Dijk", .professional, "Havenbedrijf"), for: dana)
            try tx.save(Pair(id: "p2", teacher: carl, professional: dana, origin: .coordinator, status: .closed, score: 20,
                             proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now))
            var evaluation = Evaluation(participant: carl, pairID: "p2", startedAt: now)
            evaluation.managerView = ManagerView(discussed: true, valuation: .some, wantsSequel: nil, words: nil)
            evaluation.finishedAt = now
            try tx.save(evaluation)
            var old = Evaluation(participant: dana, pairID: "p2", startedAt: now)
            old.finishedAt = now
            try tx.save(old)
        }
    }

    @Test("the programme report sums the employers' view per organisation, in text and in JSON")
    func employersView() async throws {
        let fixture = try AssistantFixture()
        try await Self.closedTrajectory(fixture)
        try await Self.secondPair(fixture)
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let document = try await service.programmeReport(language: .en)
        let markdown = document.markdown
        #expect(markdown.contains("## Value for the employers (completed evaluations)"))
        #expect(markdown.contains("| Organisation | Evaluations | Discussed with manager | Managers' view | Follow-up, as managers see it |"))
        #expect(markdown.contains("| Erasmus College | 2 | 2 / 2 | very valuable: 1; somewhat valuable: 1 | yes: 1; not known: 1 |"),
                "one school, however it is spelled")
        #expect(markdown.contains("| Havenbedrijf | 1 | 0 / 1 | — | — |"), "an evaluation from before the question counts, without a view")
        #expect(markdown.contains("| RET | 1 | 0 / 1 | — | — |"))
        #expect(markdown.contains("- Erasmus College: “Volgend jaar weer, graag”"))
        #expect(!markdown.contains("Anna") && !markdown.contains("Carl"), "no people's names")

        let dutch = try await service.programmeReport(language: .nl).markdown
        #expect(dutch.contains("| Erasmus College | 2 | 2 / 2 | zeer waardevol: 1; enigszins waardevol: 1 | ja: 1; weet niet: 1 |"))
        #expect(dutch.contains("Wat leidinggevenden zeiden:"))

        let json = try #require(try JSONSerialization.jsonObject(with: try document.json()) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let employers = try #require(sections.first { $0["heading"] as? String == "Value for the employers (completed evaluations)" })
        let blocks = try #require(employers["blocks"] as? [[String: Any]])
        let table = try #require(blocks.first { $0["kind"] as? String == "table" })
        let rows = try #require(table["rows"] as? [[String]])
        #expect(rows.map(\.first) == ["Erasmus College", "Havenbedrijf", "RET"])
        #expect(rows.first?[1] == "2")
        #expect((blocks.last?["items"] as? [String]) == ["Erasmus College: “Volgend jaar weer, graag”"])
    }

    @Test("the programme report is anonymised and counts phases, guideline adherence, activity kinds, results and bottlenecks")
    func programmeReport() async throws {
        let fixture = try AssistantFixture()
        try await Self.closedTrajectory(fixture)
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let markdown = try await service.programmeReport(language: .en).markdown
        #expect(!markdown.contains("Anna"))
        #expect(!markdown.contains("Bakker"))
        #expect(!markdown.contains("Remenergie"))
        #expect(markdown.contains("| afgerond | 2 |"))
        #expect(markdown.contains("At least three months (13 weeks): 0 / 1 (0 %)"))
        #expect(markdown.contains("Six to eight meetings: 1 / 1 (100 %)"))
        #expect(markdown.contains("At least 20 hours: 1 / 1 (100 %)"))
        #expect(markdown.contains("Deviated with a reason: 1 / 1 (100 %)"))
        #expect(markdown.contains("Total: 2; confidential: 1"))
        #expect(markdown.contains("Want to continue: 1 / 2 (50 %)"))
    }

    @Test("coordinators chat but take no part: the programme report does not count them, nor does matching pool them")
    func coordinatorsLeftOut() async throws {
        let boss = AssistantFixture.id("api:boss")
        let fixture = try AssistantFixture(coordinators: [boss])
        try await Self.closedTrajectory(fixture)
        _ = try await fixture.assistant.open(participant: boss)
        // Even a coordinator who once filled in a profile is not matched.
        try await fixture.repository.transaction { tx in try tx.save(Self.profile("Baas Bos", .teacher, "Bureau"), for: boss) }
        let program = try DialogLibrary.load(directory: nil)

        let counted = try await ReportService(repository: fixture.repository, program: program, clock: fixture.clock)
            .programmeReport(language: .en).markdown
        #expect(counted.contains("| matching | 1 |"), "without the list, the coordinator's conversation counts")
        let report = try await ReportService(repository: fixture.repository, program: program, clock: fixture.clock, coordinators: [boss])
            .programmeReport(language: .en).markdown
        #expect(report.contains("| matching | 0 |"))
        #expect(report.contains("| afgerond | 2 |"))

        let (pooled, kept) = try await fixture.repository.read { reader in
            (try MatchingCore(program: program).pool(in: reader).round.teachers.map(\.id),
             try MatchingCore(program: program, excluding: [boss]).pool(in: reader).round.teachers.map(\.id))
        }
        #expect(pooled == [boss])
        #expect(kept.isEmpty)
    }

    @Test("a numbered list is numbered in every format, and the JSON holds every block")
    func numberedAndJSON() throws {
        let document = ReportDocument(title: "T", sections: [.init("Outline", [
            .paragraph("Steps:"), .numbered(["The pair", "The *goals*"]), .list(["x"]), .table(header: ["a"], rows: [["1"]]),
        ])])
        #expect(document.markdown.contains("1. The pair\n2. The \\*goals\\*\n"))
        #expect(document.html(language: "en").contains("<ol>\n<li>The pair</li>\n<li>The *goals*</li>\n</ol>"))
        #expect(document.chatText.contains("1. The pair\n2. The *goals*"))
        let json = try #require(try JSONSerialization.jsonObject(with: try document.json()) as? [String: Any])
        let blocks = try #require((json["sections"] as? [[String: Any]])?.first?["blocks"] as? [[String: Any]])
        #expect(blocks.compactMap { $0["kind"] as? String } == ["paragraph", "numbered", "list", "table"])
        #expect(blocks[1]["items"] as? [String] == ["The pair", "The *goals*"])
    }

    @Test("a participant without a pair gets a clear error")
    func noPair() async throws {
        let fixture = try AssistantFixture()
        _ = try await fixture.assistant.open(participant: Self.anna)
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        await #expect(throws: ReportService.ReportError.self) { _ = try await service.participantReport(Self.anna, language: nil) }
    }
}
