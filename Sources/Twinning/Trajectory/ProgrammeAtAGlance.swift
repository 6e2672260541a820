public import TwinLanguage

/// The programme at a glance, for the coordinator's overview in the browser: how many take part
/// in each phase, each pair's progress against the guideline, the activities by kind, and the
/// open bottlenecks with their mitigations. A value the assistant reads from the store and the
/// web renders as charts with tables beside them; it names people — it is for the coordinator.
public struct ProgrammeAtAGlance: Sendable, Hashable {
    /// How many participants are in one phase.
    public struct PhaseCount: Sendable, Hashable {
        /// The phase.
        public var phase: Phase
        /// Its participants.
        public var count: Int

        /// Creates a count.
        public init(phase: Phase, count: Int) {
            self.phase = phase
            self.count = count
        }
    }

    /// One pair and where it stands.
    public struct PairLine: Sendable, Hashable {
        /// The pair's id (for the link to its report).
        public var id: String
        /// The teacher's name and the professional's, as their profiles have them.
        public var names: String
        /// Proposed, confirmed or closed.
        public var status: Pair.Status
        /// What was done against the plan; `nil` before there is a plan.
        public var progress: Progress?

        /// Creates a line.
        public init(id: String, names: String, status: Pair.Status, progress: Progress?) {
            self.id = id
            self.names = names
            self.status = status
            self.progress = progress
        }
    }

    /// How many activities of one kind were logged.
    public struct KindCount: Sendable, Hashable {
        /// The kind's name in the coordinator's language.
        public var label: String
        /// How many.
        public var count: Int

        /// Creates a count.
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// An open bottleneck of a pair, with what the programme advises.
    public struct OpenBottleneck: Sendable, Hashable {
        /// The pair's names.
        public var pair: String
        /// The kind, as stored (`no_activity`, …).
        public var kind: String
        /// What it is and the mitigations.
        public var description: LocalizedText

        /// Creates an entry.
        public init(pair: String, kind: String, description: LocalizedText) {
            self.pair = pair
            self.kind = kind
            self.description = description
        }
    }

    /// Participants per phase, in the programme's order (coordinators and erased people's
    /// stand-ins not counted, as in the programme report).
    public var phases: [PhaseCount]
    /// The pairs not declined, in the order they were made.
    public var pairs: [PairLine]
    /// Activities per kind, the seven kinds of the programme guide (and "other") in order.
    public var kinds: [KindCount]
    /// The open bottlenecks.
    public var bottlenecks: [OpenBottleneck]

    /// Creates an overview.
    public init(phases: [PhaseCount], pairs: [PairLine], kinds: [KindCount], bottlenecks: [OpenBottleneck]) {
        self.phases = phases
        self.pairs = pairs
        self.kinds = kinds
        self.bottlenecks = bottlenecks
    }
}
