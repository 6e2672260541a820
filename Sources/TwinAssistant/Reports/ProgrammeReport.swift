import DialogEngine
import Foundation
import Twinning
import TwinLanguage

/// The coordinator's overview of the whole programme, anonymised: counts and shares only, no
/// names of people. One exception, on purpose: the employers' view is summed per organisation,
/// with what the managers said in the participants' words — the evaluation exists also to show
/// what Job Twinning is worth to the employers, and that is known only per employer. The
/// participants are told so when they give those words.
struct ProgrammeReport {
    let snapshot: ProgrammeSnapshot
    let language: Language
    let label: (String, String) -> String

    var document: ReportDocument {
        let s = snapshot
        var sections: [ReportDocument.Section] = []

        let figures = s.figures
        let phases = Phase.allCases.map { phase in [phase.rawValue, String(figures.participants[phase] ?? 0)] }
        let statuses = ProgrammeFigures.statuses.map { status in [status.rawValue, String(figures.pairs[status] ?? 0)] }
        sections.append(.init(language.text(nl: "Deelnemers en duo's", en: "Participants and pairs"), [
            .table(header: [language.text(nl: "Fase", en: "Phase"), language.text(nl: "Deelnemers", en: "Participants")], rows: phases),
            .table(header: [language.text(nl: "Status van duo's", en: "Pair status"), language.text(nl: "Aantal", en: "Count")], rows: statuses),
        ]))

        sections.append(.init(language.text(nl: "Richtlijn (vastgestelde planningen)", en: "Guideline (fixed plans)"), [.list([
            language.text(nl: "Minimaal drie maanden (13 weken): ", en: "At least three months (13 weeks): ") + figures.minimumWeeks.text,
            language.text(nl: "Zes tot acht ontmoetingen: ", en: "Six to eight meetings: ") + figures.meetings.text,
            language.text(nl: "Minimaal 20 uur: ", en: "At least 20 hours: ") + figures.minimumHours.text,
            language.text(nl: "Met een reden afgeweken: ", en: "Deviated with a reason: ") + figures.deviatedWithReason.text,
        ])]))

        let kinds = ActivityKind.allCases.map { kind in [label("activity.type", kind.rawValue), String(figures.activities[kind] ?? 0)] }
        sections.append(.init(language.text(nl: "Activiteiten", en: "Activities"), [
            .paragraph(language.text(nl: "Totaal: ", en: "Total: ") + "\(figures.activitiesTotal); " + language.text(nl: "vertrouwelijk: ", en: "confidential: ") + "\(figures.confidentialActivities)"),
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

        sections.append(employersSection())

        let bottlenecks = Bottleneck.Kind.allCases.map { kind -> [String] in
            let description = Bottleneck.description(kind)
            return [kind.rawValue, String(figures.openBottlenecks[kind] ?? 0), description.text(in: language)]
        }.sorted { (Int($0[1]) ?? 0) > (Int($1[1]) ?? 0) }
        sections.append(.init(language.text(nl: "Knelpunten (open) en verzachters", en: "Bottlenecks (open) and mitigations"), [
            .table(header: [language.text(nl: "Knelpunt", en: "Bottleneck"), language.text(nl: "Open", en: "Open"), language.text(nl: "Wat helpt", en: "What helps")], rows: bottlenecks),
        ]))
        return ReportDocument(title: language.text(nl: "Job Twinning — programmaoverzicht", en: "Job Twinning — programme overview"), sections: sections)
    }

    /// `count` of `total` with its percentage ("3 / 4 (75 %)"), or "—" when nothing was counted.
    private func share(_ count: Int, of total: Int) -> String {
        ProgrammeFigures.Share(count: count, total: total).text
    }

    /// The employers' view per organisation, from the finished evaluations: how many there are,
    /// in how many the participant talked with their manager, how the managers value it, whether
    /// they see a follow-up, and their words. An organisation is its name as the participants
    /// wrote it, compared without case and surrounding spaces.
    private func employersSection() -> ReportDocument.Section {
        let unknown = language.text(nl: "(onbekend)", en: "(unknown)")
        var groups: [String: (name: String, evaluations: [Evaluation])] = [:]
        for evaluation in snapshot.evaluations where evaluation.finishedAt != nil {
            let name = snapshot.organizations[evaluation.participant]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let key = name.lowercased(), shown = name.isEmpty ? unknown : name
            groups[key, default: (shown, [])].evaluations.append(evaluation)
            // Of the spellings of one organisation the first in order, whatever the order read.
            if let current = groups[key]?.name, shown < current { groups[key]?.name = shown }
        }
        let ordered = groups.sorted { $0.key < $1.key }.map(\.value)
        func counted(_ counts: [(String, Int)]) -> String {
            let shown = counts.filter { $0.1 > 0 }.map { "\($0.0): \($0.1)" }
            return shown.isEmpty ? "—" : shown.joined(separator: "; ")
        }
        let rows = ordered.map { group -> [String] in
            let views = group.evaluations.compactMap(\.managerView).filter(\.discussed)
            return [
                group.name,
                String(group.evaluations.count),
                "\(views.count) / \(group.evaluations.count)",
                counted(ManagerValuation.allCases.map { valuation in (Self.valuation(valuation, language), views.filter { $0.valuation == valuation }.count) }),
                counted([(language.text(nl: "ja", en: "yes"), views.filter { $0.wantsSequel == true }.count),
                         (language.text(nl: "nee", en: "no"), views.filter { $0.wantsSequel == false }.count),
                         (language.text(nl: "weet niet", en: "not known"), views.filter { $0.wantsSequel == nil }.count)]),
            ]
        }
        let remarks = ordered.flatMap { group in
            group.evaluations.compactMap { $0.managerView?.words }.map { "\(group.name): “\($0)”" }
        }
        var blocks: [ReportDocument.Block] = [
            .table(header: [language.text(nl: "Organisatie", en: "Organisation"), language.text(nl: "Evaluaties", en: "Evaluations"),
                            language.text(nl: "Besproken met leidinggevende", en: "Discussed with manager"),
                            language.text(nl: "Oordeel leidinggevenden", en: "Managers' view"),
                            language.text(nl: "Vervolg volgens leidinggevenden", en: "Follow-up, as managers see it")],
                   rows: rows.isEmpty ? [["—", "0", "—", "—", "—"]] : rows),
        ]
        if !remarks.isEmpty {
            blocks += [.paragraph(language.text(nl: "Wat leidinggevenden zeiden:", en: "What managers said:")), .list(remarks)]
        }
        return .init(language.text(nl: "Waarde voor de werkgevers (afgeronde evaluaties)", en: "Value for the employers (completed evaluations)"), blocks)
    }

    /// A manager's valuation as the report names it.
    private static func valuation(_ valuation: ManagerValuation, _ language: Language) -> String {
        switch valuation {
        case .high: return language.text(nl: "zeer waardevol", en: "very valuable")
        case .some: return language.text(nl: "enigszins waardevol", en: "somewhat valuable")
        case .little: return language.text(nl: "weinig waardevol", en: "of little value")
        case .unknown: return language.text(nl: "niet gezegd", en: "not said")
        }
    }
}
