/// Open matching ("Job Tinder"): which profiles a participant may browse, best-scored first.
///
/// Only participants who opened their profile take part, on both ends: a participant who did
/// not consent browses nobody and is shown to nobody. Participants already in a pair (proposed
/// or confirmed) are out of the pool, as is everyone the viewer already liked or passed.
public struct OpenMatching: Sendable {
    /// How pairs are scored.
    public var scorer: MatchScorer
    /// The hard constraints.
    public var constraints: MatchConstraints

    /// Creates an open-matching view.
    public init(scorer: MatchScorer = MatchScorer(), constraints: MatchConstraints = MatchConstraints()) {
        self.scorer = scorer
        self.constraints = constraints
    }

    /// The profiles `viewer` may see now, best first (ties by id, so the order is stable).
    ///
    /// - Parameters:
    ///   - pool: every participant with a profile.
    ///   - paired: participants in an active pair.
    ///   - judged: participants the viewer already liked or passed.
    public func candidates(for viewer: MatchCandidate, pool: [MatchCandidate], paired: Set<ParticipantID>,
                           judged: Set<ParticipantID>) -> [PairScore] {
        guard viewer.profile.isOpen, !paired.contains(viewer.id) else { return [] }
        return pool
            .filter { other in
                other.id != viewer.id && other.profile.isOpen && !paired.contains(other.id) && !judged.contains(other.id)
                    && constraints.ineligibility(viewer, other) == nil
            }
            .map { other in
                viewer.profile.side == .teacher
                    ? scorer.score(teacher: viewer, professional: other)
                    : scorer.score(teacher: other, professional: viewer)
            }
            .sorted { ($0.total, $1.teacher.description + $1.professional.description) > ($1.total, $0.teacher.description + $0.professional.description) }
    }

    /// Whether `viewer` may see `other`'s profile at all (both opened theirs, other sides,
    /// neither paired, eligible).
    public func mayView(_ viewer: MatchCandidate, _ other: MatchCandidate, paired: Set<ParticipantID>) -> Bool {
        viewer.profile.isOpen && other.profile.isOpen && viewer.id != other.id
            && !paired.contains(viewer.id) && !paired.contains(other.id)
            && constraints.ineligibility(viewer, other) == nil
    }
}
