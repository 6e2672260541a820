public import Foundation
public import Twinning

/// Read access to the stored programme.
public protocol TwinReader: TrajectoryReader, OutboxReader, PrivacyReader, WebAccessReader {
    /// The participant, if they ever wrote.
    func participant(_ id: ParticipantID) throws -> Participant?
    /// Every participant, ordered by id.
    func participants() throws -> [Participant]
    /// The stored conversation state of a participant.
    func session(_ id: ParticipantID) throws -> StoredSession?
    /// How many turns the participant's stored conversation has had, without loading it; `nil`
    /// when there is none. A turn that computed its result outside the write transaction
    /// checks this to know that nothing changed meanwhile.
    func sessionTurns(_ id: ParticipantID) throws -> Int?
    /// Every stored conversation state (for checking them against changed dialogs).
    func sessions() throws -> [StoredSession]
    /// The participant's latest answer per slot, as stored JSON.
    func answers(_ id: ParticipantID) throws -> [StoredAnswer]
    /// Whether the participant's profile is open for open matching (`false` without a profile);
    /// read on every turn, so without loading the whole profile.
    func isProfileOpen(_ id: ParticipantID) throws -> Bool
    /// The participant's profile, once the intake saved it.
    func profile(_ id: ParticipantID) throws -> Profile?
    /// The name in the participant's profile, without reading the rest of it (for the facts of
    /// every turn).
    func profileName(_ id: ParticipantID) throws -> String?
    /// Every profile, with its participant, ordered by participant id.
    func profiles() throws -> [(ParticipantID, Profile)]
    /// Every pair the participant is or was in, newest first.
    func pairs(of id: ParticipantID) throws -> [Pair]
    /// Every pair, oldest first.
    func allPairs() throws -> [Pair]
    /// Whether `from` liked (`true`) or passed (`false`) `to` in open matching; `nil` when not yet.
    func like(from: ParticipantID, to: ParticipantID) throws -> Bool?
    /// Everyone `from` liked or passed.
    func judged(by from: ParticipantID) throws -> Set<ParticipantID>
    /// The pairs a coordinator excluded.
    func exclusions() throws -> Set<Set<ParticipantID>>
    /// The recorded events, oldest first.
    func events() throws -> [ProgrammeEvent]
    /// The participant's request `requestID` on `channel`, when it was already taken.
    func processedRequest(channel: String, requestID: String, participant: ParticipantID) throws -> ProcessedRequest?
    /// Everything stored about the participant, as the JSON document of `jobtwin export`
    /// (`{"participant", "exported_at", "tables": {table: [row…]}}`), read in this transaction;
    /// `scope` says whether copies of chat replies are written out in full.
    func exportPersonalData(of id: ParticipantID, at now: Date, scope: PersonalDataExportScope) throws -> Data
    /// The audit log, oldest first.
    func auditEntries() throws -> [AuditEntry]
    /// Says that the checks of these turns are read next — each participant, their turn
    /// counter, whether notices wait, whether they are in a pair, their profile's consent,
    /// whether a web invitation makes them a coordinator, whether the request was taken — so
    /// that a store that pays for every trip to its server reads them all in one statement and
    /// answers the single reads from it, until something else is written in the transaction.
    /// What the reads return does not change; a store without that cost does nothing.
    func prepareTurnChecks(_ turns: [TurnCheck]) throws
}

extension TwinReader {
    /// Nothing to prepare: the reads are as cheap one by one.
    public func prepareTurnChecks(_ turns: [TurnCheck]) throws {}
}
