import Foundation
import GRDB

/// A row of `answers`: a participant's latest answer to one slot.
struct AnswerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answers"

    var participant_id: String
    var slot: String
    var value: String
    var answered_at: Date
}
