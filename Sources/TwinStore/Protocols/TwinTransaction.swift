import Foundation
import Twinning

/// Read and write access inside one transaction.
public protocol TwinTransaction: TwinReader {
    /// Inserts or updates the participant.
    func save(_ participant: Participant) throws
    /// Stores the conversation state of a participant (replacing the previous one).
    func saveSession(_ session: StoredSession) throws
    /// Stores the latest value of each given slot; a `nil` value removes the slot's answer.
    func saveAnswers(_ answers: [String: String?], for id: ParticipantID, at time: Date) throws
    /// Stores the participant's profile (replacing the previous one).
    func save(_ profile: Profile, for id: ParticipantID) throws
}
