import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// `TwinTransaction` over one PostgreSQL connection, inside its transaction: the SQLite
/// store's statements in PostgreSQL's dialect, reading and writing the same records.
///
/// Used by one thread at a time (the transaction's own); every statement waits for its answer.
final class PostgresTransaction: TwinTransaction {
    let connection: WaitingConnection
    /// The participants whose turns this transaction holds back in other processes.
    private var held: Set<Int64> = []
    /// The checks of the turns about to be checked, read at once (`prepareTurnChecks`).
    var prepared: PreparedTurnChecks?

    init(_ connection: WaitingConnection) {
        self.connection = connection
    }

    // MARK: - Reading records

    /// Every row of `query` as the record `R`.
    func all<R: Decodable>(_ type: R.Type, _ query: PostgresQuery) throws -> [R] {
        try connection.rows(query).map { try RowDecoder.decode(R.self, from: $0) }
    }

    /// The first row of `query` as the record `R`, if any.
    func one<R: Decodable>(_ type: R.Type, _ query: PostgresQuery) throws -> R? {
        try connection.row(query).map { try RowDecoder.decode(R.self, from: $0) }
    }

    // MARK: - Turns across processes

    /// Takes a transaction-level advisory lock for each participant, in one order for every
    /// process (by key), so that two processes holding several never wait for each other in a
    /// circle. Held until the transaction ends.
    func holdTurns(of ids: [ParticipantID]) throws {
        let keys = Set(ids.map(Self.turnKey)).subtracting(held).sorted()
        guard !keys.isEmpty else { return }
        // Not waited for: the next statement waits behind the lock anyway.
        try connection.send("SELECT pg_advisory_xact_lock(\(Self.turnLockSpace), k) FROM unnest(\(keys.map(Int32.init))::int4[]) AS k ORDER BY k")
        held.formUnion(keys)
    }

    /// The advisory locks' first key: the turns of JobTwin's participants (the migrator's lock
    /// is a single 64-bit key, which PostgreSQL keeps apart from the two-key form).
    static let turnLockSpace: Int32 = 0x4A54_0001

    /// A participant's second key: a 32-bit FNV-1a hash of the id (the same in every process,
    /// which Swift's own `hashValue` is not). Two participants may share a key; they then wait
    /// for each other's turns, which costs time, never correctness.
    static func turnKey(_ id: ParticipantID) -> Int64 {
        var hash: UInt32 = 2_166_136_261
        for byte in id.description.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int64(Int32(bitPattern: hash))
    }

    // MARK: - Participants and conversations

    func participant(_ id: ParticipantID) throws -> Participant? {
        if let facts = preparedFacts(id) { return try facts.participant?.participant() }
        return try one(ParticipantRecord.self, "SELECT * FROM participants WHERE id = \(id.description)")?.participant()
    }

    func participants() throws -> [Participant] {
        try all(ParticipantRecord.self, "SELECT * FROM participants ORDER BY id").map { try $0.participant() }
    }

    func session(_ id: ParticipantID) throws -> StoredSession? {
        if let conversation = preparedFacts(id)?.conversation { return conversation }
        return try one(SessionRecord.self, "SELECT * FROM sessions WHERE participant_id = \(id.description)")?.session()
    }

    func sessionTurns(_ id: ParticipantID) throws -> Int? {
        if let facts = preparedFacts(id) { return facts.turns }
        return try connection.value(Int.self, "SELECT turns FROM sessions WHERE participant_id = \(id.description)")
    }

    func sessions() throws -> [StoredSession] {
        try all(SessionRecord.self, "SELECT * FROM sessions ORDER BY participant_id").map { try $0.session() }
    }

    func answers(_ id: ParticipantID) throws -> [StoredAnswer] {
        try connection.rows("SELECT slot, value, answered_at FROM answers WHERE participant_id = \(id.description) ORDER BY slot")
            .map { row in
                let (slot, value, at) = try row.decode((String, String, Date).self)
                return StoredAnswer(slot: slot, value: value, answeredAt: at)
            }
    }

    func isProfileOpen(_ id: ParticipantID) throws -> Bool {
        if let facts = preparedFacts(id) { return facts.isProfileOpen }
        return try connection.value(Bool.self, "SELECT consent_given_at IS NOT NULL FROM profiles WHERE participant_id = \(id.description)") ?? false
    }

    func profileName(_ id: ParticipantID) throws -> String? {
        try connection.value(String.self, "SELECT name FROM profiles WHERE participant_id = \(id.description)")
    }

    func profile(_ id: ParticipantID) throws -> Profile? {
        try one(ProfileRecord.self, "SELECT * FROM profiles WHERE participant_id = \(id.description)")?.profile()
    }

    func save(_ participant: Participant) throws {
        try connection.execute(RowEncoder.encode(ParticipantRecord(participant)).insert(into: ParticipantRecord.databaseTableName, onConflict: ["id"]))
    }

    func touch(_ id: ParticipantID, language: String, at time: Date) throws -> Phase? {
        let phase: String, stored: String, lastActive: Date
        if let facts = preparedFacts(id) {
            guard let record = facts.participant else { return nil }
            (phase, stored, lastActive) = (record.phase, record.language, record.last_active_at)
        } else {
            guard let row = try connection.row("SELECT phase, language, last_active_at FROM participants WHERE id = \(id.description)") else {
                return nil
            }
            (phase, stored, lastActive) = try row.decode((String, String, Date).self)
        }
        if stored != language || lastActive < time.addingTimeInterval(-StoredSession.activityResolution) {
            try keepingPrepared({
                try connection.sendLater(Self.touchStatement, key: id.description) { binds in
                    binds.append(id.description)
                    binds.append(language)
                    binds.append(time)
                }
            }) {
                $0.facts[id.description]?.participant?.language = language
                $0.facts[id.description]?.participant?.last_active_at = time
            }
        }
        return Phase(rawValue: phase)
    }

    // The writes of every turn are rows of statements sent later, without waiting for their
    // answers (`WaitingConnection.sendLater`), and keep the prepared checks current.

    func saveSession(_ session: StoredSession) throws {
        try keepingPrepared({
            try connection.sendLater(Self.sessionStatement, key: session.participant.description) { binds in
                binds.append(session.participant.description)
                try binds.append(session.state)
                binds.append(session.turns)
                binds.append(session.updatedAt)
            }
        }) { checks in
            checks.facts[session.participant.description]?.turns = session.turns
            if checks.facts[session.participant.description]?.conversation != nil {
                checks.facts[session.participant.description]?.conversation = session
            }
        }
    }

    // The statements of many rows that a turn's writes are collected into.

    static let sessionStatement = DeferredStatement(
        head: "INSERT INTO sessions (participant_id, state, turns, updated_at) VALUES", width: 4,
        tail: "ON CONFLICT (participant_id) DO UPDATE SET state = EXCLUDED.state, turns = EXCLUDED.turns, updated_at = EXCLUDED.updated_at")
    static let answerStatement = DeferredStatement(
        head: "INSERT INTO answers (participant_id, slot, value, answered_at) VALUES", width: 4,
        tail: "ON CONFLICT (participant_id, slot) DO UPDATE SET value = EXCLUDED.value, answered_at = EXCLUDED.answered_at")
    static let processedRequestStatement = DeferredStatement(
        head: "INSERT INTO processed_requests (channel, request_id, participant_id, reply_json, at, delivered_at) VALUES", width: 6,
        tail: "")
    static let touchStatement = DeferredStatement(
        head: "UPDATE participants AS p SET language = v.language, last_active_at = v.at FROM (VALUES", width: 3,
        tail: ") AS v (id, language, at) WHERE p.id = v.id")

    func saveAnswers(_ answers: [String: String?], for id: ParticipantID, at time: Date) throws {
        let participant = id.description
        // The answers are no part of a turn's checks.
        try keepingPrepared({ try sendAnswers(answers, participant: participant, at: time) }) { _ in }
    }

    private func sendAnswers(_ answers: [String: String?], participant: String, at time: Date) throws {
        for (slot, value) in answers.sorted(by: { $0.key < $1.key }) {
            if let value {
                try connection.sendLater(Self.answerStatement, key: participant + "\u{1F}" + slot) { binds in
                    binds.append(participant)
                    binds.append(slot)
                    binds.append(value)
                    binds.append(time)
                }
            } else {
                try connection.send("DELETE FROM answers WHERE participant_id = \(participant) AND slot = \(slot)")
            }
        }
    }

    func save(_ profile: Profile, for id: ParticipantID) throws {
        try connection.execute(RowEncoder.encode(ProfileRecord(profile, for: id)).insert(into: ProfileRecord.databaseTableName,
                                                                                           onConflict: ["participant_id"]))
    }

    func setPhase(_ phase: Phase, for id: ParticipantID) throws {
        try connection.execute("UPDATE participants SET phase = \(phase.rawValue) WHERE id = \(id.description)")
    }

    // MARK: - Matching

    func profiles() throws -> [(ParticipantID, Profile)] {
        try all(ProfileRecord.self, "SELECT * FROM profiles ORDER BY participant_id").compactMap { record in
            guard let id = ParticipantID(record.participant_id) else { return nil }
            return (id, try record.profile())
        }
    }

    func pairs(of id: ParticipantID) throws -> [Pair] {
        if let facts = preparedFacts(id), !facts.isInAPair { return [] }
        return try all(PairRecord.self, """
            SELECT * FROM pairs WHERE teacher_id = \(id.description) OR professional_id = \(id.description) ORDER BY proposed_at DESC
            """).map { try $0.pair() }
    }

    func allPairs() throws -> [Pair] {
        try all(PairRecord.self, "SELECT * FROM pairs ORDER BY proposed_at, id").map { try $0.pair() }
    }

    func save(_ pair: Pair) throws {
        try connection.execute(RowEncoder.encode(PairRecord(pair)).insert(into: PairRecord.databaseTableName, onConflict: ["id"]))
    }

    func like(from: ParticipantID, to: ParticipantID) throws -> Bool? {
        try connection.value(Bool.self, "SELECT liked FROM likes WHERE from_id = \(from.description) AND to_id = \(to.description)")
    }

    func judged(by from: ParticipantID) throws -> Set<ParticipantID> {
        Set(try connection.rows("SELECT to_id FROM likes WHERE from_id = \(from.description)")
            .compactMap { ParticipantID(try $0.decode(String.self)) })
    }

    func exclusions() throws -> Set<Set<ParticipantID>> {
        Set(try connection.rows("SELECT first_id, second_id FROM exclusions").compactMap { row -> Set<ParticipantID>? in
            let (first, second) = try row.decode((String, String).self)
            guard let a = ParticipantID(first), let b = ParticipantID(second) else { return nil }
            return [a, b]
        })
    }

    func saveLike(from: ParticipantID, to: ParticipantID, liked: Bool, at time: Date) throws {
        try connection.execute("""
            INSERT INTO likes (from_id, to_id, liked, at) VALUES (\(from.description), \(to.description), \(liked), \(time))
            ON CONFLICT (from_id, to_id) DO UPDATE SET liked = EXCLUDED.liked, at = EXCLUDED.at
            """)
    }

    func addExclusion(_ a: ParticipantID, _ b: ParticipantID, at time: Date) throws {
        let (first, second) = a < b ? (a, b) : (b, a)
        try connection.execute("""
            INSERT INTO exclusions (first_id, second_id, at) VALUES (\(first.description), \(second.description), \(time)) ON CONFLICT DO NOTHING
            """)
    }

    // MARK: - Events, requests, audit

    func events() throws -> [ProgrammeEvent] {
        try all(EventRecord.self, "SELECT * FROM events ORDER BY id").map { try $0.event() }
    }

    func record(_ event: ProgrammeEvent) throws {
        _ = try insertEvent(event)
    }

    /// Inserts `event`; its id.
    func insertEvent(_ event: ProgrammeEvent) throws -> Int64 {
        // The id is the sequence's (`bigserial`), as SQLite's INTEGER PRIMARY KEY is its rowid.
        var query = try RowEncoder.encode(EventRecord(event), skipping: ["id"]).insert(into: EventRecord.databaseTableName)
        query.sql += " RETURNING id"
        return try connection.value(Int64.self, query) ?? 0
    }

    func processedRequest(channel: String, requestID: String, participant: ParticipantID) throws -> ProcessedRequest? {
        if currentPrepared?.requestsNotTaken.contains(PreparedTurnChecks.key(channel: channel, requestID: requestID,
                                                                             participant: participant.description)) == true {
            return nil
        }
        return try one(ProcessedRequestRecord.self, """
            SELECT * FROM processed_requests
            WHERE participant_id = \(participant.description) AND channel = \(channel) AND request_id = \(requestID)
            """)?.processedRequest()
    }

    func save(_ request: ProcessedRequest) throws {
        let key = PreparedTurnChecks.key(channel: request.channel, requestID: request.requestID, participant: request.participant.description)
        try keepingPrepared({
            try connection.sendLater(Self.processedRequestStatement, key: key) { binds in
                binds.append(request.channel)
                binds.append(request.requestID)
                binds.append(request.participant.description)
                try binds.append(request.reply)
                binds.append(request.at)
                binds.append(request.deliveredAt)
            }
        }) { $0.requestsNotTaken.remove(key) }
    }

    func pruneProcessedRequests(deliveredBefore time: Date) throws -> Int {
        try connection.execute("DELETE FROM processed_requests WHERE delivered_at IS NOT NULL AND at < \(time)")
    }

    func audit(_ entry: AuditEntry) throws {
        try connection.execute("""
            INSERT INTO audit_log (at, actor, action, subject, detail)
            VALUES (\(entry.at), \(entry.actor), \(entry.action), \(entry.subject), \(entry.detail))
            """)
    }

    func auditEntries() throws -> [AuditEntry] {
        try connection.rows("SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id").map { row in
            let (at, actor, action, subject, detail) = try row.decode((Date, String, String, String?, String).self)
            return AuditEntry(at: at, actor: actor, action: action, subject: subject, detail: detail)
        }
    }

    func exportPersonalData(of id: ParticipantID, at now: Date, scope: PersonalDataExportScope) throws -> Data {
        try PostgresPersonalData.export(id, at: now, scope: scope, in: self)
    }
}
