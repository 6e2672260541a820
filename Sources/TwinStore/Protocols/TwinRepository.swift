public import Foundation
public import Twinning

/// The storage JobTwin needs, in the domain's language.
///
/// Every turn of a conversation runs in one `transaction`: the participant's record, the
/// conversation state, the answers and any domain records are written together or not at all.
/// SQLite (`SQLiteRepository`) implements it, the embedded default; PostgreSQL
/// (`PostgresRepository`, module TwinPostgres) lets several servers share one database.
public protocol TwinRepository: Sendable {
    /// Runs `body` in one write transaction; everything it wrote is committed when it returns
    /// and rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any TwinTransaction) throws -> T) async throws -> T

    /// Runs `body` in one write transaction on the calling thread, blocking it until the
    /// transaction has committed (or rolled back, when `body` throws).
    ///
    /// For a thread of its own that does nothing but write (the group commit's writer), where
    /// handing each transaction to another thread and back would cost more than the
    /// transaction. Never call it from Swift's cooperative threads: it blocks one of them.
    func blockingTransaction<T>(_ body: (any TwinTransaction) throws -> T) throws -> T

    /// Runs `body` on a consistent read-only view.
    func read<T: Sendable>(_ body: @escaping @Sendable (any TwinReader) throws -> T) async throws -> T

    /// Whether the database answers (for readiness checks).
    func ping() async throws

    /// Erases the participant — everything that is theirs deleted, shared data kept for the
    /// partner under an anonymous stand-in, their name taken out of other people's texts — and
    /// then compacts the storage so that no copy of the erased data is left in it. Runs outside
    /// any transaction (it cannot run inside one).
    ///
    /// `followUp` runs inside the erasure's own transaction, after the erasure, with what it did:
    /// what it writes (an audit line, notices for partners) commits together with the erasure
    /// or not at all. Returns `nil` when there is no such participant (nothing is changed, and
    /// `followUp` does not run). A failure to compact the file after the commit does not throw:
    /// it is reported in the result (`compacted`), since the erasure itself stands.
    func erasePersonalData(of id: ParticipantID, at now: Date,
                           followUp: @escaping @Sendable (ErasedParticipant, any TwinTransaction) throws -> Void) async throws -> ErasedParticipant?

    /// Whether this process runs the schedules (reminders, the retention purge) now. Several
    /// processes sharing one database would each send the same reminder; one of them leads at a
    /// time. A store of one process always leads.
    func leadsSchedules() async -> Bool
}

extension TwinRepository {
    /// A store of one process (an embedded file) leads its schedules.
    public func leadsSchedules() async -> Bool { true }

    /// Erases the participant without a follow-up and returns the stand-in, or `nil` when there
    /// is no such participant.
    ///
    /// - Throws: also when the erasure stands but the file could not be compacted afterwards
    ///   (`StoreError.notCompacted`).
    public func erasePersonalData(of id: ParticipantID, at now: Date) async throws -> ParticipantID? {
        guard let erased = try await erasePersonalData(of: id, at: now, followUp: { _, _ in }) else { return nil }
        guard erased.compacted else {
            throw StoreError.notCompacted(reason: erased.compactionProblem ?? "unknown")
        }
        return erased.standIn
    }

    /// Everything stored about `id`, as a JSON document (`jobtwin export`).
    public func exportPersonalData(of id: ParticipantID, at now: Date) async throws -> Data {
        try await read { try $0.exportPersonalData(of: id, at: now, scope: .complete) }
    }

    /// Appends an entry to the audit log, in a transaction of its own.
    public func audit(_ entry: AuditEntry) async throws {
        try await transaction { try $0.audit(entry) }
    }

    /// The audit log, oldest first.
    public func auditLog() async throws -> [AuditEntry] {
        try await read { try $0.auditEntries() }
    }
}
