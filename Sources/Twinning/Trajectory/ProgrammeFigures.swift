/// The programme's numbers, counted once: the programme report (`jobtwin report --programme`)
/// writes them as tables and the coordinator's overview in the browser draws them, so the two
/// cannot disagree. Counts only — no names.
public struct ProgrammeFigures: Sendable, Hashable {
    /// How many of `total` meet a norm.
    public struct Share: Sendable, Hashable {
        /// Those that meet it.
        public var count: Int
        /// All that were counted.
        public var total: Int

        /// Creates a share.
        public init(count: Int, total: Int) {
            self.count = count
            self.total = total
        }

        /// As the report and the overview write it: "3 / 4 (75 %)", or "—" when nothing was counted.
        public var text: String {
            total == 0 ? "—" : "\(count) / \(total) (\(Int((Double(count) / Double(total) * 100).rounded())) %)"
        }
    }

    /// Participants per phase (every phase present, zero included).
    public var participants: [Phase: Int]
    /// Pairs per status (every status present).
    public var pairs: [Pair.Status: Int]
    /// The fixed plans against the guideline: at least 13 weeks.
    public var minimumWeeks: Share
    /// Six to eight meetings.
    public var meetings: Share
    /// At least 20 hours.
    public var minimumHours: Share
    /// Kept a choice against the guideline and said why.
    public var deviatedWithReason: Share
    /// Activities per kind (every kind present).
    public var activities: [ActivityKind: Int]
    /// All activities.
    public var activitiesTotal: Int
    /// Those marked confidential.
    public var confidentialActivities: Int
    /// Open bottlenecks per kind (every kind present).
    public var openBottlenecks: [Bottleneck.Kind: Int]

    /// Counts `participants` (the people taking part: the caller leaves out coordinators and
    /// erased people's stand-ins), all `pairs`, their `plans` (only fixed ones against the
    /// guideline), their `activities` and the open `bottlenecks`.
    public init(participants: [Participant], pairs: [Pair], plans: [Plan], activities: [Activity], bottlenecks: [Bottleneck]) {
        func counted<Key: Hashable & CaseIterable, Item>(_ items: [Item], by key: (Item) -> Key) -> [Key: Int] {
            var counts = Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0, 0) })
            for item in items { counts[key(item), default: 0] += 1 }
            return counts
        }
        self.participants = counted(participants, by: \.phase)
        var statuses: [Pair.Status: Int] = [.proposed: 0, .confirmed: 0, .declined: 0, .closed: 0]
        for pair in pairs { statuses[pair.status, default: 0] += 1 }
        self.pairs = statuses
        let fixed = plans.filter { $0.fixedAt != nil }
        func share(_ meets: (Plan) -> Bool) -> Share { Share(count: fixed.filter(meets).count, total: fixed.count) }
        minimumWeeks = share { $0.weeks >= Guideline.minimumWeeks }
        meetings = share { Guideline.meetings.contains($0.meetings) }
        minimumHours = share { $0.hours >= Guideline.minimumHours }
        deviatedWithReason = share { !$0.deviationReasons.isEmpty }
        self.activities = counted(activities, by: \.kind)
        activitiesTotal = activities.count
        confidentialActivities = activities.filter(\.isConfidential).count
        openBottlenecks = counted(bottlenecks, by: \.kind)
    }

    /// The pair statuses in the order the report lists them.
    public static let statuses: [Pair.Status] = [.proposed, .confirmed, .declined, .closed]
}
