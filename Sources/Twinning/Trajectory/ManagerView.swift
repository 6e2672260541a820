/// The employer's view of Job Twinning in a participant's closing evaluation: the evaluation
/// also exists to learn what the programme (and a follow-up to it) is worth to the employers, and
/// the participant's own guess is not their manager's word.
public struct ManagerView: Sendable, Hashable, Codable {
    /// Whether the participant talked with their manager about the value for the organisation.
    public var discussed: Bool
    /// How the manager values it; `nil` when they did not talk about it.
    public var valuation: ManagerValuation?
    /// Whether the manager sees value in a follow-up; `nil` when not known.
    public var wantsSequel: Bool?
    /// What the manager said, in the participant's words; optional.
    public var words: String?

    /// Creates the view.
    public init(discussed: Bool, valuation: ManagerValuation? = nil, wantsSequel: Bool? = nil, words: String? = nil) {
        self.discussed = discussed
        self.valuation = valuation
        self.wantsSequel = wantsSequel
        self.words = words
    }
}
