/// Whether a participant feels a personal click with their partner, asked once after their
/// first meeting: without any click the partners are less likely to reach their goals, so a
/// "no" is something the coordinator should hear about early.
public enum ClickAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    /// "Een beetje": some click, not (yet) a strong one.
    case somewhat
    case no
}
