import Foundation

/// The hard constraints of a matching round besides the profiles: a coordinator's exclusions
/// and the pairs of earlier rounds.
public struct MatchConstraints: Sendable, Hashable {
    /// Pairs a coordinator excluded, in either order.
    public var exclusions: Set<Set<ParticipantID>>
    /// Pairs matched in earlier rounds, in either order.
    public var previousPairs: Set<Set<ParticipantID>>

    /// Creates constraints.
    public init(exclusions: Set<Set<ParticipantID>> = [], previousPairs: Set<Set<ParticipantID>> = []) {
        self.exclusions = exclusions
        self.previousPairs = previousPairs
    }

    /// Why `a` and `b` may not be paired, or `nil` when they may.
    public func ineligibility(_ a: MatchCandidate, _ b: MatchCandidate) -> Ineligibility? {
        if a.profile.side == b.profile.side { return .sameSide }
        if Self.sameOrganization(a.profile.organization, b.profile.organization) { return .sameOrganization(a.profile.organization) }
        let pair: Set<ParticipantID> = [a.id, b.id]
        if exclusions.contains(pair) { return .excluded }
        if previousPairs.contains(pair) { return .matchedBefore }
        return nil
    }

    /// Organisation names compared without case, accents and punctuation.
    static func sameOrganization(_ a: String, _ b: String) -> Bool {
        let left = organizationKey(a)
        return !left.isEmpty && left == organizationKey(b)
    }

    /// The form in which two spellings of one organisation compare equal.
    static func organizationKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter { $0.isLetter || $0.isNumber }
    }

    /// Whether a pair is excluded or was matched before (the constraints besides the profiles).
    func isExcludedOrPrevious(_ a: ParticipantID, _ b: ParticipantID) -> Bool {
        guard !exclusions.isEmpty || !previousPairs.isEmpty else { return false }
        let pair: Set<ParticipantID> = [a, b]
        return exclusions.contains(pair) || previousPairs.contains(pair)
    }
}
