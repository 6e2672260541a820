public import Foundation

/// A teacher and a professional paired for a trajectory: proposed first, then confirmed.
public struct Pair: Sendable, Hashable, Codable {
    /// Where the proposal came from.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// A coordinator's decision (`jobtwin match --apply`): confirmed at once.
        case coordinator
        /// Both liked each other in open matching: each confirms in their chat.
        case mutualLike = "mutual_like"
    }

    /// Where the pair stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Waiting for both partners' confirmation.
        case proposed
        /// Both confirmed (or the coordinator decided): the trajectory runs.
        case confirmed
        /// One partner declined the proposal.
        case declined
        /// The trajectory is closed.
        case closed
    }

    /// A stable id.
    public var id: String
    /// The teacher.
    public var teacher: ParticipantID
    /// The professional.
    public var professional: ParticipantID
    /// Where the proposal came from.
    public var origin: Origin
    /// Where the pair stands.
    public var status: Status
    /// The match score when it was proposed.
    public var score: Double
    /// When it was proposed.
    public var proposedAt: Date
    /// When the teacher confirmed.
    public var teacherConfirmedAt: Date?
    /// When the professional confirmed.
    public var professionalConfirmedAt: Date?
    /// When it became confirmed.
    public var confirmedAt: Date?

    /// Creates a pair.
    public init(id: String, teacher: ParticipantID, professional: ParticipantID, origin: Origin, status: Status,
                score: Double, proposedAt: Date, teacherConfirmedAt: Date? = nil, professionalConfirmedAt: Date? = nil,
                confirmedAt: Date? = nil) {
        self.id = id
        self.teacher = teacher
        self.professional = professional
        self.origin = origin
        self.status = status
        self.score = score
        self.proposedAt = proposedAt
        self.teacherConfirmedAt = teacherConfirmedAt
        self.professionalConfirmedAt = professionalConfirmedAt
        self.confirmedAt = confirmedAt
    }

    /// A partner who takes part: the teacher, unless the teacher was erased (whose anonymous
    /// stand-in has no phase of its own). The pair's phase is this partner's.
    public var memberTakingPart: ParticipantID {
        teacher.isErasedStandIn ? professional : teacher
    }

    /// The partner of `participant` in this pair, or `nil` when they are not in it.
    public func partner(of participant: ParticipantID) -> ParticipantID? {
        if participant == teacher { return professional }
        if participant == professional { return teacher }
        return nil
    }

    /// Whether the pair is still open (proposed or confirmed, not declined or closed).
    public var isActive: Bool { status == .proposed || status == .confirmed }

    /// Records `participant`'s confirmation; the pair becomes confirmed when both have.
    public mutating func confirm(by participant: ParticipantID, at now: Date) {
        if participant == teacher, teacherConfirmedAt == nil { teacherConfirmedAt = now }
        if participant == professional, professionalConfirmedAt == nil { professionalConfirmedAt = now }
        if status == .proposed, teacherConfirmedAt != nil, professionalConfirmedAt != nil {
            status = .confirmed
            confirmedAt = now
        }
    }

    /// Whether `participant` still has to confirm.
    public func awaitsConfirmation(from participant: ParticipantID) -> Bool {
        guard status == .proposed else { return false }
        if participant == teacher { return teacherConfirmedAt == nil }
        if participant == professional { return professionalConfirmedAt == nil }
        return false
    }
}
