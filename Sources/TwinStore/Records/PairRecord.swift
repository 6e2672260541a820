package import Foundation
import GRDB
package import Twinning

/// A row of `pairs`.
package struct PairRecord: Codable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "pairs"

    package var id: String
    package var teacher_id: String
    package var professional_id: String
    package var origin: String
    package var status: String
    package var score: Double
    package var proposed_at: Date
    package var teacher_confirmed_at: Date?
    package var professional_confirmed_at: Date?
    package var confirmed_at: Date?

    package init(_ pair: Pair) {
        id = pair.id
        teacher_id = pair.teacher.description
        professional_id = pair.professional.description
        origin = pair.origin.rawValue
        status = pair.status.rawValue
        score = pair.score
        proposed_at = pair.proposedAt
        teacher_confirmed_at = pair.teacherConfirmedAt
        professional_confirmed_at = pair.professionalConfirmedAt
        confirmed_at = pair.confirmedAt
    }

    package func pair() throws -> Pair {
        guard let teacher = ParticipantID(teacher_id), let professional = ParticipantID(professional_id),
              let origin = Pair.Origin(rawValue: origin), let status = Pair.Status(rawValue: status) else {
            throw StoreError.corruptRow(table: "pairs", key: id, reason: "unknown participant, origin or status")
        }
        return Pair(id: id, teacher: teacher, professional: professional, origin: origin, status: status, score: score,
                    proposedAt: proposed_at, teacherConfirmedAt: teacher_confirmed_at,
                    professionalConfirmedAt: professional_confirmed_at, confirmedAt: confirmed_at)
    }
}
