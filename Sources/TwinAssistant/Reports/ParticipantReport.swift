import DialogEngine
import Foundation
import Twinning
import TwinLanguage

/// A pair's trajectory as a document a participant can hand to their manager.
struct ParticipantReport {
    let snapshot: TrajectorySnapshot
    let now: Date
    let language: Language
    let label: (String, String) -> String

    var document: ReportDocument {
        let s = snapshot
        let myName = s.me?.name ?? s.participant.id.description
        let partnerID = s.pair.partner(of: s.participant.id)
        let partnerName = s.partner?.name ?? partnerID.map { StandInText.name($0, in: language) } ?? "—"
        var sections: [ReportDocument.Section] = []

        func describe(_ profile: Profile?, otherwise: String = "—") -> String {
            guard let profile else { return otherwise }
            return "\(profile.name), \(profile.role), \(profile.organization)"
        }
        var pairLines = [
            language.text(nl: "Deelnemer: ", en: "Participant: ") + describe(s.me),
            language.text(nl: "Partner: ", en: "Partner: ") + describe(s.partner, otherwise: partnerName),
            language.text(nl: "Fase: ", en: "Phase: ") + s.participant.phase.rawValue,
        ]
        if let confirmed = s.pair.confirmedAt { pairLines.append(language.text(nl: "Duo sinds: ", en: "Pair since: ") + LocalDate(confirmed).iso) }
        sections.append(.init(language.text(nl: "Het duo", en: "The pair"), [.list(pairLines)]))

        func goals(_ items: [Goal]) -> ReportDocument.Block {
            .list(items.isEmpty ? [language.text(nl: "(geen)", en: "(none)")] : items.map { $0.text + ($0.isLongTerm ? language.text(nl: " (lange termijn)", en: " (long term)") : "") })
        }
        sections.append(.init(language.text(nl: "Doelen", en: "Goals"), [
            .paragraph(language.text(nl: "Doelen van \(myName):", en: "\(myName)'s goals:")), goals(s.goals.filter { $0.owner == s.participant.id }),
            .paragraph(language.text(nl: "Doelen van \(partnerName):", en: "\(partnerName)'s goals:")), goals(s.goals.filter { $0.owner != nil && $0.owner != s.participant.id }),
            .paragraph(language.text(nl: "Gezamenlijke doelen:", en: "Joint goals:")), goals(s.goals.filter { $0.owner == nil }),
        ]))

        // Making expectations explicit is part of getting acquainted: both partners' words.
        let none = language.text(nl: "(niet beschreven)", en: "(not described)")
        sections.append(.init(language.text(nl: "Verwachtingen", en: "Expectations"), [.list([
            "\(myName): " + (s.expectations.first { $0.participant == s.participant.id }?.text ?? none),
            "\(partnerName): " + (s.expectations.first { $0.participant != s.participant.id }?.text ?? none),
        ])]))

        if let plan = s.plan {
            var lines = [
                language.text(nl: "Duur: \(plan.weeks) weken", en: "Duration: \(plan.weeks) weeks"),
                language.text(nl: "Ontmoetingen: \(plan.meetings)", en: "Meetings: \(plan.meetings)"),
                language.text(nl: "Uren per deelnemer: ", en: "Hours per participant: ") + Value.format(plan.hours, in: language),
                language.text(nl: "Periode: ", en: "Period: ") + plan.period,
                language.text(nl: "Werkafspraken: ", en: "Working agreements: ") + plan.agreements,
                language.text(nl: "Voorgenomen activiteiten: ", en: "Intended activities: ")
                    + (plan.intendedKinds.isEmpty ? "—" : TrajectoryText.kinds(plan.intendedKinds, language)),
                plan.fixedAt.map { language.text(nl: "Vastgesteld op ", en: "Fixed on ") + LocalDate($0).iso } ?? language.text(nl: "Nog niet door beiden bevestigd", en: "Not yet confirmed by both"),
            ]
            for (rule, reason) in plan.deviationReasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let advice = Guideline.advice(rule)
                lines.append(language.text(nl: "Afwijking van de richtlijn: ", en: "Deviation from the guideline: ") + advice.text(in: language) + language.text(nl: " Reden: ", en: " Reason: ") + reason)
            }
            sections.append(.init(language.text(nl: "Planning", en: "Plan"), [.list(lines)]))
            let progress = Progress(plan: plan, activities: s.activities, now: now)
            sections.append(.init(language.text(nl: "Voortgang", en: "Progress"), [.list([
                language.text(nl: "Ontmoetingen: ", en: "Meetings: ") + "\(progress.meetingsDone) / \(progress.meetingsPlanned)",
                language.text(nl: "Uren: ", en: "Hours: ") + "\(Value.format(progress.hoursDone, in: language)) / \(Value.format(progress.hoursPlanned, in: language))",
                language.text(nl: "Weken: ", en: "Weeks: ") + "\(progress.weeksElapsed) / \(progress.weeksPlanned)",
            ] + TrajectoryText.intendedActivities(progress.kinds, language: language).map { $0.trimmingCharacters(in: .whitespaces) })]))
        }

        let rows = s.activities.map { activity in
            [activity.day, label("activity.type", activity.kind.rawValue), Value.format(activity.hours, in: language), activity.notes,
             activity.confirmedAt == nil ? language.text(nl: "nee", en: "no") : language.text(nl: "ja", en: "yes")]
        }
        sections.append(.init(language.text(nl: "Activiteiten", en: "Activities"), rows.isEmpty ? [.paragraph(language.text(nl: "Nog geen activiteiten.", en: "No activities yet."))] : [
            .table(header: [language.text(nl: "Datum", en: "Date"), language.text(nl: "Soort", en: "Kind"), language.text(nl: "Uren", en: "Hours"), language.text(nl: "Wat er gebeurde", en: "What happened"), language.text(nl: "Bevestigd", en: "Confirmed")], rows: rows),
        ]))

        // The participant's own evaluation once they finished it, so that the report they get at
        // its end holds it; the partner's only when the trajectory is closed, so that neither
        // reads the other's answers before giving their own.
        let shown = [(myName, s.myEvaluation.flatMap { s.pair.status == .closed || $0.finishedAt != nil ? $0 : nil }),
                     (partnerName, s.pair.status == .closed ? s.partnerEvaluation : nil)]
        for (who, evaluation) in shown {
            guard let evaluation else { continue }
            var blocks: [ReportDocument.Block] = []
            let outcomes = evaluation.outcomes.map { outcome -> String in
                let goal = s.goals.first { $0.id == outcome.goalID }?.text ?? "?"
                return "\(goal): \(label("evaluation.goal_result", outcome.result.rawValue))" + (outcome.note.map { " — \($0)" } ?? "")
            }
            if !outcomes.isEmpty { blocks.append(.list(outcomes)) }
            func values(_ slot: String, _ list: [String]) -> String { list.isEmpty ? "—" : list.map { label(slot, $0) }.joined(separator: ", ") }
            blocks.append(.list([
                language.text(nl: "Wat hielp: ", en: "What helped: ") + values("evaluation.helpful_steps", evaluation.helpfulSteps),
                language.text(nl: "Wat niet hielp: ", en: "What did not help: ") + values("evaluation.unhelpful_steps", evaluation.unhelpfulSteps),
                language.text(nl: "Producten: ", en: "Products: ") + values("evaluation.products", evaluation.products),
                language.text(nl: "Waarde voor de werkgever: ", en: "Value for the employer: ") + (evaluation.employerValue ?? "—"),
            ] + managerLines(evaluation.managerView) + [
                language.text(nl: "Vervolg: ", en: "Follow-up: ") + yesNo(evaluation.followUp),
            ]))
            sections.append(.init(language.text(nl: "Evaluatie van ", en: "Evaluation by ") + who, blocks))
        }
        return ReportDocument(title: "Job Twinning — \(myName) & \(partnerName)", sections: sections)
    }

    private func yesNo(_ answer: Bool?) -> String {
        answer.map { $0 ? language.text(nl: "ja", en: "yes") : language.text(nl: "nee", en: "no") } ?? "—"
    }

    /// What the manager said about the value for the organisation; nothing for an evaluation
    /// from before it was asked.
    private func managerLines(_ view: ManagerView?) -> [String] {
        guard let view else { return [] }
        var lines = [language.text(nl: "Besproken met de leidinggevende: ", en: "Discussed with the manager: ") + yesNo(view.discussed)]
        guard view.discussed else { return lines }
        lines.append(language.text(nl: "Oordeel van de leidinggevende: ", en: "The manager's view: ")
                     + (view.valuation.map { label("evaluation.manager_value", $0.rawValue) } ?? "—"))
        lines.append(language.text(nl: "Vervolg volgens de leidinggevende: ", en: "Follow-up, as the manager sees it: ") + (view.wantsSequel.map { yesNo($0) } ?? label("evaluation.manager_sequel", "unknown")))
        if let words = view.words { lines.append(language.text(nl: "De leidinggevende: ", en: "The manager: ") + "“\(words)”") }
        return lines
    }
}
