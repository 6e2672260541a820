import Foundation
import Twinning

/// Read and write access inside one transaction.
public protocol TwinTransaction: TwinReader {
    /// Inserts or updates the participant.
    func save(_ participant: Participant) throws
    /// Records that the participant was active at `time` in `language`, and returns their
    /// phase; `nil` when there is no such participant. One statement, for the hot path.
    func touch(_ id: ParticipantID, language: String, at time: Date) throws -> Phase?
    /// Stores the conversation state of a participant (replacing the previous one).
    func saveSession(_ session: StoredSession) throws
    /// Stores the latest value of each given slot; a `nil` value removes the slot's answer.
    func saveAnswers(_ answers: [String: String?], for id: ParticipantID, at time: Date) throws
    /// Stores the participant's profile (replacing the previous one).
    func save(_ profile: Profile, for id: ParticipantID) throws
}
