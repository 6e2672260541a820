import DialogEngine
import Twinning
import TwinLanguage

/// The coordinator's overview of the whole programme, anonymised: counts and shares only, no
/// names or free texts.
struct ProgrammeReport {
    let snapshot: ProgrammeSnapshot
    let language: Language
    let label: (String, String) -> String

    var document: ReportDocument {
        let s = snapshot
        func share(_ count: Int, of total: Int) -> String {
            total == 0 ? "—" : "\(count) / \(total) (\(Int((Double(count) / Double(total) * 100).rounded())) %)"
        }
        var sections: [ReportDocument.Section] = []

        let phases = Phase.allCases.map { phase in [phase.rawValue, String(s.participants.filter { $0.phase == phase }.count)] }
        let statuses = [Pair.Status.proposed, .confirmed, .declined, .closed].map { status in
            [status.rawValue, String(s.pairs.filter { $0.status == status }.count)]
        }
        sections.append(.init(language.text(nl: "Deelnemers en duo's", en: "Participants and pairs"), [
            .table(header: [language.text(nl: "Fase", en: "Phase"), language.text(nl: "Deelnemers", en: "Participants")], rows: phases),
            .table(header: [language.text(nl: "Status van duo's", en: "Pair status"), language.text(nl: "Aantal", en: "Count")], rows: statuses),
        ]))

        let fixed = s.plans.filter { $0.fixedAt != nil }
        sections.append(.init(language.text(nl: "Richtlijn (vastgestelde planningen)", en: "Guideline (fixed plans)"), [.list([
            language.text(nl: "Minimaal drie maanden (13 weken): ", en: "At least three months (13 weeks): ") + share(fixed.filter { $0.weeks >= Guideline.minimumWeeks }.count, of: fixed.count),
            language.text(nl: "Zes tot acht ontmoetingen: ", en: "Six to eight meetings: ") + share(fixed.filter { Guideline.meetings.contains($0.meetings) }.count, of: fixed.count),
            language.text(nl: "Minimaal 20 uur: ", en: "At least 20 hours: ") + share(fixed.filter { $0.hours >= Guideline.minimumHours }.count, of: fixed.count),
            language.text(nl: "Met een reden afgeweken: ", en: "Deviated with a reason: ") + share(fixed.filter { !$0.deviationReasons.isEmpty }.count, of: fixed.count),
        ])]))

        let kinds = ActivityKind.allCases.map { kind in
            [label("activity.type", kind.rawValue), String(s.activities.filter { $0.kind == kind }.count)]
        }
        sections.append(.init(language.text(nl: "Activiteiten", en: "Activities"), [
            .paragraph(language.text(nl: "Totaal: ", en: "Total: ") + "\(s.activities.count); " + language.text(nl: "vertrouwelijk: ", en: "confidential: ") + "\(s.activities.filter(\.isConfidential).count)"),
            .table(header: [language.text(nl: "Soort", en: "Kind"), language.text(nl: "Aantal", en: "Count")], rows: kinds),
        ]))

        let outcomes = s.evaluations.flatMap(\.outcomes)
        let results = GoalResult.allCases.map { result in
            [label("evaluation.goal_result", result.rawValue), share(outcomes.filter { $0.result == result }.count, of: outcomes.count)]
        }
        let products = Dictionary(grouping: s.evaluations.flatMap(\.products), by: { $0 }).mapValues(\.count)
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { [label("evaluation.products", $0.key), String($0.value)] }
        sections.append(.init(language.text(nl: "Doelen bereikt (afgeronde evaluaties)", en: "Goals reached (completed evaluations)"), [
            .table(header: [language.text(nl: "Resultaat", en: "Result"), language.text(nl: "Aandeel", en: "Share")], rows: results),
            .table(header: [language.text(nl: "Product", en: "Product"), language.text(nl: "Aantal", en: "Count")], rows: products.isEmpty ? [["—", "0"]] : products),
            .paragraph(language.text(nl: "Willen verder samenwerken: ", en: "Want to continue: ")
                       + share(s.evaluations.filter { $0.followUp == true }.count, of: s.evaluations.filter { $0.finishedAt != nil }.count)),
        ]))

        let bottlenecks = Bottleneck.Kind.allCases.map { kind -> [String] in
            let description = Bottleneck.description(kind)
            return [kind.rawValue, String(s.bottlenecks.filter { $0.kind == kind }.count), description.text(in: language)]
        }.sorted { (Int($0[1]) ?? 0) > (Int($1[1]) ?? 0) }
        sections.append(.init(language.text(nl: "Knelpunten (open) en verzachters", en: "Bottlenecks (open) and mitigations"), [
            .table(header: [language.text(nl: "Knelpunt", en: "Bottleneck"), language.text(nl: "Open", en: "Open"), language.text(nl: "Wat helpt", en: "What helps")], rows: bottlenecks),
        ]))
        return ReportDocument(title: language.text(nl: "Job Twinning — programmaoverzicht", en: "Job Twinning — programme overview"), sections: sections)
    }
}
