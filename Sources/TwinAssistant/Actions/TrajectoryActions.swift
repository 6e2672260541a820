import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The actions of phases 2–4: goals, the two-party plan with the guideline's advice, activities
/// and their confirmation, progress, the context check and the closing evaluation.
enum TrajectoryActions {
    /// What every trajectory action works with: the participant, their confirmed pair and the
    /// transaction of the turn.
    struct Context {
        let participant: ParticipantID
        let pair: Pair
        let partner: ParticipantID
        let tx: any TwinTransaction
        let now: Date
    }

    static let signatures: [ActionSignature] = [
        ActionSignature(name: "add_goal", summary: "Adds a development goal (own, or joint for the pair); returns how many goals of that kind there are now.",
                        parameters: [.init("text", .text), .init("joint", .bool), .init("long_term", .bool)], result: .integer),
        ActionSignature(name: "show_goals", summary: "Shows the pair's goals, own, partner's and joint, and both partners' expectations; returns how many goals there are.",
                        parameters: [], result: .integer),
        ActionSignature(name: "show_partner_goals", summary: "Shows the partner's own goals and expectations, if any (nothing when there are none); returns how many goals of the partner there are.",
                        parameters: [], result: .integer),
        ActionSignature(name: "show_joint_goals", summary: "Shows the joint goals already there, if any (nothing when there are none); returns how many there are.",
                        parameters: [], result: .integer),
        ActionSignature(name: "save_expectations", summary: "Stores what the participant expects of the partner and the trajectory, replacing an earlier answer; the partner is told. Returns whether something was stored.",
                        parameters: [.init("text", .text)], result: .bool),
        ActionSignature(name: "check_plan", summary: "Checks plan figures against the guideline and shows the advice; returns the rules not met.",
                        parameters: [.init("weeks", .integer), .init("meetings", .integer), .init("hours", .number)], result: .list),
        ActionSignature(name: "propose_plan", summary: "Proposes (or changes) the pair's plan; the partner must confirm this version. Returns the plan status.",
                        parameters: [.init("weeks", .integer), .init("meetings", .integer), .init("hours", .number), .init("period", .text),
                                     .init("agreements", .text), .init("reason", .text, optional: true),
                                     .init("activities", .list, optional: true)], result: .text),
        ActionSignature(name: "show_plan", summary: "Shows the pair's plan and who has confirmed it; returns the plan status.",
                        parameters: [], result: .text),
        ActionSignature(name: "confirm_plan", summary: "Confirms the current version of the plan; when both have, the pair moves to phase 3. Returns the plan status.",
                        parameters: [], result: .text),
        ActionSignature(name: "log_activity", summary: "Logs an activity for the pair (the partner is asked to confirm it); a confidential one gets the programme guide's advice and a flag.",
                        parameters: [.init("type", .text), .init("date", .date), .init("hours", .number), .init("notes", .text),
                                     .init("confidential", .bool)], result: .bool),
        ActionSignature(name: "next_activity_to_confirm", summary: "Shows the oldest activity the partner logged that this participant has not confirmed; returns its id, or nothing.",
                        parameters: [], result: .text),
        ActionSignature(name: "confirm_activity", summary: "Confirms (true) or disputes (false) an activity the partner logged.",
                        parameters: [.init("activity", .text), .init("agree", .bool)], result: .bool),
        ActionSignature(name: "show_progress", summary: "Shows meetings, hours and weeks against the plan, and the intended kinds of activity against those done, with a nudge when behind; returns whether behind.",
                        parameters: [], result: .bool),
        ActionSignature(name: "record_manager_agreement", summary: "Records whether time and room are agreed with the manager (yes, partly, no) and gives the programme guide's advice.",
                        parameters: [.init("answer", .text)], result: .text),
        ActionSignature(name: "start_evaluation", summary: "Starts the closing evaluation: the participant moves to phase 4.",
                        parameters: [], result: .bool),
        ActionSignature(name: "next_goal_to_evaluate", summary: "Shows the next goal without a result in this participant's evaluation; returns its id, or nothing.",
                        parameters: [], result: .text),
        ActionSignature(name: "record_goal_result", summary: "Records how far a goal was reached (reached, partly, not_reached) and what helped or hindered.",
                        parameters: [.init("goal", .text), .init("result", .text), .init("note", .text, optional: true)], result: .bool),
        ActionSignature(name: "finish_evaluation", summary: "Completes the evaluation — with the employer's view: whether the participant talked with their manager (manager_discussed), how the manager values it (manager_value: high, some, little, unknown), whether the manager sees a follow-up (manager_sequel: yes, no, unknown) and the manager's words; the manager's answers count only when they talked. When both partners have finished, the trajectory closes. Returns closed or waiting.",
                        parameters: [.init("helpful_steps", .list), .init("unhelpful_steps", .list), .init("products", .list),
                                     .init("employer_value", .text, optional: true),
                                     .init("manager_discussed", .bool, optional: true), .init("manager_value", .text, optional: true),
                                     .init("manager_sequel", .text, optional: true), .init("manager_words", .text, optional: true),
                                     .init("follow_up", .bool)], result: .text),
    ]

    /// The actions that need a partner who takes part, with the value they return without one.
    static let needsPartner: [String: Value] = [
        "propose_plan": .text("none"), "confirm_plan": .text("none"), "log_activity": .bool(false), "confirm_activity": .bool(false),
    ]

    /// Runs a trajectory action; `nil` when `call` is not one of them.
    static func perform(_ call: ActionCall, participant: ParticipantID, tx: any TwinTransaction, now: Date) throws -> ActionResult? {
        guard signatures.contains(where: { $0.name == call.name }) else { return nil }
        guard let pair = try tx.pairs(of: participant).first(where: { $0.status == .confirmed || $0.status == .closed }),
              let partner = pair.partner(of: participant) else {
            return ActionResult(messages: [OutputMessage(.warning, TrajectoryText.noPair)])
        }
        let context = Context(participant: participant, pair: pair, partner: partner, tx: tx, now: now)
        // Without a partner (erased) nothing can be agreed or confirmed any more: the menu hides
        // these, and a replaced dialog gets the reason here. Looking back and the participant's
        // own evaluation go on.
        if partner.isErasedStandIn, let value = needsPartner[call.name] {
            return ActionResult(value: value, messages: [OutputMessage(.warning, TrajectoryText.partnerLeft)])
        }
        switch call.name {
        case "add_goal": return try addGoal(call, context)
        case "show_goals": return try showGoals(context)
        case "show_partner_goals": return try showPartnerGoals(context)
        case "show_joint_goals": return try showJointGoals(context)
        case "save_expectations": return try saveExpectations(call, context)
        case "check_plan": return try checkPlan(call, context)
        case "propose_plan": return try proposePlan(call, context)
        case "show_plan": return try showPlan(context)
        case "confirm_plan": return try confirmPlan(context)
        case "log_activity": return try logActivity(call, context)
        case "next_activity_to_confirm": return try nextActivityToConfirm(context)
        case "confirm_activity": return try confirmActivity(call, context)
        case "show_progress": return try showProgress(context)
        case "record_manager_agreement": return try recordManagerAgreement(call, context)
        case "start_evaluation": return try startEvaluation(context)
        case "next_goal_to_evaluate": return try nextGoalToEvaluate(context)
        case "record_goal_result": return try recordGoalResult(call, context)
        case "finish_evaluation": return try finishEvaluation(call, context)
        default: return nil
        }
    }

    // MARK: - Goals

    private static func addGoal(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        guard let text = call["text"].textValue, !text.isEmpty else { return ActionResult(value: .integer(0)) }
        let joint = call["joint"].boolValue ?? false
        let sequence = try c.tx.goals(of: c.pair.id).count
        try c.tx.save(Goal(id: orderedID(sequence), pairID: c.pair.id, owner: joint ? nil : c.participant, text: text,
                           isLongTerm: call["long_term"].boolValue ?? false, createdAt: c.now))
        let count = try c.tx.goals(of: c.pair.id).filter { joint ? $0.owner == nil : $0.owner == c.participant }.count
        if joint {
            try notifyPartner(c, kind: "goal.joint", TrajectoryText.partnerAddedJointGoal(try name(c.participant, c.tx), text))
        }
        return ActionResult(value: .integer(count))
    }

    private static func showGoals(_ c: Context) throws -> ActionResult {
        let goals = try c.tx.goals(of: c.pair.id)
        let expectations = try c.tx.expectations(of: c.pair.id)
        let partnerName = try partnerName(c)
        let text = LocalizedText { language in
            TrajectoryText.goals(goals, expectations: expectations, me: c.participant, partnerName: partnerName.text(in: language), language: language)
        }
        return ActionResult(value: .integer(goals.count), messages: [OutputMessage(.summary, text)])
    }

    /// Before writing one's own goals: what the partner already wrote, so that one can keep
    /// the partner's goals in mind and not write the same twice. Nothing when there is nothing.
    private static func showPartnerGoals(_ c: Context) throws -> ActionResult {
        let goals = try c.tx.goals(of: c.pair.id).filter { $0.owner == c.partner }
        let expectation = try c.tx.expectations(of: c.pair.id).first { $0.participant == c.partner }
        guard !goals.isEmpty || expectation != nil else { return ActionResult(value: .integer(0)) }
        let partnerName = try partnerName(c)
        let text = LocalizedText { language in
            TrajectoryText.partnerGoals(goals, expectation: expectation, partnerName: partnerName.text(in: language), language: language)
        }
        return ActionResult(value: .integer(goals.count), messages: [OutputMessage(.summary, text)])
    }

    /// Before writing joint goals: those the pair already has, whoever added them.
    private static func showJointGoals(_ c: Context) throws -> ActionResult {
        let goals = try c.tx.goals(of: c.pair.id).filter { $0.owner == nil }
        guard !goals.isEmpty else { return ActionResult(value: .integer(0)) }
        let text = LocalizedText { TrajectoryText.jointGoals(goals, language: $0) }
        return ActionResult(value: .integer(goals.count), messages: [OutputMessage(.summary, text)])
    }

    private static func saveExpectations(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        guard let text = call["text"].textValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            // Skipped: what was written before stays.
            return ActionResult(value: .bool(false))
        }
        let before = try c.tx.expectations(of: c.pair.id).first { $0.participant == c.participant }
        try c.tx.save(Expectation(pairID: c.pair.id, participant: c.participant, text: text, updatedAt: c.now))
        // The partner hears it once per new text, as with a joint goal: the same words again are no news.
        if before?.text != text {
            try notifyPartner(c, kind: "expectations.shared",
                              TrajectoryText.partnerSharedExpectations(try name(c.participant, c.tx), text, changed: before != nil))
        }
        return ActionResult(value: .bool(true))
    }

    // MARK: - The plan

    private static func deviations(_ call: ActionCall, _ c: Context) throws -> [GuidelineRule] {
        let longTerm = try c.tx.goals(of: c.pair.id).contains(where: \.isLongTerm)
        return Guideline.deviations(weeks: call["weeks"].integerValue ?? 0, meetings: call["meetings"].integerValue ?? 0,
                                    hours: call["hours"].doubleValue ?? 0, hasLongTermGoals: longTerm)
    }

    private static func checkPlan(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let rules = try deviations(call, c)
        let messages = rules.map { rule in
            let advice = Guideline.advice(rule)
            return OutputMessage(.advice, LocalizedText(nl: advice.nl, en: advice.en))
        }
        return ActionResult(value: .list(rules.map(\.rawValue)), messages: messages)
    }

    private static func proposePlan(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        let rules = try deviations(call, c)
        let reason = call["reason"].textValue
        let reasons = Dictionary(uniqueKeysWithValues: rules.compactMap { rule in reason.map { (rule, $0) } })
        let weeks = call["weeks"].integerValue ?? 0, meetings = call["meetings"].integerValue ?? 0, hours = call["hours"].doubleValue ?? 0
        let period = call["period"].textValue ?? "", agreements = call["agreements"].textValue ?? ""
        // Unknown values (a dialog's own option) are left out; each kind once, in the order chosen.
        var kinds: [ActivityKind] = []
        for kind in (call["activities"].listValue ?? []).compactMap(ActivityKind.init(rawValue:)) where !kinds.contains(kind) {
            kinds.append(kind)
        }
        var plan: Plan
        if var existing = try c.tx.plan(of: c.pair.id) {
            existing.revise(weeks: weeks, meetings: meetings, hours: hours, period: period, agreements: agreements,
                            by: c.participant, at: c.now, deviationReasons: reasons, intendedKinds: kinds)
            plan = existing
        } else {
            plan = Plan(pairID: c.pair.id, weeks: weeks, meetings: meetings, hours: hours, period: period, agreements: agreements,
                        proposedBy: c.participant, at: c.now, deviationReasons: reasons, intendedKinds: kinds)
        }
        try c.tx.save(plan)
        try c.tx.record(ProgrammeEvent(kind: .planAwaitingConfirmation, participants: [c.partner], pairID: c.pair.id, occurredAt: c.now))
        try notifyPartner(c, kind: "plan.changed", TrajectoryText.partnerProposedPlan(try name(c.participant, c.tx), version: plan.version))
        plan = try c.tx.plan(of: c.pair.id) ?? plan
        return ActionResult(value: .text(status(plan, c)), messages: [OutputMessage(.info, TrajectoryText.planProposed)])
    }

    private static func showPlan(_ c: Context) throws -> ActionResult {
        guard let plan = try c.tx.plan(of: c.pair.id) else {
            return ActionResult(value: .text("none"), messages: [OutputMessage(.info, TrajectoryText.noPlanYet)])
        }
        let partnerName = try partnerName(c)
        let me = c.participant, partner = c.partner
        let text = LocalizedText { language in
            TrajectoryText.plan(plan, me: me, partner: partner, partnerName: partnerName.text(in: language), language: language)
        }
        return ActionResult(value: .text(status(plan, c)), messages: [OutputMessage(.summary, text)])
    }

    private static func confirmPlan(_ c: Context) throws -> ActionResult {
        guard var plan = try c.tx.plan(of: c.pair.id) else {
            return ActionResult(value: .text("none"), messages: [OutputMessage(.info, TrajectoryText.noPlanYet)])
        }
        let becameFixed = plan.confirm(by: c.participant, partner: c.partner, at: c.now)
        try c.tx.save(plan)
        if becameFixed {
            for id in [c.pair.teacher, c.pair.professional] { try c.tx.setPhase(.activiteiten, for: id) }
            try c.tx.record(ProgrammeEvent(kind: .phaseCompleted, participants: [c.pair.teacher, c.pair.professional], pairID: c.pair.id, occurredAt: c.now))
            let partnerChecked = try c.tx.hasContextCheck(c.partner)
            try notifyPartner(c, kind: "plan.fixed", partnerChecked ? TrajectoryText.planFixed : TrajectoryText.planFixedForPartner)
            return ActionResult(value: .text("fixed"), messages: [OutputMessage(.info, TrajectoryText.planFixed)])
        }
        if plan.isConfirmed(by: c.partner) {
            // A change of a plan that was fixed before, now confirmed by both: agreed again.
            try notifyPartner(c, kind: "plan.agreed", TrajectoryText.planChangeAgreed)
            return ActionResult(value: .text("fixed"), messages: [OutputMessage(.info, TrajectoryText.planChangeAgreed)])
        }
        return ActionResult(value: .text(status(plan, c)), messages: [OutputMessage(.info, TrajectoryText.planConfirmedWaiting(try name(c.partner, c.tx)))])
    }

    /// `fixed` (both confirmed this version), `awaiting_me`, `awaiting_partner`.
    static func status(_ plan: Plan, _ c: Context) -> String {
        if plan.isConfirmed(by: c.participant), plan.isConfirmed(by: c.partner) { return "fixed" }
        return plan.isConfirmed(by: c.participant) ? "awaiting_partner" : "awaiting_me"
    }

    // MARK: - Activities

    private static func logActivity(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        guard let kind = call["type"].textValue.flatMap(ActivityKind.init(rawValue:)) else { return ActionResult(value: .bool(false)) }
        let confidential = call["confidential"].boolValue ?? false
        let sequence = try c.tx.activities(of: c.pair.id).count
        let activity = Activity(id: orderedID(sequence), pairID: c.pair.id, loggedBy: c.participant, kind: kind,
                                day: call["date"].dateValue?.iso ?? LocalDate(c.now).iso, hours: call["hours"].doubleValue ?? 0,
                                notes: call["notes"].textValue ?? "", isConfidential: confidential, loggedAt: c.now)
        try c.tx.save(activity)
        try notifyPartner(c, kind: "activity.logged", TrajectoryText.partnerLoggedActivity(try name(c.participant, c.tx)))
        if !c.partner.isErasedStandIn {
            try c.tx.record(ProgrammeEvent(kind: .activityAwaitingConfirmation, participants: [c.partner], pairID: c.pair.id, occurredAt: c.now))
        }
        var messages = [OutputMessage(.info, TrajectoryText.activityLogged)]
        if confidential {
            let description = Bottleneck.description(.confidentiality)
            messages.append(OutputMessage(.advice, LocalizedText(nl: description.nl, en: description.en)))
            try BottleneckScan.flag(Bottleneck(kind: .confidentiality, pairID: c.pair.id, participant: c.participant, detectedAt: c.now), in: c.tx)
        }
        return ActionResult(value: .bool(true), messages: messages)
    }

    private static func nextActivityToConfirm(_ c: Context) throws -> ActionResult {
        guard let activity = try c.tx.activities(of: c.pair.id).first(where: { $0.loggedBy == c.partner && $0.confirmedAt == nil }) else {
            return ActionResult(messages: [OutputMessage(.info, TrajectoryText.nothingToConfirm)])
        }
        let partnerName = try name(c.partner, c.tx)
        let text = LocalizedText { language in TrajectoryText.activity(activity, by: partnerName, language: language) }
        return ActionResult(value: .text(activity.id), messages: [OutputMessage(.summary, text)])
    }

    private static func confirmActivity(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        guard let id = call["activity"].textValue,
              var activity = try c.tx.activities(of: c.pair.id).first(where: { $0.id == id && $0.loggedBy == c.partner }) else {
            return ActionResult(value: .bool(false))
        }
        if call["agree"].boolValue == true {
            activity.confirmedAt = c.now
            try c.tx.save(activity)
            return ActionResult(value: .bool(true), messages: [OutputMessage(.info, TrajectoryText.activityConfirmed)])
        }
        try notifyPartner(c, kind: "activity.disputed", TrajectoryText.activityDisputed(try name(c.participant, c.tx)))
        return ActionResult(value: .bool(false), messages: [OutputMessage(.info, TrajectoryText.activityDisputeSent)])
    }

    private static func showProgress(_ c: Context) throws -> ActionResult {
        guard let plan = try c.tx.plan(of: c.pair.id) else {
            return ActionResult(value: .bool(false), messages: [OutputMessage(.info, TrajectoryText.noPlanYet)])
        }
        let progress = Progress(plan: plan, activities: try c.tx.activities(of: c.pair.id), now: c.now)
        var messages = [OutputMessage(.summary, LocalizedText { TrajectoryText.progress(progress, language: $0) })]
        let behind = progress.isBehindOnMeetings || progress.isBehindOnHours
        if behind { messages.append(OutputMessage(.advice, TrajectoryText.behindNudge)) }
        return ActionResult(value: .bool(behind), messages: messages)
    }

    private static func recordManagerAgreement(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        guard let agreement = call["answer"].textValue.flatMap(ManagerAgreement.init(rawValue:)) else { return ActionResult() }
        try c.tx.saveManagerAgreement(agreement, for: c.participant, at: c.now)
        var messages = [OutputMessage(agreement == .yes ? .info : .advice, TrajectoryText.managerAdvice(agreement))]
        messages.append(OutputMessage(.advice, TrajectoryText.flexibilityTips))
        if agreement != .yes {
            try BottleneckScan.flag(Bottleneck(kind: .managerAgreement, pairID: c.pair.id, participant: c.participant, detectedAt: c.now), in: c.tx)
        }
        return ActionResult(value: .text(agreement.rawValue), messages: messages)
    }

    // MARK: - The closing evaluation

    private static func startEvaluation(_ c: Context) throws -> ActionResult {
        if try c.tx.evaluation(of: c.participant, pairID: c.pair.id) == nil {
            try c.tx.save(Evaluation(participant: c.participant, pairID: c.pair.id, startedAt: c.now))
        }
        try c.tx.setPhase(.afronding, for: c.participant)
        return ActionResult(value: .bool(true))
    }

    private static func nextGoalToEvaluate(_ c: Context) throws -> ActionResult {
        let evaluation = try c.tx.evaluation(of: c.participant, pairID: c.pair.id)
        let done = Set(evaluation?.outcomes.map(\.goalID) ?? [])
        let goals = try c.tx.goals(of: c.pair.id).filter { $0.owner == nil || $0.owner == c.participant }
        guard let goal = goals.first(where: { !done.contains($0.id) }) else { return ActionResult() }
        let text = LocalizedText(nl: "\(goal.owner == nil ? "Gezamenlijk doel" : "Jouw doel"): \(goal.text)",
                                 en: "\(goal.owner == nil ? "Joint goal" : "Your goal"): \(goal.text)")
        return ActionResult(value: .text(goal.id), messages: [OutputMessage(.info, text)])
    }

    private static func recordGoalResult(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        guard let goalID = call["goal"].textValue, let result = call["result"].textValue.flatMap(GoalResult.init(rawValue:)) else {
            return ActionResult(value: .bool(false))
        }
        var evaluation = try c.tx.evaluation(of: c.participant, pairID: c.pair.id) ?? Evaluation(participant: c.participant, pairID: c.pair.id, startedAt: c.now)
        evaluation.outcomes.removeAll { $0.goalID == goalID }
        evaluation.outcomes.append(.init(goalID: goalID, result: result, note: call["note"].textValue))
        try c.tx.save(evaluation)
        return ActionResult(value: .bool(true))
    }

    private static func finishEvaluation(_ call: ActionCall, _ c: Context) throws -> ActionResult {
        var evaluation = try c.tx.evaluation(of: c.participant, pairID: c.pair.id) ?? Evaluation(participant: c.participant, pairID: c.pair.id, startedAt: c.now)
        evaluation.helpfulSteps = call["helpful_steps"].listValue ?? []
        evaluation.unhelpfulSteps = call["unhelpful_steps"].listValue ?? []
        evaluation.products = call["products"].listValue ?? []
        evaluation.employerValue = call["employer_value"].textValue
        evaluation.managerView = managerView(call)
        evaluation.followUp = call["follow_up"].boolValue
        evaluation.finishedAt = c.now
        try c.tx.save(evaluation)
        if c.partner.isErasedStandIn {
            // A partner who was erased will not evaluate: the trajectory closes with this one.
            var pair = c.pair
            pair.status = .closed
            try c.tx.save(pair)
            try c.tx.setPhase(.afgerond, for: c.participant)
            return ActionResult(value: .text("closed"), messages: [OutputMessage(.info, TrajectoryText.trajectoryClosedAlone)])
        }
        guard try c.tx.evaluation(of: c.partner, pairID: c.pair.id)?.finishedAt != nil else {
            try notifyPartner(c, kind: "evaluation.finished", TrajectoryText.partnerFinishedEvaluation(try name(c.participant, c.tx)))
            return ActionResult(value: .text("waiting"), messages: [OutputMessage(.info, TrajectoryText.evaluationWaiting(try name(c.partner, c.tx)))])
        }
        var pair = c.pair
        pair.status = .closed
        try c.tx.save(pair)
        for id in [pair.teacher, pair.professional] { try c.tx.setPhase(.afgerond, for: id) }
        try c.tx.record(ProgrammeEvent(kind: .trajectoryClosed, participants: [pair.teacher, pair.professional], pairID: pair.id, occurredAt: c.now))
        try notifyPartner(c, kind: "trajectory.closed", TrajectoryText.trajectoryClosed)
        return ActionResult(value: .text("closed"), messages: [OutputMessage(.info, TrajectoryText.trajectoryClosed)])
    }

    /// The manager's view from the call. Their answers count only when the participant talked
    /// with them: after going back and answering 'no', answers given before are not theirs.
    private static func managerView(_ call: ActionCall) -> ManagerView? {
        guard let discussed = call["manager_discussed"].boolValue else { return nil }
        guard discussed else { return ManagerView(discussed: false) }
        let sequel: Bool? = switch call["manager_sequel"].textValue {
        case "yes": true
        case "no": false
        default: nil
        }
        return ManagerView(discussed: true, valuation: call["manager_value"].textValue.flatMap(ManagerValuation.init(rawValue:)),
                           wantsSequel: sequel, words: call["manager_words"].textValue)
    }

    // MARK: - Helpers

    /// A new id that sorts after the pair's `sequence` earlier ones: the store orders goals and
    /// activities by time and then id, so records made at the same instant (a test clock) keep
    /// the order in which they were made.
    private static func orderedID(_ sequence: Int) -> String {
        let number = String(sequence)
        return String(repeating: "0", count: max(0, 6 - number.count)) + number + "-" + UUID().uuidString.lowercased()
    }

    private static func name(_ id: ParticipantID, _ tx: any TwinTransaction) throws -> String {
        try tx.profile(id)?.name ?? id.description
    }

    /// The partner's name in each language: their profile's, or the words for an erased partner.
    private static func partnerName(_ c: Context) throws -> LocalizedText {
        if let name = try c.tx.profile(c.partner)?.name { return LocalizedText(nl: name, en: name) }
        return LocalizedText { StandInText.name(c.partner, in: $0) }
    }

    /// Leaves a notice for the partner's next turn; an erased partner gets none.
    private static func notifyPartner(_ c: Context, kind: String, _ text: LocalizedText) throws {
        guard !c.partner.isErasedStandIn else { return }
        try c.tx.add(Notice(participant: c.partner, kind: kind, nl: text.nl, en: text.en, createdAt: c.now))
    }
}
