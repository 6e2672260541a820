import Foundation
public import Twinning

/// What erasing a participant did: who took their place in shared data, which pairs they were
/// in, and whether the file was compacted afterwards. Handed to the follow-up that runs in the
/// erasure's own transaction (an audit line, notices for partners), and returned to the caller.
public struct ErasedParticipant: Sendable, Hashable {
    /// The anonymous stand-in (`erased:…`) that replaced the person in shared data.
    public var standIn: ParticipantID
    /// The pairs the person was in, as they were just before the erasure (with the person's
    /// own id, and a proposal still `proposed`; the erasure itself declines it).
    public var pairsBefore: [Pair]
    /// How many rows were deleted or changed.
    public var rowsChanged: Int
    /// Whether the WAL was checkpointed and the file vacuumed afterwards. When it was not (the
    /// disk was full, say), the erasure itself still stands — deleted content was overwritten in
    /// place — and the next erasure or purge compacts the file.
    public var compacted: Bool
    /// Why the file could not be compacted, when it could not.
    public var compactionProblem: String?

    /// Creates the description of an erasure.
    public init(standIn: ParticipantID, pairsBefore: [Pair], rowsChanged: Int, compacted: Bool = true, compactionProblem: String? = nil) {
        self.standIn = standIn
        self.pairsBefore = pairsBefore
        self.rowsChanged = rowsChanged
        self.compacted = compacted
        self.compactionProblem = compactionProblem
    }

    /// The partners of the person's open pairs (proposed or confirmed), with the status the pair
    /// had: those are the people whose programme the erasure changed. Stand-ins of people erased
    /// earlier are left out.
    public func partnersOfOpenPairs(of id: ParticipantID) -> [(partner: ParticipantID, pair: Pair)] {
        pairsBefore.filter(\.isActive).compactMap { pair in
            guard let partner = pair.partner(of: id), !partner.isErasedStandIn else { return nil }
            return (partner, pair)
        }
    }
}
