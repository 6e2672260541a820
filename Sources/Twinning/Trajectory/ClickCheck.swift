public import Foundation

/// A participant's answer to the click question for one pair, with when they gave it.
public struct ClickCheck: Sendable, Hashable, Codable {
    /// Who answered.
    public var participant: ParticipantID
    /// The pair it is about.
    public var pairID: String
    /// The answer.
    public var answer: ClickAnswer
    /// When it was given.
    public var checkedAt: Date

    /// Creates an answer.
    public init(participant: ParticipantID, pairID: String, answer: ClickAnswer, checkedAt: Date) {
        self.participant = participant
        self.pairID = pairID
        self.answer = answer
        self.checkedAt = checkedAt
    }
}
