/// The score of one teacher–professional pair and how it came about.
public struct PairScore: Sendable, Hashable {
    /// The teacher.
    public var teacher: ParticipantID
    /// The professional.
    public var professional: ParticipantID
    /// Every criterion's contribution, largest first.
    public var contributions: [ScoreContribution]

    /// The total score: the sum of the contributions, rounded to one decimal.
    public var total: Double {
        (contributions.reduce(0) { $0 + $1.points } * 10).rounded() / 10
    }

    /// Creates a score.
    public init(teacher: ParticipantID, professional: ParticipantID, contributions: [ScoreContribution]) {
        self.teacher = teacher
        self.professional = professional
        self.contributions = contributions.sorted { $0.points > $1.points }
    }
}
