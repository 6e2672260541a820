public import TwinLanguage

/// The programme at a glance, for the coordinator's overview in the browser: the programme
/// report's numbers (`ProgrammeFigures`), each pair's progress against the guideline, and the
/// open bottlenecks with their mitigations. A value the assistant reads from the store and the
/// web renders as charts with tables beside them; it names people — it is for the coordinator.
public struct ProgrammeAtAGlance: Sendable, Hashable {
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

    /// An open bottleneck of a pair, with what the programme advises.
    public struct OpenBottleneck: Sendable, Hashable {
        /// The pair's names.
        public var pair: String
        /// The kind.
        public var kind: Bottleneck.Kind
        /// The name of the participant it concerns, when it concerns one of the two.
        public var participant: String?
        /// What it is and the mitigations.
        public var description: LocalizedText

        /// Creates an entry.
        public init(pair: String, kind: Bottleneck.Kind, participant: String? = nil, description: LocalizedText) {
            self.pair = pair
            self.kind = kind
            self.participant = participant
            self.description = description
        }
    }

    /// The programme's numbers, counted as the programme report counts them (coordinators and
    /// erased people's stand-ins not counted as participants).
    public var figures: ProgrammeFigures
    /// The pairs not declined, in the order they were made.
    public var pairs: [PairLine]
    /// The name of each activity kind in the coordinator's language, as the dialogs word it.
    public var kindLabels: [ActivityKind: String]
    /// The open bottlenecks, each with its pair's names.
    public var bottlenecks: [OpenBottleneck]

    /// Creates an overview.
    public init(figures: ProgrammeFigures, pairs: [PairLine], kindLabels: [ActivityKind: String], bottlenecks: [OpenBottleneck]) {
        self.figures = figures
        self.pairs = pairs
        self.kindLabels = kindLabels
        self.bottlenecks = bottlenecks
    }
}
