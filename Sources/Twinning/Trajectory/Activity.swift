public import Foundation

/// Something a pair did together. It counts once for the pair, whoever logged it; the partner
/// is asked to confirm it.
public struct Activity: Sendable, Hashable, Codable {
    /// A stable id.
    public var id: String
    /// The pair it belongs to.
    public var pairID: String
    /// Who logged it.
    public var loggedBy: ParticipantID
    /// What kind of activity.
    public var kind: ActivityKind
    /// The day it took place.
    public var day: String
    /// Hours spent (per participant).
    public var hours: Double
    /// What happened.
    public var notes: String
    /// Whether it touched confidential matters.
    public var isConfidential: Bool
    /// When it was logged.
    public var loggedAt: Date
    /// When the partner confirmed it; `nil` while unconfirmed.
    public var confirmedAt: Date?

    /// Creates an activity.
    public init(id: String, pairID: String, loggedBy: ParticipantID, kind: ActivityKind, day: String, hours: Double,
                notes: String, isConfidential: Bool, loggedAt: Date, confirmedAt: Date? = nil) {
        self.id = id
        self.pairID = pairID
        self.loggedBy = loggedBy
        self.kind = kind
        self.day = day
        self.hours = hours
        self.notes = notes
        self.isConfidential = isConfidential
        self.loggedAt = loggedAt
        self.confirmedAt = confirmedAt
    }
}
