/// Whether a participant wants a partner from a similar field — or, as some in the programme guide say,
/// deliberately a different one ("buiten je comfortzone leer je het meest").
public enum SubjectPreference: String, Codable, Sendable, CaseIterable, Hashable {
    case similar
    case different
    case noPreference = "no_preference"
}
