import Foundation
import Twinning

/// The storage JobTwin needs, in the domain's language.
///
/// Every turn of a conversation runs in one `transaction`: the participant's record, the
/// conversation state, the answers and any domain records are written together or not at all.
/// SQLite (`SQLiteRepository`) implements it today; a PostgreSQL implementation can later let
/// several servers share one database.
public protocol TwinRepository: Sendable {
    /// Runs `body` in one write transaction; everything it wrote is committed when it returns
    /// and rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any TwinTransaction) throws -> T) async throws -> T

    /// Runs `body` on a consistent read-only view.
    func read<T: Sendable>(_ body: @escaping @Sendable (any TwinReader) throws -> T) async throws -> T

    /// Whether the database answers (for readiness checks).
    func ping() async throws

    /// Erases the participant — everything that is theirs deleted, shared data kept for the
    /// partner under an anonymous stand-in, their name taken out of other people's texts — and
    /// then compacts the storage so that no copy of the erased data is left in it. Runs outside
    /// any transaction (it cannot run inside one). Returns the stand-in, or `nil` when there is
    /// no such participant (nothing is changed then).
    func erasePersonalData(of id: ParticipantID, at now: Date) async throws -> ParticipantID?
}
