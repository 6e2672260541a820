import Foundation
import GRDB
import Twinning

/// A row of `participants`.
struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "participants"

    var id: String
    var channel: String
    var language: String
    var phase: String
    var created_at: Date
    var last_active_at: Date

    init(_ participant: Participant) {
        id = participant.id.description
        channel = participant.id.channel
        language = participant.language
        phase = participant.phase.rawValue
        created_at = participant.createdAt
        last_active_at = participant.lastActiveAt
    }

    func participant() throws -> Participant {
        guard let pid = ParticipantID(id) else {
            throw StoreError.corruptRow(table: "participants", key: id, reason: "not a participant id")
        }
        guard let phase = Phase(rawValue: phase) else {
            throw StoreError.corruptRow(table: "participants", key: id, reason: "unknown phase \(phase)")
        }
        return Participant(id: pid, language: language, phase: phase, createdAt: created_at, lastActiveAt: last_active_at)
    }
}
