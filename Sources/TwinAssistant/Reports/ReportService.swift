public import DialogEngine
import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// Builds the reports: a pair's trajectory for a participant to hand to their manager, and the
/// anonymised programme overview for the coordinator.
public struct ReportService: Sendable {
    private let repository: any TwinRepository
    private let program: Program
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
        self.program = program
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

    private func label(_ slot: String, _ value: String, _ language: Language) -> String {
        program.question(for: slot)?.spec.options.first { $0.value == value }?.label.text(in: language) ?? value
    }

    /// The trajectory report of `id`'s pair.
    public func participantReport(_ id: ParticipantID, language: Language?) async throws -> (ReportDocument, Language) {
        let now = clock.now()
        let data = try await repository.read { reader -> TrajectorySnapshot in
            guard let participant = try reader.participant(id) else { throw ReportError.unknownParticipant(id.description) }
            guard let pair = try reader.pairs(of: id).first(where: { $0.status == .confirmed || $0.status == .closed }),
                  let partner = pair.partner(of: id) else { throw ReportError.noPair(id.description) }
            return TrajectorySnapshot(
                participant: participant, pair: pair, me: try reader.profile(id), partner: try reader.profile(partner),
                partnerPhase: try reader.participant(partner)?.phase, goals: try reader.goals(of: pair.id),
                expectations: try reader.expectations(of: pair.id),
                plan: try reader.plan(of: pair.id), activities: try reader.activities(of: pair.id),
                myEvaluation: try reader.evaluation(of: id, pairID: pair.id),
                partnerEvaluation: try reader.evaluation(of: partner, pairID: pair.id))
        }
        let language = language ?? data.participant.language
        return (ParticipantReport(snapshot: data, now: now, language: language, label: { label($0, $1, language) }).document, language)
    }

    /// The anonymised programme overview. Participants are the people taking part: not the
    /// coordinators, and not the anonymous stand-ins of erased people (their pairs are counted).
    public func programmeReport(language: Language) async throws -> ReportDocument {
        let now = clock.now(), coordinators = self.coordinators
        _ = try await BottleneckScan.scan(repository, detector: detector, now: now)
        let snapshot = try await repository.read { reader -> ProgrammeSnapshot in
            let pairs = try reader.allPairs()
            var plans: [Plan] = [], activities: [Activity] = [], evaluations: [Evaluation] = []
            for pair in pairs {
                if let plan = try reader.plan(of: pair.id) { plans.append(plan) }
                activities += try reader.activities(of: pair.id)
                for id in [pair.teacher, pair.professional] {
                    if let evaluation = try reader.evaluation(of: id, pairID: pair.id) { evaluations.append(evaluation) }
                }
            }
            let participants = try reader.participants().filter { !$0.id.isErasedStandIn && !coordinators.contains($0.id) }
            return ProgrammeSnapshot(participants: participants, pairs: pairs, plans: plans, activities: activities,
                                     evaluations: evaluations, bottlenecks: try reader.openBottlenecks(of: nil))
        }
        return ProgrammeReport(snapshot: snapshot, language: language, label: { label($0, $1, language) }).document
    }
}

/// Everything the participant report shows, read in one consistent view.
struct TrajectorySnapshot: Sendable {
    var participant: Participant
    var pair: Pair
    var me: Profile?
    var partner: Profile?
    var partnerPhase: Phase?
    var goals: [Goal]
    var expectations: [Expectation]
    var plan: Plan?
    var activities: [Activity]
    var myEvaluation: Evaluation?
    var partnerEvaluation: Evaluation?
}

/// Everything the programme report counts.
struct ProgrammeSnapshot: Sendable {
    var participants: [Participant]
    var pairs: [Pair]
    var plans: [Plan]
    var activities: [Activity]
    var evaluations: [Evaluation]
    var bottlenecks: [Bottleneck]
}
