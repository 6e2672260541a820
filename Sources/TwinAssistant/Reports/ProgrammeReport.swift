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
        let nl = language == .nl
        let s = snapshot
        func share(_ count: Int, of total: Int) -> String {
            total == 0 ? "—" : "\(count) / \(total) (\(Int((Double(count) / Double(total) * 100).rounded())) %)"
        }
        var sections: [ReportDocument.Section] = []

        let phases = Phase.allCases.map { phase in [phase.rawValue, String(s.participants.filter { $0.phase == phase }.count)] }
        let statuses = [Pair.Status.proposed, .confirmed, .declined, .closed].map { status in
            [status.rawValue, String(s.pairs.filter { $0.status == status }.count)]
        }
        sections.append(.init(nl ? "Deelnemers en duo's" : "Participants and pairs", [
            .table(header: nl ? ["Fase", "Deelnemers"] : ["Phase", "Participants"], rows: phases),
            .table(header: nl ? ["Status van duo's", "Aantal"] : ["Pair status", "Count"], rows: statuses),
        ]))

        let fixed = s.plans.filter { $0.fixedAt != nil }
        sections.append(.init(nl ? "Richtlijn (vastgestelde planningen)" : "Guideline (fixed plans)", [.list([
            (nl ? "Minimaal drie maanden (13 weken): " : "At least three months (13 weeks): ") + share(fixed.filter { $0.weeks >= Guideline.minimumWeeks }.count, of: fixed.count),
            (nl ? "Zes tot acht ontmoetingen: " : "Six to eight meetings: ") + share(fixed.filter { Guideline.meetings.contains($0.meetings) }.count, of: fixed.count),
            (nl ? "Minimaal 20 uur: " : "At least 20 hours: ") + share(fixed.filter { $0.hours >= Guideline.minimumHours }.count, of: fixed.count),
            (nl ? "Met een reden afgeweken: " : "Deviated with a reason: ") + share(fixed.filter { !$0.deviationReasons.isEmpty }.count, of: fixed.count),
        ])]))

        let kinds = ActivityKind.allCases.map { kind in
            [label("activity.type", kind.rawValue), String(s.activities.filter { $0.kind == kind }.count)]
        }
        sections.append(.init(nl ? "Activiteiten" : "Activities", [
            .paragraph((nl ? "Totaal: " : "Total: ") + "\(s.activities.count); " + (nl ? "vertrouwelijk: " : "confidential: ") + "\(s.activities.filter(\.isConfidential).count)"),
            .table(header: nl ? ["Soort", "Aantal"] : ["Kind", "Count"], rows: kinds),
        ]))

        let outcomes = s.evaluations.flatMap(\.outcomes)
        let results = GoalResult.allCases.map { result in
            [label("evaluation.goal_result", result.rawValue), share(outcomes.filter { $0.result == result }.count, of: outcomes.count)]
        }
        let products = Dictionary(grouping: s.evaluations.flatMap(\.products), by: { $0 }).mapValues(\.count)
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { [label("evaluation.products", $0.key), String($0.value)] }
        sections.append(.init(nl ? "Doelen bereikt (afgeronde evaluaties)" : "Goals reached (completed evaluations)", [
            .table(header: nl ? ["Resultaat", "Aandeel"] : ["Result", "Share"], rows: results),
            .table(header: nl ? ["Product", "Aantal"] : ["Product", "Count"], rows: products.isEmpty ? [["—", "0"]] : products),
            .paragraph((nl ? "Willen verder samenwerken: " : "Want to continue: ")
                       + share(s.evaluations.filter { $0.followUp == true }.count, of: s.evaluations.filter { $0.finishedAt != nil }.count)),
        ]))

        let bottlenecks = Bottleneck.Kind.allCases.map { kind -> [String] in
            let description = Bottleneck.description(kind)
            return [kind.rawValue, String(s.bottlenecks.filter { $0.kind == kind }.count), nl ? description.nl : description.en]
        }.sorted { (Int($0[1]) ?? 0) > (Int($1[1]) ?? 0) }
        sections.append(.init(nl ? "Knelpunten (open) en verzachters" : "Bottlenecks (open) and mitigations", [
            .table(header: nl ? ["Knelpunt", "Open", "Wat helpt"] : ["Bottleneck", "Open", "What helps"], rows: bottlenecks),
        ]))
        return ReportDocument(title: nl ? "Job Twinning — programmaoverzicht" : "Job Twinning — programme overview", sections: sections)
    }
}
