public import Foundation
public import Twinning
public import TwinLanguage

/// A link just made: the only moment its token exists outside the person's mailbox — the
/// database keeps its digest alone.
public struct IssuedInvitation: Sendable, Hashable {
    /// The participant the link signs in as.
    public var participant: ParticipantID
    /// The token, for the path `/chat/TOKEN`.
    public var token: String
    /// Until when the link opens.
    public var expiresAt: Date
    /// Whether the participant existed already (found by e-mail address).
    public var isExistingParticipant: Bool
    /// The participant's language: the one their mail is written in.
    public var language: Language

    /// Creates the result of an invitation.
    public init(participant: ParticipantID, token: String, expiresAt: Date, isExistingParticipant: Bool, language: Language = .default) {
        self.language = language
        self.participant = participant
        self.token = token
        self.expiresAt = expiresAt
        self.isExistingParticipant = isExistingParticipant
    }

    /// The personal link under `baseURL` (without a trailing `/`): `BASE/chat/TOKEN`.
    public func link(baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/chat/\(token)"
    }
}
