public import Foundation

/// One participant's closing evaluation (phase 4): the goals, what helped, what was made, the
/// value for the employer — the participant's own view and what their manager said — and the
/// follow-up.
public struct Evaluation: Sendable, Hashable, Codable {
    /// One goal's outcome.
    public struct GoalOutcome: Sendable, Hashable, Codable {
        /// The goal.
        public var goalID: String
        /// How far it was reached.
        public var result: GoalResult
        /// What helped or hindered.
        public var note: String?

        /// Creates an outcome.
        public init(goalID: String, result: GoalResult, note: String?) {
            self.goalID = goalID
            self.result = result
            self.note = note
        }
    }

    /// Whose evaluation.
    public var participant: ParticipantID
    /// The pair.
    public var pairID: String
    /// Per goal.
    public var outcomes: [GoalOutcome]
    /// Steps of the process that helped.
    public var helpfulSteps: [String]
    /// Steps that did not help.
    public var unhelpfulSteps: [String]
    /// What was made (blog, interview, lesson series, …).
    public var products: [String]
    /// The value for the employer, in the participant's words.
    public var employerValue: String?
    /// What the participant's manager said about the value for the organisation; `nil` in an
    /// evaluation from before it was asked (stored evaluations decode without it).
    public var managerView: ManagerView?
    /// Whether they want to continue the collaboration.
    public var followUp: Bool?
    /// When it was started.
    public var startedAt: Date
    /// When it was finished; `nil` while under way.
    public var finishedAt: Date?

    /// Starts an evaluation.
    public init(participant: ParticipantID, pairID: String, startedAt: Date) {
        self.participant = participant
        self.pairID = pairID
        self.outcomes = []
        self.helpfulSteps = []
        self.unhelpfulSteps = []
        self.products = []
        self.startedAt = startedAt
    }
}
