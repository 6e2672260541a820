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
        func key(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .filter { $0.isLetter || $0.isNumber }
        }
        let left = key(a)
        return !left.isEmpty && left == key(b)
    }
}
