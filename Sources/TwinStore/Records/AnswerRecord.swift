package import Foundation
import GRDB

/// A row of `answers`: a participant's latest answer to one slot.
package struct AnswerRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "answers"

    package var participant_id: String
    package var slot: String
    package var value: String
    package var answered_at: Date
}
