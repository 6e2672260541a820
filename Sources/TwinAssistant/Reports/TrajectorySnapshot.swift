import Twinning
import TwinStore

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

    /// Reads `id`'s running or closed trajectory: from the command line (`jobtwin report`) and
    /// inside a chat turn's transaction (`show_report`), so that both show the same.
    static func read(_ id: ParticipantID, in reader: any TwinReader) throws -> TrajectorySnapshot {
        guard let participant = try reader.participant(id) else { throw ReportService.ReportError.unknownParticipant(id.description) }
        guard let pair = try reader.pairs(of: id).first(where: { $0.status == .confirmed || $0.status == .closed }),
              let partner = pair.partner(of: id) else { throw ReportService.ReportError.noPair(id.description) }
        return TrajectorySnapshot(
            participant: participant, pair: pair, me: try reader.profile(id), partner: try reader.profile(partner),
            partnerPhase: try reader.participant(partner)?.phase, goals: try reader.goals(of: pair.id),
            expectations: try reader.expectations(of: pair.id),
            plan: try reader.plan(of: pair.id), activities: try reader.activities(of: pair.id),
            myEvaluation: try reader.evaluation(of: id, pairID: pair.id),
            partnerEvaluation: try reader.evaluation(of: partner, pairID: pair.id))
    }
}
