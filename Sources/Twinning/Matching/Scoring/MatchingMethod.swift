/// How a matching round pairs the pool.
public enum MatchingMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// The largest total score (an optimal assignment).
    case optimal
    /// A stable matching (Gale–Shapley): no teacher and professional would both rather have
    /// each other than the partners they got. Teachers propose.
    case stable
}
