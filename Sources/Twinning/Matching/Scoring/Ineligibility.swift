/// Why two participants may never be paired: the hard constraints of matching.
public enum Ineligibility: Sendable, Hashable {
    /// Both are teachers, or both are professionals.
    case sameSide
    /// They work at the same organisation: the point is to see another world.
    case sameOrganization(String)
    /// A coordinator excluded the pair.
    case excluded
    /// They were paired in an earlier round.
    case matchedBefore
}
