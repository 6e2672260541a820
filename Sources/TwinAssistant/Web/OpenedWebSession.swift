public import Twinning
public import TwinLanguage

/// A browser session just opened from a link: its id goes into the cookie, once; the database
/// keeps only its digest.
public struct OpenedWebSession: Sendable, Hashable {
    /// The cookie's value.
    public var sessionID: String
    /// Whom the browser is now signed in as.
    public var participant: ParticipantID
    /// The participant's language.
    public var language: Language
    /// Whether the link was a coordinator's: the browser goes to the coordinator's overview.
    public var isCoordinator: Bool

    /// Creates the result of opening a link.
    public init(sessionID: String, participant: ParticipantID, language: Language, isCoordinator: Bool = false) {
        self.sessionID = sessionID
        self.participant = participant
        self.language = language
        self.isCoordinator = isCoordinator
    }
}
