public import Foundation
public import Twinning

/// One message of a conversation kept word for word — only when the installation keeps raw
/// conversation texts (`conversations: {keep_texts: true}`); by default only the answers are
/// stored.
public struct ConversationText: Sendable, Hashable {
    /// Who wrote it.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        /// What the participant sent.
        case incoming = "in"
        /// What JobTwin replied (its messages and question as plain text).
        case outgoing = "out"
    }

    /// When the turn took place.
    public var at: Date
    /// Whether the participant sent it or JobTwin replied it.
    public var direction: Direction
    /// The text.
    public var text: String

    /// Creates a conversation text.
    public init(at: Date, direction: Direction, text: String) {
        self.at = at
        self.direction = direction
        self.text = text
    }
}

/// Read access to what the participant agreed to and to the conversation texts kept.
public protocol PrivacyReader {
    /// The participant's consent decisions, oldest first (an append-only history).
    func consentDecisions(of id: ParticipantID) throws -> [ConsentDecision]
    /// Whether the participant's latest decision about `purpose` is a yes.
    func hasConsent(_ purpose: ConsentPurpose, of id: ParticipantID) throws -> Bool
    /// The participant's kept conversation texts, oldest first (empty unless texts are kept).
    func conversationTexts(of id: ParticipantID) throws -> [ConversationText]
    /// The participants whose confirmed erasure was not carried out yet, oldest request first.
    func pendingErasures() throws -> [ParticipantID]
    /// The participant's choices about direct messages, oldest first.
    func messagePreferences(of id: ParticipantID) throws -> [MessagePreference]
    /// Whether the assistant may write to the participant first: their latest choice, yes when
    /// they never made one.
    func allowsDirectMessages(_ id: ParticipantID) throws -> Bool
}

/// Write access to consent decisions and conversation texts, inside a transaction.
public protocol PrivacyWriter {
    /// Appends a consent decision to the participant's history; earlier ones are never changed.
    func record(_ decision: ConsentDecision, for id: ParticipantID) throws
    /// Appends conversation texts of the participant, in order.
    func save(_ texts: [ConversationText], for id: ParticipantID) throws
    /// Records that the participant confirmed their erasure: it is owed from this transaction's
    /// commit until the erasure removes the participant (and this record with them).
    func recordErasureRequest(of id: ParticipantID, at date: Date) throws
    /// Appends the participant's choice about direct messages to their history.
    func record(_ preference: MessagePreference, for id: ParticipantID) throws
}
