package import Foundation
import GRDB
import Twinning

/// A row of `processed_requests`.
package struct ProcessedRequestRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "processed_requests"

    package var channel: String
    package var request_id: String
    package var participant_id: String
    package var reply_json: Data
    package var at: Date
    package var delivered_at: Date?

    package init(_ request: ProcessedRequest) {
        channel = request.channel
        request_id = request.requestID
        participant_id = request.participant.description
        reply_json = request.reply
        at = request.at
        delivered_at = request.deliveredAt
    }

    // Written on every turn that carries a request id: columns are copied directly instead of
    // going through Codable, whose generic machinery cost several times more in the writer.

    /// Reads a row of `processed_requests`.
    init(row: Row) throws {
        channel = row["channel"]
        request_id = row["request_id"]
        participant_id = row["participant_id"]
        reply_json = row["reply_json"]
        at = row["at"]
        delivered_at = row["delivered_at"]
    }

    /// Writes the columns of `processed_requests`.
    func encode(to container: inout PersistenceContainer) throws {
        container["channel"] = channel
        container["request_id"] = request_id
        container["participant_id"] = participant_id
        container["reply_json"] = reply_json
        container["at"] = at
        container["delivered_at"] = delivered_at
    }

    package func processedRequest() throws -> ProcessedRequest {
        guard let id = ParticipantID(participant_id) else {
            throw StoreError.corruptRow(table: "processed_requests", key: "\(channel)/\(request_id)", reason: "not a participant id")
        }
        return ProcessedRequest(channel: channel, requestID: request_id, participant: id, reply: reply_json, at: at, deliveredAt: delivered_at)
    }
}
