package import Foundation
import GRDB
import TwinLanguage
package import Twinning

/// A row of `participants`.
package struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "participants"

    package var id: String
    package var channel: String
    package var language: String
    package var phase: String
    package var created_at: Date
    package var last_active_at: Date

    package init(_ participant: Participant) {
        id = participant.id.description
        channel = participant.id.channel
        language = participant.language.rawValue
        phase = participant.phase.rawValue
        created_at = participant.createdAt
        last_active_at = participant.lastActiveAt
    }

    // Read and written on every turn: columns are copied directly instead of going through
    // Codable, whose generic machinery cost several times more in the single writer.

    /// Reads a row of `participants`.
    init(row: Row) throws {
        id = row["id"]
        channel = row["channel"]
        language = row["language"]
        phase = row["phase"]
        created_at = row["created_at"]
        last_active_at = row["last_active_at"]
    }

    /// Writes the columns of `participants`.
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["channel"] = channel
        container["language"] = language
        container["phase"] = phase
        container["created_at"] = StoredDate(created_at)
        container["last_active_at"] = StoredDate(last_active_at)
    }

    package func participant() throws -> Participant {
        guard let pid = ParticipantID(id) else {
            throw StoreError.corruptRow(table: "participants", key: id, reason: "not a participant id")
        }
        guard let phase = Phase(rawValue: phase) else {
            throw StoreError.corruptRow(table: "participants", key: id, reason: "unknown phase \(phase)")
        }
        guard let spoken = Language(rawValue: language) else {
            throw StoreError.corruptRow(table: "participants", key: id, reason: "unknown language \(language)")
        }
        return Participant(id: pid, language: spoken, phase: phase, createdAt: created_at, lastActiveAt: last_active_at)
    }
}
