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
        let nl = language == .nl
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
            (nl ? "Deelnemer: " : "Participant: ") + describe(s.me),
            (nl ? "Partner: " : "Partner: ") + describe(s.partner, otherwise: partnerName),
            (nl ? "Fase: " : "Phase: ") + s.participant.phase.rawValue,
        ]
        if let confirmed = s.pair.confirmedAt { pairLines.append((nl ? "Duo sinds: " : "Pair since: ") + LocalDate(confirmed).iso) }
        sections.append(.init(nl ? "Het duo" : "The pair", [.list(pairLines)]))

        func goals(_ items: [Goal]) -> ReportDocument.Block {
            .list(items.isEmpty ? [nl ? "(geen)" : "(none)"] : items.map { $0.text + ($0.isLongTerm ? (nl ? " (lange termijn)" : " (long term)") : "") })
        }
        sections.append(.init(nl ? "Doelen" : "Goals", [
            .paragraph(nl ? "Doelen van \(myName):" : "\(myName)'s goals:"), goals(s.goals.filter { $0.owner == s.participant.id }),
            .paragraph(nl ? "Doelen van \(partnerName):" : "\(partnerName)'s goals:"), goals(s.goals.filter { $0.owner != nil && $0.owner != s.participant.id }),
            .paragraph(nl ? "Gezamenlijke doelen:" : "Joint goals:"), goals(s.goals.filter { $0.owner == nil }),
        ]))

        if let plan = s.plan {
            var lines = [
                (nl ? "Duur: \(plan.weeks) weken" : "Duration: \(plan.weeks) weeks"),
                (nl ? "Ontmoetingen: \(plan.meetings)" : "Meetings: \(plan.meetings)"),
                (nl ? "Uren per deelnemer: " : "Hours per participant: ") + Value.format(plan.hours, in: language),
                (nl ? "Periode: " : "Period: ") + plan.period,
                (nl ? "Werkafspraken: " : "Working agreements: ") + plan.agreements,
                plan.fixedAt.map { (nl ? "Vastgesteld op " : "Fixed on ") + LocalDate($0).iso } ?? (nl ? "Nog niet door beiden bevestigd" : "Not yet confirmed by both"),
            ]
            for (rule, reason) in plan.deviationReasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let advice = Guideline.advice(rule)
                lines.append((nl ? "Afwijking van de richtlijn: " : "Deviation from the guideline: ") + (nl ? advice.nl : advice.en) + (nl ? " Reden: " : " Reason: ") + reason)
            }
            sections.append(.init(nl ? "Planning" : "Plan", [.list(lines)]))
            let progress = Progress(plan: plan, activities: s.activities, now: now)
            sections.append(.init(nl ? "Voortgang" : "Progress", [.list([
                (nl ? "Ontmoetingen: " : "Meetings: ") + "\(progress.meetingsDone) / \(progress.meetingsPlanned)",
                (nl ? "Uren: " : "Hours: ") + "\(Value.format(progress.hoursDone, in: language)) / \(Value.format(progress.hoursPlanned, in: language))",
                (nl ? "Weken: " : "Weeks: ") + "\(progress.weeksElapsed) / \(progress.weeksPlanned)",
            ])]))
        }

        let rows = s.activities.map { activity in
            [activity.day, label("activity.type", activity.kind.rawValue), Value.format(activity.hours, in: language), activity.notes,
             activity.confirmedAt == nil ? (nl ? "nee" : "no") : (nl ? "ja" : "yes")]
        }
        sections.append(.init(nl ? "Activiteiten" : "Activities", rows.isEmpty ? [.paragraph(nl ? "Nog geen activiteiten." : "No activities yet.")] : [
            .table(header: nl ? ["Datum", "Soort", "Uren", "Wat er gebeurde", "Bevestigd"] : ["Date", "Kind", "Hours", "What happened", "Confirmed"], rows: rows),
        ]))

        if s.pair.status == .closed {
            for (who, evaluation) in [(myName, s.myEvaluation), (partnerName, s.partnerEvaluation)] {
                guard let evaluation else { continue }
                var blocks: [ReportDocument.Block] = []
                let outcomes = evaluation.outcomes.map { outcome -> String in
                    let goal = s.goals.first { $0.id == outcome.goalID }?.text ?? "?"
                    return "\(goal): \(label("evaluation.goal_result", outcome.result.rawValue))" + (outcome.note.map { " — \($0)" } ?? "")
                }
                if !outcomes.isEmpty { blocks.append(.list(outcomes)) }
                func values(_ slot: String, _ list: [String]) -> String { list.isEmpty ? "—" : list.map { label(slot, $0) }.joined(separator: ", ") }
                blocks.append(.list([
                    (nl ? "Wat hielp: " : "What helped: ") + values("evaluation.helpful_steps", evaluation.helpfulSteps),
                    (nl ? "Wat niet hielp: " : "What did not help: ") + values("evaluation.unhelpful_steps", evaluation.unhelpfulSteps),
                    (nl ? "Producten: " : "Products: ") + values("evaluation.products", evaluation.products),
                    (nl ? "Waarde voor de werkgever: " : "Value for the employer: ") + (evaluation.employerValue ?? "—"),
                    (nl ? "Vervolg: " : "Follow-up: ") + (evaluation.followUp.map { $0 ? (nl ? "ja" : "yes") : (nl ? "nee" : "no") } ?? "—"),
                ]))
                sections.append(.init((nl ? "Evaluatie van " : "Evaluation by ") + who, blocks))
            }
        }
        return ReportDocument(title: "Job Twinning — \(myName) & \(partnerName)", sections: sections)
    }
}
