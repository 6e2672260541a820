package import Foundation
import GRDB
package import Twinning

/// A row of `events`: something to tell people about, recorded with the change that caused it.
package struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "events"

    package var id: Int64?
    package var kind: String
    package var participants: [String]
    package var pair_id: String?
    package var occurred_at: Date

    package init(_ event: ProgrammeEvent) {
        id = nil
        kind = event.kind.rawValue
        participants = event.participants.map(\.description)
        pair_id = event.pairID
        occurred_at = event.occurredAt
    }

    package func event() throws -> ProgrammeEvent {
        guard let kind = ProgrammeEvent.Kind(rawValue: kind) else {
            throw StoreError.corruptRow(table: "events", key: "\(id ?? 0)", reason: "unknown kind \(kind)")
        }
        return ProgrammeEvent(kind: kind, participants: participants.compactMap(ParticipantID.init), pairID: pair_id, occurredAt: occurred_at)
    }
}
