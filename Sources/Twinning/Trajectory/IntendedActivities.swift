/// The kinds of activity a pair intended in its plan, against the kinds it did.
///
/// The plan is where the partners say which activities they want to undertake; comparing that
/// with what happened shows both whether something planned is still to come and what they did
/// on the way that they had not planned. Only confirmed activities count as done: an activity
/// the partner has not recognised yet is not an agreed fact of the pair.
public struct IntendedActivities: Sendable, Hashable {
    /// One intended kind and whether an activity of that kind was done.
    public struct Item: Sendable, Hashable {
        /// The kind the plan names.
        public var kind: ActivityKind
        /// How many confirmed activities of this kind there are.
        public var timesDone: Int
        /// How many of this kind are logged but not confirmed yet: not done, but on the way.
        public var timesAwaitingConfirmation: Int

        /// Whether at least one was done.
        public var isDone: Bool { timesDone > 0 }
    }

    /// The plan's kinds, in the plan's order, each with what was done of it.
    public var intended: [Item]
    /// Kinds of confirmed activities the plan did not name, in the order of `ActivityKind`.
    public var unplannedDone: [ActivityKind]

    /// Compares the plan's kinds with the confirmed activities among `activities`.
    public init(plan: Plan, activities: [Activity]) {
        let confirmed = activities.filter { $0.confirmedAt != nil }
        var seen: Set<ActivityKind> = []
        intended = plan.intendedKinds.compactMap { kind in
            guard seen.insert(kind).inserted else { return nil }
            return Item(kind: kind, timesDone: confirmed.filter { $0.kind == kind }.count,
                        timesAwaitingConfirmation: activities.filter { $0.kind == kind && $0.confirmedAt == nil }.count)
        }
        let done = Set(confirmed.map(\.kind))
        unplannedDone = ActivityKind.allCases.filter { done.contains($0) && !seen.contains($0) }
    }

    /// Whether there is anything to compare: the plan names kinds, or something was done.
    public var isEmpty: Bool { intended.isEmpty && unplannedDone.isEmpty }
}
