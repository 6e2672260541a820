import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// The reports, from a trajectory stored through the domain API.
@Suite("Reports")
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
            evaluation.followUp = true
            evaluation.finishedAt = now
            try tx.save(evaluation)
            var other = Evaluation(participant: bram, pairID: "p1", startedAt: now)
            other.outcomes = [.init(goalID: "g2", result: .reached, note: nil)]
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

        let html = document.html(language: "nl")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Bram &lt;Bakker&gt;"), "user text is escaped")
        #expect(!html.contains("<Bakker>"))

        let (english, _) = try await service.participantReport(Self.bram, language: nil)
        #expect(english.markdown.contains("## Evaluation by Bram \\<Bakker\\>"))
        #expect(english.markdown.contains("- Anna de Vries: Dat we elkaar eerlijk zeggen wat lukt"))
        #expect(english.markdown.contains("- Intended activities: Workplace visit, Training"))
        #expect(english.markdown.contains("- Also done, but not planned: Guest lesson"))
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

    @Test("a participant without a pair gets a clear error")
    func noPair() async throws {
        let fixture = try AssistantFixture()
        _ = try await fixture.assistant.open(participant: Self.anna)
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        await #expect(throws: ReportService.ReportError.self) { _ = try await service.participantReport(Self.anna, language: nil) }
    }
}
