/// One criterion's share of a pair's score, with its reason and whose wish it met.
public struct ScoreContribution: Sendable, Hashable {
    /// Which criterion.
    public var criterion: ScoreCriterion
    /// The points it adds (0 when it did not help).
    public var points: Double
    /// Why.
    public var reason: ScoreReason
    /// The partners who asked for this criterion, teacher first; empty when it always counts
    /// (the region). A criterion both chose is one contribution with both here, so that a
    /// reason is said once ("jullie allebei").
    public var wishedBy: [ParticipantID]

    /// Creates a contribution.
    public init(_ criterion: ScoreCriterion, _ points: Double, _ reason: ScoreReason, wishedBy: [ParticipantID] = []) {
        self.criterion = criterion
        self.points = points
        self.reason = reason
        self.wishedBy = wishedBy
    }
}
