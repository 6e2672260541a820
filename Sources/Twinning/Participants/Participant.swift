public import Foundation
public import TwinLanguage

/// Someone taking part in the programme, as the assistant knows them.
public struct Participant: Sendable, Hashable, Codable {
    /// Who they are on their channel.
    public var id: ParticipantID
    /// The language they chose.
    public var language: Language
    /// Where they are in the programme.
    public var phase: Phase
    /// When they first wrote.
    public var createdAt: Date
    /// When they last wrote.
    public var lastActiveAt: Date

    /// Creates a participant.
    public init(id: ParticipantID, language: Language, phase: Phase = .matching, createdAt: Date, lastActiveAt: Date? = nil) {
        self.id = id
        self.language = language
        self.phase = phase
        self.createdAt = createdAt
        self.lastActiveAt = lastActiveAt ?? createdAt
    }
}
