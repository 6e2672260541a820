import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The actions with which a participant signals how their trajectory goes, for phase 3: the
/// time estimate of the context check, the click question after the first meeting, and a
/// knelpunt they raise themselves. What they say goes to the coordinator, never to the partner.
enum SignalActions {
    static let signatures: [ActionSignature] = [
        ActionSignature(name: "show_time_estimate", summary: "Shows the plan's hours per participant and per week, as the realistic estimate to give the manager; returns the hours, or nothing without a plan.",
                        parameters: [], result: .number),
        ActionSignature(name: "click_check_due", summary: "Whether to ask the click question now: the participant logged or confirmed an activity of the pair and has not answered it yet (it is asked once).",
                        parameters: [], result: .bool),
        ActionSignature(name: "record_click", summary: "Records the answer to the click question (yes, somewhat, no) with the programme's advice; a no is a bottleneck for the coordinator. Returns the answer.",
                        parameters: [.init("answer", .text)], result: .text),
        ActionSignature(name: "report_bottleneck", summary: "Records a knelpunt the participant raises (no_click, no_time, partner_not_responding, confidentiality, other) with their words, tells the coordinators (bottleneck.reported; the partner is not told) and gives the programme's mitigations. Returns whether it was recorded.",
                        parameters: [.init("topic", .text), .init("words", .text, optional: true)], result: .bool),
    ]

    /// Runs a signal action; `nil` when `call` is not one of them.
    static func perform(_ call: ActionCall, participant: ParticipantID, tx: any TwinTransaction, now: Date) throws -> ActionResult? {
        guard signatures.contains(where: { $0.name == call.name }) else { return nil }
        guard let pair = try tx.pairs(of: participant).first(where: { $0.status == .confirmed }),
              pair.partner(of: participant) != nil else {
            return ActionResult(messages: [OutputMessage(.warning, TrajectoryText.noPair)])
        }
        switch call.name {
        case "show_time_estimate": return try showTimeEstimate(pair: pair, tx: tx)
        case "click_check_due": return try clickCheckDue(participant: participant, pair: pair, tx: tx)
        case "record_click": return try recordClick(call, participant: participant, pair: pair, tx: tx, now: now)
        case "report_bottleneck": return try reportBottleneck(call, participant: participant, pair: pair, tx: tx, now: now)
        default: return nil
        }
    }

    private static func showTimeEstimate(pair: Pair, tx: any TwinTransaction) throws -> ActionResult {
        guard let plan = try tx.plan(of: pair.id) else { return ActionResult(messages: [OutputMessage(.info, SignalText.noPlanEstimate)]) }
        return ActionResult(value: .number(plan.hours), messages: [OutputMessage(.info, SignalText.timeEstimate(plan))])
    }

    /// Due after the participant's first meeting: an activity they logged, or one of their
    /// partner's they confirmed (they were there). Asked once per participant and pair.
    private static func clickCheckDue(participant: ParticipantID, pair: Pair, tx: any TwinTransaction) throws -> ActionResult {
        guard try tx.clickCheck(of: participant, pairID: pair.id) == nil else { return ActionResult(value: .bool(false)) }
        let met = try tx.activities(of: pair.id).contains { $0.loggedBy == participant || $0.confirmedAt != nil }
        return ActionResult(value: .bool(met))
    }

    private static func recordClick(_ call: ActionCall, participant: ParticipantID, pair: Pair, tx: any TwinTransaction, now: Date) throws -> ActionResult {
        guard let answer = call["answer"].textValue.flatMap(ClickAnswer.init(rawValue:)) else { return ActionResult() }
        try tx.save(ClickCheck(participant: participant, pairID: pair.id, answer: answer, checkedAt: now))
        if answer == .no {
            try BottleneckScan.flag(Bottleneck(kind: .noClick, pairID: pair.id, participant: participant, detectedAt: now), in: tx)
        }
        return ActionResult(value: .text(answer.rawValue), messages: [OutputMessage(answer == .yes ? .info : .advice, SignalText.clickAdvice(answer))])
    }

    private static func reportBottleneck(_ call: ActionCall, participant: ParticipantID, pair: Pair, tx: any TwinTransaction, now: Date) throws -> ActionResult {
        guard let topic = call["topic"].textValue.flatMap(ReportedBottleneck.Topic.init(rawValue:)) else { return ActionResult(value: .bool(false)) }
        let words = call["words"].textValue?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try tx.save(ReportedBottleneck(pairID: pair.id, participant: participant, topic: topic,
                                           words: words?.isEmpty == false ? words : nil, reportedAt: now))
        // One open bottleneck per participant, but every report is news for the coordinator:
        // the event is recorded each time, not only when the bottleneck is new.
        _ = try tx.flag(Bottleneck(kind: .reported, pairID: pair.id, participant: participant, detectedAt: now))
        try tx.record(ProgrammeEvent(kind: .bottleneckReported, participants: [participant], pairID: pair.id, occurredAt: now))
        return ActionResult(value: .bool(true), messages: [
            OutputMessage(.advice, ReportedBottleneck.mitigations(topic)),
            OutputMessage(.info, SignalText.reportSent),
        ])
    }
}
