import DialogEngine
import Twinning

/// How an `Assistant` behaves beyond its dialogs and its store.
public struct AssistantOptions: Sendable {
    /// The language of participants who did not choose one.
    public var defaultLanguage: Language
    /// Participants with the coordinator role.
    public var coordinators: Set<ParticipantID>

    /// Creates options.
    public init(defaultLanguage: Language = .default, coordinators: Set<ParticipantID> = []) {
        self.defaultLanguage = defaultLanguage
        self.coordinators = coordinators
    }
}
