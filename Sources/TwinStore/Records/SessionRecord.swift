package import Foundation
import GRDB
import Twinning

/// A row of `sessions`.
package struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "sessions"

    package var participant_id: String
    package var state: Data
    package var turns: Int
    package var updated_at: Date

    package init(_ session: StoredSession) {
        participant_id = session.participant.description
        state = session.state
        turns = session.turns
        updated_at = session.updatedAt
    }

    package func session() throws -> StoredSession {
        guard let id = ParticipantID(participant_id) else {
            throw StoreError.corruptRow(table: "sessions", key: participant_id, reason: "not a participant id")
        }
        return StoredSession(participant: id, state: state, turns: turns, updatedAt: updated_at)
    }
}
