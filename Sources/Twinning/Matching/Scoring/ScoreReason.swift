/// Why a criterion contributed what it did, in data; the assistant turns it into words in the
/// participant's language (with the labels of the dialog's options).
public enum ScoreReason: Sendable, Hashable {
    /// Both work in the same field.
    case sameField(String)
    /// Their fields are related (mathematics ↔ IT, science ↔ engineering).
    case relatedFields(String, String)
    /// Their fields differ, which was wished (outside the comfort zone).
    case contrastWanted(String, String)
    /// Their fields are alike, while a different one was wished.
    case contrastMissed(String)
    /// Their fields differ, while they asked for a subject match.
    case differentFields(String, String)
    /// Their prior educations are related (`natuurkunde ↔ werktuigbouwkunde`).
    case relatedBackground([TermMatch])
    /// Their target groups are similar (`vmbo-leerlingen ↔ (v)mbo-stagiairs`).
    case relatedTargetGroup([TermMatch])
    /// Their positions are related (`docent natuurkunde ↔ ingenieur`).
    case relatedPosition([TermMatch])
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
    /// Open to any match (whoever is in the contribution's `wishedBy`).
    case openToAnyone
}
