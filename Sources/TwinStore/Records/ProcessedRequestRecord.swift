import Foundation
import GRDB
import Twinning

/// A row of `processed_requests`.
struct ProcessedRequestRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "processed_requests"

    var channel: String
    var request_id: String
    var participant_id: String
    var reply_json: Data
    var at: Date
    var delivered_at: Date?

    init(_ request: ProcessedRequest) {
        channel = request.channel
        request_id = request.requestID
        participant_id = request.participant.description
        reply_json = request.reply
        at = request.at
        delivered_at = request.deliveredAt
    }

    func processedRequest() throws -> ProcessedRequest {
        guard let id = ParticipantID(participant_id) else {
            throw StoreError.corruptRow(table: "processed_requests", key: "\(channel)/\(request_id)", reason: "not a participant id")
        }
        return ProcessedRequest(channel: channel, requestID: request_id, participant: id, reply: reply_json, at: at, deliveredAt: delivered_at)
    }
}
