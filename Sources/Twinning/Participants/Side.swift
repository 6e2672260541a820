/// Which world a participant comes from: Job Twinning always pairs one of each.
public enum Side: String, Codable, Sendable, CaseIterable, Hashable {
    /// A teacher (docent) from a school.
    case teacher
    /// A professional from a company or public organisation.
    case professional
}
