public import Foundation

/// Finds the bottlenecks of one pair from its data and the time now.
public struct BottleneckDetector: Sendable {
    /// Weeks without an activity before it counts as a bottleneck.
    public var inactivityWeeks: Int
    /// Days a plan may wait for both confirmations.
    public var planConfirmationDays: Int
    /// Days after the plan was fixed within which each participant should have done the
    /// context check.
    public var contextCheckDays: Int

    /// Creates a detector.
    public init(inactivityWeeks: Int = 3, planConfirmationDays: Int = 14, contextCheckDays: Int = 14) {
        self.inactivityWeeks = inactivityWeeks
        self.planConfirmationDays = planConfirmationDays
        self.contextCheckDays = contextCheckDays
    }

    /// The bottlenecks of `pair` now. A pair whose partner was erased (an anonymous stand-in in
    /// its place) has only `partnerLeft`, for the partner who remains.
    ///
    /// `managerAgreements` holds the answer of every participant who did the context check: one
    /// without an entry has not done it. `clicks` are the answers to the click question, and
    /// `reports` the knelpunten the participants raised themselves; both stay open while the
    /// pair runs, since only the coordinator's conversation with the pair can settle them.
    public func detect(pair: Pair, plan: Plan?, activities: [Activity], managerAgreements: [ParticipantID: ManagerAgreement],
                       clicks: [ParticipantID: ClickAnswer] = [:], reports: [ReportedBottleneck] = [],
                       now: Date) -> [Bottleneck] {
        guard pair.status == .confirmed else { return [] }
        var found: [Bottleneck] = []
        func add(_ kind: Bottleneck.Kind, _ participant: ParticipantID? = nil) {
            found.append(Bottleneck(kind: kind, pairID: pair.id, participant: participant, detectedAt: now))
        }
        // A partner who was erased cannot log, confirm or evaluate anything: the one thing that
        // matters now is the coordinator's decision, not the figures of a trajectory that stopped.
        if pair.teacher.isErasedStandIn || pair.professional.isErasedStandIn {
            let remaining = [pair.teacher, pair.professional].first { !$0.isErasedStandIn }
            if let remaining { add(.partnerLeft, remaining) }
            return found
        }
        let start = pair.confirmedAt ?? pair.proposedAt
        if let plan, plan.fixedAt != nil {
            let lastActivity = activities.map(\.loggedAt).max() ?? plan.fixedAt ?? start
            if now.timeIntervalSince(lastActivity) > Double(inactivityWeeks) * 7 * 86_400 { add(.noActivity) }
            if Progress(plan: plan, activities: activities, now: now).isBehindOnHours { add(.hoursBehind) }
        } else if now.timeIntervalSince(plan?.proposedAt ?? start) > Double(planConfirmationDays) * 86_400 {
            add(.planNotConfirmed)
        }
        for (participant, agreement) in managerAgreements.sorted(by: { $0.key < $1.key }) where agreement != .yes {
            add(.managerAgreement, participant)
        }
        // Time and room are best agreed before the activities begin: the check is offered as
        // soon as the plan is fixed, and a participant who keeps postponing it is flagged.
        if let fixedAt = plan?.fixedAt, now.timeIntervalSince(fixedAt) > Double(contextCheckDays) * 86_400 {
            for participant in [pair.teacher, pair.professional] where managerAgreements[participant] == nil {
                add(.contextCheckMissing, participant)
            }
        }
        for participant in [pair.teacher, pair.professional] where clicks[participant] == .no {
            add(.noClick, participant)
        }
        var reporters: [ParticipantID] = []
        for report in reports where report.pairID == pair.id && !reporters.contains(report.participant) {
            reporters.append(report.participant)
            add(.reported, report.participant)
        }
        if let confidential = activities.first(where: \.isConfidential) {
            add(.confidentiality, confidential.loggedBy)
        }
        return found
    }
}
