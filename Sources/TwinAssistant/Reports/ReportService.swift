public import DialogEngine
import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// Builds the reports: a pair's trajectory for a participant to hand to their manager, and the
/// anonymised programme overview for the coordinator.
public struct ReportService: Sendable {
    private let repository: any TwinRepository
    private let labels: OptionLabels
    private let clock: any WallClock
    private let coordinators: Set<ParticipantID>
    private let detector: BottleneckDetector

    /// Creates the service; option labels come from `program`'s dialogs. `coordinators` (the
    /// configuration's list) have a conversation but take no part: the programme report does not
    /// count them as participants. `detector` holds the configured bottleneck thresholds, for
    /// the scan the programme report makes first.
    public init(repository: any TwinRepository, program: Program, clock: any WallClock = SystemClock(),
                coordinators: Set<ParticipantID> = [], detector: BottleneckDetector = BottleneckDetector()) {
        self.repository = repository
        self.labels = OptionLabels(program: program)
        self.clock = clock
        self.coordinators = coordinators
        self.detector = detector
    }

    /// Why a report cannot be made.
    public enum ReportError: Error, CustomStringConvertible {
        case unknownParticipant(String)
        case noPair(String)

        public var description: String {
            switch self {
            case .unknownParticipant(let id): return "There is no participant \(id); check the id (CHANNEL:ID, e.g. repl:anna)."
            case .noPair(let id): return "\(id) is not in a confirmed pair yet, so there is no trajectory to report; the report is made from phase 2 on."
            }
        }
    }

    /// The trajectory report of `id`'s pair.
    public func participantReport(_ id: ParticipantID, language: Language?) async throws -> (ReportDocument, Language) {
        let now = clock.now()
        let data = try await repository.read { reader in try TrajectorySnapshot.read(id, in: reader) }
        let language = language ?? data.participant.language
        let labels = self.labels
        return (ParticipantReport(snapshot: data, now: now, language: language, label: { labels.label($0, $1, language) }).document, language)
    }

    /// The anonymised programme overview. Participants are the people taking part: not the
    /// coordinators (of the configuration or invited to the web as one), and not the anonymous stand-ins of erased people (their pairs are counted).
    public func programmeReport(language: Language) async throws -> ReportDocument {
        let now = clock.now(), coordinators = self.coordinators
        _ = try await BottleneckScan.scan(repository, detector: detector, now: now)
        let snapshot = try await repository.read { reader in try Self.programmeSnapshot(in: reader, coordinators: coordinators) }
        let labels = self.labels
        return ProgrammeReport(snapshot: snapshot, language: language, label: { labels.label($0, $1, language) }).document
    }
}

extension ReportService {
    /// Everything the programme report counts, read in `reader` — also what the coordinator's
    /// overview in the browser draws (`CoordinatorPages`), so both show the same numbers.
    /// Participants are the people taking part: not the `coordinators` of the configuration,
    /// not those invited to the web as one, not the anonymous stand-ins of erased people.
    static func programmeSnapshot(in reader: any TwinReader, coordinators: Set<ParticipantID>) throws -> ProgrammeSnapshot {
        let pairs = try reader.allPairs()
        var plans: [Plan] = [], activities: [Activity] = [], evaluations: [Evaluation] = []
        var organizations: [ParticipantID: String] = [:]
        for pair in pairs {
            if let plan = try reader.plan(of: pair.id) { plans.append(plan) }
            activities += try reader.activities(of: pair.id)
            for id in [pair.teacher, pair.professional] {
                guard let evaluation = try reader.evaluation(of: id, pairID: pair.id) else { continue }
                evaluations.append(evaluation)
                // The employer's view is summed per organisation: the evaluator's own.
                if let organization = try reader.profile(id)?.organization { organizations[id] = organization }
            }
        }
        let participants = try reader.participants().filter {
            try !$0.id.isErasedStandIn && !coordinators.contains($0.id) && !reader.isWebCoordinator($0.id)
        }
        return ProgrammeSnapshot(participants: participants, pairs: pairs, plans: plans, activities: activities,
                                 evaluations: evaluations, organizations: organizations, bottlenecks: try reader.openBottlenecks(of: nil))
    }
}

/// Everything the programme report counts.
struct ProgrammeSnapshot: Sendable {
    var participants: [Participant]
    var pairs: [Pair]
    var plans: [Plan]
    var activities: [Activity]
    var evaluations: [Evaluation]
    /// The organisation of each participant whose evaluation is counted (from their profile).
    var organizations: [ParticipantID: String]
    var bottlenecks: [Bottleneck]

    /// The numbers the report and the overview show.
    var figures: ProgrammeFigures {
        ProgrammeFigures(participants: participants, pairs: pairs, plans: plans, activities: activities, bottlenecks: bottlenecks)
    }
}
