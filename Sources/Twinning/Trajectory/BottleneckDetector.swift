public import Foundation

/// Finds the bottlenecks of one pair from its data and the time now.
public struct BottleneckDetector: Sendable {
    /// Weeks without an activity before it counts as a bottleneck.
    public var inactivityWeeks: Int
    /// Days a plan may wait for both confirmations.
    public var planConfirmationDays: Int

    /// Creates a detector.
    public init(inactivityWeeks: Int = 3, planConfirmationDays: Int = 14) {
        self.inactivityWeeks = inactivityWeeks
        self.planConfirmationDays = planConfirmationDays
    }

    /// The bottlenecks of `pair` now. A pair whose partner was erased (an anonymous stand-in in
    /// its place) has only `partnerLeft`, for the partner who remains.
    public func detect(pair: Pair, plan: Plan?, activities: [Activity], managerAgreements: [ParticipantID: ManagerAgreement],
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
        if let confidential = activities.first(where: \.isConfidential) {
            add(.confidentiality, confidential.loggedBy)
        }
        return found
    }
}
