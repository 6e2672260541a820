import Foundation
import GRDB
import Twinning

/// `TwinTransaction` over one GRDB database connection, inside its transaction.
struct SQLiteTransaction: TwinTransaction {
    let db: Database

    func participant(_ id: ParticipantID) throws -> Participant? {
        try ParticipantRecord.fetchOne(db, key: id.description)?.participant()
    }

    func participants() throws -> [Participant] {
        try ParticipantRecord.order(Column("id")).fetchAll(db).map { try $0.participant() }
    }

    func session(_ id: ParticipantID) throws -> StoredSession? {
        try SessionRecord.fetchOne(db, key: id.description)?.session()
    }

    func sessionTurns(_ id: ParticipantID) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT turns FROM sessions WHERE participant_id = ?", arguments: [id.description])
    }

    func sessions() throws -> [StoredSession] {
        try SessionRecord.order(Column("participant_id")).fetchAll(db).map { try $0.session() }
    }

    func answers(_ id: ParticipantID) throws -> [StoredAnswer] {
        try AnswerRecord.filter(Column("participant_id") == id.description).order(Column("slot")).fetchAll(db)
            .map { StoredAnswer(slot: $0.slot, value: $0.value, answeredAt: $0.answered_at) }
    }

    func profile(_ id: ParticipantID) throws -> Profile? {
        try ProfileRecord.fetchOne(db, key: id.description)?.profile()
    }

    func save(_ participant: Participant) throws {
        try ParticipantRecord(participant).save(db)
    }

    func touch(_ id: ParticipantID, language: String, at time: Date) throws -> Phase? {
        let phase = try String.fetchOne(db, sql: """
            UPDATE participants SET language = ?, last_active_at = ? WHERE id = ? RETURNING phase
            """, arguments: [language, time, id.description])
        return phase.flatMap(Phase.init(rawValue:))
    }

    func saveSession(_ session: StoredSession) throws {
        try SessionRecord(session).save(db)
    }

    func saveAnswers(_ answers: [String: String?], for id: ParticipantID, at time: Date) throws {
        for (slot, value) in answers.sorted(by: { $0.key < $1.key }) {
            if let value {
                try AnswerRecord(participant_id: id.description, slot: slot, value: value, answered_at: time).save(db)
            } else {
                _ = try AnswerRecord.deleteOne(db, key: ["participant_id": id.description, "slot": slot])
            }
        }
    }

    func save(_ profile: Profile, for id: ParticipantID) throws {
        try ProfileRecord(profile, for: id).save(db)
    }
}
