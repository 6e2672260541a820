public import Hummingbird
public import Twinning
public import TwinLanguage
public import TwinAssistant

/// Whom a request of the web chat comes from: its `jt_session` cookie resolved to the
/// participant of an active browser session — the check every page behind `/chat` starts with.
public struct WebSessionResolver: Sendable {
    /// The links and sessions.
    public let invitations: Invitations

    /// Creates a resolver over `invitations`.
    public init(invitations: Invitations) {
        self.invitations = invitations
    }

    /// The participant signed in and their language, or `nil` when the request has no cookie
    /// or its session was ended (signed out, revoked, erased).
    ///
    /// - Throws: the store's errors when the database cannot be read.
    public func participant(of request: Request) async throws -> (participant: ParticipantID, language: Language)? {
        guard let sessionID = SessionCookie.value(in: request) else { return nil }
        return try await invitations.participant(session: sessionID).map { (participant: $0.0, language: $0.1) }
    }
}
