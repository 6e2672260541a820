import Foundation
import GRDB
import Twinning

/// A row of `sessions`.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sessions"

    var participant_id: String
    var state: Data
    var turns: Int
    var updated_at: Date

    init(_ session: StoredSession) {
        participant_id = session.participant.description
        state = session.state
        turns = session.turns
        updated_at = session.updatedAt
    }

    func session() throws -> StoredSession {
        guard let id = ParticipantID(participant_id) else {
            throw StoreError.corruptRow(table: "sessions", key: participant_id, reason: "not a participant id")
        }
        return StoredSession(participant: id, state: state, turns: turns, updatedAt: updated_at)
    }
}
