/// Why a criterion contributed what it did, in data; the assistant turns it into words in the
/// participant's language (with the labels of the dialog's options).
public enum ScoreReason: Sendable, Hashable {
    /// Both work in the same field.
    case sameField(String)
    /// Their fields are related (mathematics ↔ IT, science ↔ engineering).
    case relatedFields(String, String)
    /// Their fields differ, which the named side wanted (outside the comfort zone).
    case contrastWanted(by: ParticipantID, String, String)
    /// Their fields are alike, while the named side wanted a different one.
    case contrastMissed(by: ParticipantID, String)
    /// Their fields differ, while they asked for a subject match.
    case differentFields(String, String)
    /// Words their prior educations share.
    case sharedBackground([String])
    /// Words their target groups share.
    case sharedTargetGroup([String])
    /// Motivations both have.
    case sharedMotivation([String])
    /// The professional's sector is one the teacher wants to see.
    case sectorWanted([String])
    /// The professional's sector is not among the ones the teacher wants to see.
    case sectorNotWanted
    /// The teacher's kind of education is one the professional wants to see.
    case educationWanted([String])
    /// The teacher's kind of education is not among the professional's wishes.
    case educationNotWanted
    /// They work in the same town or region.
    case sameRegion(String)
    /// They work in different places.
    case differentRegions(String, String)
    /// The named side is open to any match.
    case openToAnyone(ParticipantID)
}
