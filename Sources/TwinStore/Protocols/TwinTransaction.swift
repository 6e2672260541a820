public import Foundation
public import Twinning

/// Read and write access inside one transaction.
public protocol TwinTransaction: TwinReader, TrajectoryWriter, OutboxWriter, PrivacyWriter, WebAccessWriter {
    /// Inserts or updates the participant.
    func save(_ participant: Participant) throws
    /// Records that the participant was active at `time` in `language`, and returns their
    /// phase; `nil` when there is no such participant. For the hot path: the last activity is
    /// kept to the minute, so a row touched under a minute ago in the same language is left as is.
    func touch(_ id: ParticipantID, language: String, at time: Date) throws -> Phase?
    /// Stores the conversation state of a participant (replacing the previous one).
    func saveSession(_ session: StoredSession) throws
    /// Stores the latest value of each given slot; a `nil` value removes the slot's answer.
    func saveAnswers(_ answers: [String: String?], for id: ParticipantID, at time: Date) throws
    /// Stores the participant's profile (replacing the previous one).
    func save(_ profile: Profile, for id: ParticipantID) throws
    /// Moves the participant to `phase`.
    func setPhase(_ phase: Phase, for id: ParticipantID) throws
    /// Stores a pair (inserting or replacing it).
    func save(_ pair: Pair) throws
    /// Records a like (`true`) or a pass (`false`) in open matching.
    func saveLike(from: ParticipantID, to: ParticipantID, liked: Bool, at time: Date) throws
    /// Excludes a pair from matching.
    func addExclusion(_ a: ParticipantID, _ b: ParticipantID, at time: Date) throws
    /// Records an event for the notification worker, in this transaction.
    func record(_ event: ProgrammeEvent) throws
    /// Appends an entry to the audit log, in this transaction: a coordinator's action in the
    /// chat is logged together with what it did, or not at all.
    func audit(_ entry: AuditEntry) throws
    /// Records a taken request with its reply, in the transaction of its turn; fails when the
    /// same request was already recorded.
    func save(_ request: ProcessedRequest) throws
    /// Forgets the requests taken before `time` whose reply was delivered, and returns how many;
    /// undelivered replies are kept for the notification outbox.
    func pruneProcessedRequests(deliveredBefore time: Date) throws -> Int
    /// Holds back, until this transaction ends, the turns that other processes sharing the
    /// database take for these participants: the turn's reads and its writes then see no other
    /// process's turn of the same participant in between. A turn calls it before it reads the
    /// conversation. SQLite has one writer for the whole file, so there it does nothing.
    func holdTurns(of ids: [ParticipantID]) throws
}

extension TwinTransaction {
    /// One writer for the whole database holds every turn back already.
    public func holdTurns(of ids: [ParticipantID]) throws {}
}
