public import Foundation

/// A development goal of a pair: one partner's own, or a joint one.
public struct Goal: Sendable, Hashable, Codable {
    /// A stable id.
    public var id: String
    /// The pair it belongs to.
    public var pairID: String
    /// Whose goal it is; `nil` for a joint goal of the pair.
    public var owner: ParticipantID?
    /// The goal in the participant's words.
    public var text: String
    /// Whether it is a long-term goal (which asks for a longer trajectory, as the programme guide says).
    public var isLongTerm: Bool
    /// When it was set.
    public var createdAt: Date

    /// Creates a goal.
    public init(id: String, pairID: String, owner: ParticipantID?, text: String, isLongTerm: Bool, createdAt: Date) {
        self.id = id
        self.pairID = pairID
        self.owner = owner
        self.text = text
        self.isLongTerm = isLongTerm
        self.createdAt = createdAt
    }
}
