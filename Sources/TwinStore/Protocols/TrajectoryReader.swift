public import Foundation
public import Twinning

/// Read access to the trajectories of phases 2–4: goals, expectations, plans, activities, context
/// checks, click checks, evaluations, bottlenecks (detected or raised by a participant) and the
/// notices waiting for a participant.
public protocol TrajectoryReader {
    /// The pair's goals, oldest first.
    func goals(of pairID: String) throws -> [Goal]
    /// The expectations the pair's partners wrote, oldest first.
    func expectations(of pairID: String) throws -> [Expectation]
    /// The pair's plan, once one was proposed.
    func plan(of pairID: String) throws -> Plan?
    /// The pair's activities, oldest first.
    func activities(of pairID: String) throws -> [Activity]
    /// The participant's latest manager agreement answer.
    func managerAgreement(of id: ParticipantID) throws -> ManagerAgreement?
    /// Whether the participant did the context check; one small query, for the facts of every
    /// turn in phases 2 and 3.
    func hasContextCheck(_ id: ParticipantID) throws -> Bool
    /// The participant's answer to the click question about the pair, once they gave one.
    func clickCheck(of id: ParticipantID, pairID: String) throws -> ClickCheck?
    /// The answers to the click question about the pair, oldest first.
    func clickChecks(of pairID: String) throws -> [ClickCheck]
    /// The knelpunten the pair's participants raised themselves, oldest first.
    func reportedBottlenecks(of pairID: String) throws -> [ReportedBottleneck]
    /// The participant's evaluation of the pair's trajectory.
    func evaluation(of id: ParticipantID, pairID: String) throws -> Evaluation?
    /// Whether the participant's evaluation of the pair is finished; `nil` when none was begun.
    /// One small query, for the facts of every turn.
    func evaluationFinished(of id: ParticipantID, pairID: String) throws -> Bool?
    /// Whether `author` logged an activity of the pair that is not confirmed yet. One small
    /// query, for the facts of every turn.
    func hasUnconfirmedActivity(of pairID: String, loggedBy author: ParticipantID) throws -> Bool
    /// The open (unresolved) bottlenecks, of one pair or of all.
    func openBottlenecks(of pairID: String?) throws -> [Bottleneck]
    /// Notices not yet shown to the participant, oldest first.
    func pendingNotices(for id: ParticipantID) throws -> [Notice]
    /// Every notice of `kind` left for the participant, shown or not, oldest first.
    func notices(for id: ParticipantID, kind: String) throws -> [Notice]
}

/// Write access to the trajectories, inside a transaction.
public protocol TrajectoryWriter {
    /// Adds a goal.
    func save(_ goal: Goal) throws
    /// Removes a goal.
    func deleteGoal(_ id: String) throws
    /// Stores a participant's expectations of a pair, replacing what they wrote before.
    func save(_ expectation: Expectation) throws
    /// Stores the pair's plan (replacing the previous version).
    func save(_ plan: Plan) throws
    /// Stores an activity (inserting or replacing it).
    func save(_ activity: Activity) throws
    /// Records the participant's manager agreement.
    func saveManagerAgreement(_ agreement: ManagerAgreement, for id: ParticipantID, at time: Date) throws
    /// Stores the participant's answer to the click question (replacing an earlier one).
    func save(_ click: ClickCheck) throws
    /// Stores a knelpunt a participant raised; returns it with its id.
    func save(_ report: ReportedBottleneck) throws -> ReportedBottleneck
    /// Stores an evaluation (replacing the previous state of it).
    func save(_ evaluation: Evaluation) throws
    /// Records a bottleneck unless the same one is already open; returns whether it is new.
    func flag(_ bottleneck: Bottleneck) throws -> Bool
    /// Marks open bottlenecks of the pair that are no longer detected as resolved.
    func resolveBottlenecks(of pairID: String, except current: [Bottleneck], at time: Date) throws
    /// Leaves a message for the participant's next turn.
    func add(_ notice: Notice) throws
    /// Marks the participant's pending notices as shown.
    func markNoticesShown(for id: ParticipantID, at time: Date) throws
}
