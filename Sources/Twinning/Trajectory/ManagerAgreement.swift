/// Whether a participant agreed time and room with their manager (the programme guide's first context point).
public enum ManagerAgreement: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    case partly
    case no
}
