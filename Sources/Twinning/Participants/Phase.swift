/// The phase of the programme a participant is in, as the programme guide describes the trajectory.
///
/// Raw values are the Dutch names used in the reply contract and in reports.
public enum Phase: String, Codable, Sendable, CaseIterable, Hashable {
    /// Phase 1: finding a partner.
    case matching
    /// Phase 2: getting acquainted, goals, a plan and working agreements.
    case kennismaking
    /// Phase 3: the activities.
    case activiteiten
    /// Phase 4: the closing evaluation.
    case afronding
    /// The trajectory is closed.
    case afgerond
}

extension Phase {
    /// How many phases the programme has.
    public static let count = 4

    /// The phase's number in the programme, 1 to 4; `nil` once the trajectory is closed.
    public var number: Int? {
        switch self {
        case .matching: return 1
        case .kennismaking: return 2
        case .activiteiten: return 3
        case .afronding: return 4
        case .afgerond: return nil
        }
    }
}
