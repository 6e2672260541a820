/// One criterion's share of a pair's score, with its reason.
public struct ScoreContribution: Sendable, Hashable {
    /// Which criterion.
    public var criterion: ScoreCriterion
    /// The points it adds (0 when it did not help).
    public var points: Double
    /// Why.
    public var reason: ScoreReason

    /// Creates a contribution.
    public init(_ criterion: ScoreCriterion, _ points: Double, _ reason: ScoreReason) {
        self.criterion = criterion
        self.points = points
        self.reason = reason
    }
}
