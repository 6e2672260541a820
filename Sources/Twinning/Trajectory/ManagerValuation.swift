/// How a participant's manager values what Job Twinning brought the organisation, as the
/// participant heard it in the closing evaluation.
public enum ManagerValuation: String, Sendable, Hashable, Codable, CaseIterable {
    case high
    case some
    case little
    /// The manager did not say, or the participant does not know.
    case unknown
}
