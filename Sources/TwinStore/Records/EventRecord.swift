import Foundation
import GRDB
import Twinning

/// A row of `events`: something to tell people about, recorded with the change that caused it.
struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "events"

    var id: Int64?
    var kind: String
    var participants: [String]
    var pair_id: String?
    var occurred_at: Date

    init(_ event: ProgrammeEvent) {
        id = nil
        kind = event.kind.rawValue
        participants = event.participants.map(\.description)
        pair_id = event.pairID
        occurred_at = event.occurredAt
    }

    func event() throws -> ProgrammeEvent {
        guard let kind = ProgrammeEvent.Kind(rawValue: kind) else {
            throw StoreError.corruptRow(table: "events", key: "\(id ?? 0)", reason: "unknown kind \(kind)")
        }
        return ProgrammeEvent(kind: kind, participants: participants.compactMap(ParticipantID.init), pairID: pair_id, occurredAt: occurred_at)
    }
}
