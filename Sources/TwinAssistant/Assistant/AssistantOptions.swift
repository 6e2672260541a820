import DialogEngine
import Twinning

/// How an `Assistant` behaves beyond its dialogs and its store.
public struct AssistantOptions: Sendable {
    /// The language of participants who did not choose one.
    public var defaultLanguage: Language
    /// Participants with the coordinator role.
    public var coordinators: Set<ParticipantID>

    /// How many decoded conversations to keep in memory (0 to keep none).
    public var cachedSessions: Int

    /// Creates options.
    public init(defaultLanguage: Language = .default, coordinators: Set<ParticipantID> = [], cachedSessions: Int = 2_000) {
        self.defaultLanguage = defaultLanguage
        self.coordinators = coordinators
        self.cachedSessions = cachedSessions
    }
}
