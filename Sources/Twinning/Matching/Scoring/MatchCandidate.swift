/// A participant in a matching round: who they are and their intake profile.
public struct MatchCandidate: Sendable, Hashable {
    /// The participant.
    public var id: ParticipantID
    /// Their profile.
    public var profile: Profile

    /// Creates a candidate.
    public init(id: ParticipantID, profile: Profile) {
        self.id = id
        self.profile = profile
    }
}
