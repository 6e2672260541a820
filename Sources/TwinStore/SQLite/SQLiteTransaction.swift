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

    // MARK: - Matching

    func profiles() throws -> [(ParticipantID, Profile)] {
        try ProfileRecord.order(Column("participant_id")).fetchAll(db).compactMap { record in
            guard let id = ParticipantID(record.participant_id) else { return nil }
            return (id, try record.profile())
        }
    }

    func pairs(of id: ParticipantID) throws -> [Pair] {
        try PairRecord.filter(Column("teacher_id") == id.description || Column("professional_id") == id.description)
            .order(Column("proposed_at").desc).fetchAll(db).map { try $0.pair() }
    }

    func allPairs() throws -> [Pair] {
        try PairRecord.order(Column("proposed_at"), Column("id")).fetchAll(db).map { try $0.pair() }
    }

    func like(from: ParticipantID, to: ParticipantID) throws -> Bool? {
        try Bool.fetchOne(db, sql: "SELECT liked FROM likes WHERE from_id = ? AND to_id = ?",
                          arguments: [from.description, to.description])
    }

    func judged(by from: ParticipantID) throws -> Set<ParticipantID> {
        Set(try String.fetchAll(db, sql: "SELECT to_id FROM likes WHERE from_id = ?", arguments: [from.description])
            .compactMap(ParticipantID.init))
    }

    func exclusions() throws -> Set<Set<ParticipantID>> {
        let rows = try Row.fetchAll(db, sql: "SELECT first_id, second_id FROM exclusions")
        return Set(rows.compactMap { row -> Set<ParticipantID>? in
            guard let a = ParticipantID(row["first_id"] as String), let b = ParticipantID(row["second_id"] as String) else { return nil }
            return [a, b]
        })
    }

    func events() throws -> [ProgrammeEvent] {
        try EventRecord.order(Column("id")).fetchAll(db).map { try $0.event() }
    }

    func setPhase(_ phase: Phase, for id: ParticipantID) throws {
        try db.execute(sql: "UPDATE participants SET phase = ? WHERE id = ?", arguments: [phase.rawValue, id.description])
    }

    func save(_ pair: Pair) throws {
        try PairRecord(pair).save(db)
    }

    func saveLike(from: ParticipantID, to: ParticipantID, liked: Bool, at time: Date) throws {
        try db.execute(sql: """
            INSERT INTO likes (from_id, to_id, liked, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (from_id, to_id) DO UPDATE SET liked = excluded.liked, at = excluded.at
            """, arguments: [from.description, to.description, liked, time])
    }

    func addExclusion(_ a: ParticipantID, _ b: ParticipantID, at time: Date) throws {
        let (first, second) = a < b ? (a, b) : (b, a)
        try db.execute(sql: "INSERT OR IGNORE INTO exclusions (first_id, second_id, at) VALUES (?, ?, ?)",
                       arguments: [first.description, second.description, time])
    }

    func record(_ event: ProgrammeEvent) throws {
        try EventRecord(event).insert(db)
    }
}
