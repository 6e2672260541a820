public import Foundation

/// What a participant is asked to agree to, apart from open matching (which is part of the
/// profile, `Profile.openMatchingConsent`).
public enum ConsentPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Storing and using the participant's answers, profile, plan, activities and evaluation to
    /// run the programme — asked at the start of the intake; without it no profile is kept.
    case processing
}

/// One decision of a participant about a purpose: agreed or not, when, and which version of the
/// text they were shown.
///
/// Decisions form an append-only history: a withdrawal, or a yes after an earlier no, is a new
/// decision; the latest one counts (`ConsentDecision.current`).
public struct ConsentDecision: Sendable, Hashable, Codable {
    /// What the decision is about.
    public var purpose: ConsentPurpose
    /// The version of the text the participant was shown.
    public var textVersion: String
    /// Whether they agreed.
    public var given: Bool
    /// When they decided.
    public var recordedAt: Date

    /// Creates a decision.
    public init(purpose: ConsentPurpose, textVersion: String, given: Bool, recordedAt: Date) {
        self.purpose = purpose
        self.textVersion = textVersion
        self.given = given
        self.recordedAt = recordedAt
    }

    /// The consent this decision gives; `nil` when the participant did not agree.
    public var consent: Consent? {
        given ? Consent(givenAt: recordedAt, textVersion: textVersion) : nil
    }

    /// The decision that counts for `purpose` in `history` (oldest first): the latest one;
    /// `nil` when the participant was never asked.
    public static func current(_ purpose: ConsentPurpose, in history: [ConsentDecision]) -> ConsentDecision? {
        history.last { $0.purpose == purpose }
    }
}
