/// How far a goal was reached, in the closing evaluation.
public enum GoalResult: String, Sendable, Hashable, Codable, CaseIterable {
    case reached
    case partly
    case notReached = "not_reached"
}
