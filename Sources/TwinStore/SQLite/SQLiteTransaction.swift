import Foundation
import GRDB
import Twinning

/// `TwinTransaction` over one GRDB database connection, inside its transaction.
struct SQLiteTransaction: TwinTransaction {
    let db: Database

    func participant(_ id: ParticipantID) throws -> Participant? {
        // The reads of every turn use cached statements: compiling SQL each time is measurable.
        try ParticipantRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM participants WHERE id = ?"), arguments: [id.description])?.participant()
    }

    func participants() throws -> [Participant] {
        try ParticipantRecord.order(Column("id")).fetchAll(db).map { try $0.participant() }
    }

    func session(_ id: ParticipantID) throws -> StoredSession? {
        try SessionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM sessions WHERE participant_id = ?"), arguments: [id.description])?.session()
    }

    func sessionTurns(_ id: ParticipantID) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT turns FROM sessions WHERE participant_id = ?"), arguments: [id.description])
    }

    func sessions() throws -> [StoredSession] {
        try SessionRecord.order(Column("participant_id")).fetchAll(db).map { try $0.session() }
    }

    func answers(_ id: ParticipantID) throws -> [StoredAnswer] {
        try AnswerRecord.filter(Column("participant_id") == id.description).order(Column("slot")).fetchAll(db)
            .map { StoredAnswer(slot: $0.slot, value: $0.value, answeredAt: $0.answered_at) }
    }

    func isProfileOpen(_ id: ParticipantID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT consent_given_at IS NOT NULL FROM profiles WHERE participant_id = ?"),
                          arguments: [id.description]) ?? false
    }

    func profileName(_ id: ParticipantID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM profiles WHERE participant_id = ?"), arguments: [id.description])
    }

    func profile(_ id: ParticipantID) throws -> Profile? {
        try ProfileRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM profiles WHERE participant_id = ?"), arguments: [id.description])?.profile()
    }

    func save(_ participant: Participant) throws {
        try ParticipantRecord(participant).save(db)
    }

    func touch(_ id: ParticipantID, language: String, at time: Date) throws -> Phase? {
        // Every turn touches its participant; rewriting the row (a page in the WAL) when the
        // last activity is under a minute old would only make the single writer slower.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT phase, language, last_active_at FROM participants WHERE id = ?"),
                                         arguments: [id.description]) else { return nil }
        let stored: String = row["language"], lastActive: Date = row["last_active_at"]
        if stored != language || lastActive < time.addingTimeInterval(-StoredSession.activityResolution) {
            try db.cachedStatement(sql: "UPDATE participants SET language = ?, last_active_at = ? WHERE id = ?")
                .execute(arguments: [language, StoredDate(time), id.description])
        }
        return Phase(rawValue: row["phase"])
    }

    // The two writes of every turn use cached statements and one upsert each: they run inside
    // SQLite's single writer, so their cost bounds how many turns per second the store takes.

    func saveSession(_ session: StoredSession) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO sessions (participant_id, state, turns, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (participant_id) DO UPDATE SET state = excluded.state, turns = excluded.turns, updated_at = excluded.updated_at
            """)
        try statement.execute(arguments: [session.participant.description, session.state, session.turns, StoredDate(session.updatedAt)])
    }

    func saveAnswers(_ answers: [String: String?], for id: ParticipantID, at time: Date) throws {
        let participant = id.description, time = StoredDate(time)
        for (slot, value) in answers.sorted(by: { $0.key < $1.key }) {
            if let value {
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO answers (participant_id, slot, value, answered_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (participant_id, slot) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at
                    """)
                try statement.execute(arguments: [participant, slot, value, time])
            } else {
                let statement = try db.cachedStatement(sql: "DELETE FROM answers WHERE participant_id = ? AND slot = ?")
                try statement.execute(arguments: [participant, slot])
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
        try PairRecord.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM pairs WHERE teacher_id = ? OR professional_id = ? ORDER BY proposed_at DESC
            """), arguments: [id.description, id.description]).map { try $0.pair() }
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

    // MARK: - Processed requests

    func processedRequest(channel: String, requestID: String, participant: ParticipantID) throws -> ProcessedRequest? {
        // Looked up on every turn that carries an id: a cached statement is not compiled again.
        let statement = try db.cachedStatement(sql: """
            SELECT * FROM processed_requests WHERE participant_id = ? AND channel = ? AND request_id = ?
            """)
        return try ProcessedRequestRecord.fetchOne(statement, arguments: [participant.description, channel, requestID])?
            .processedRequest()
    }

    func save(_ request: ProcessedRequest) throws {
        // Every turn with a request id stores one: a cached statement rather than the record's
        // generic insert, whose persistence callbacks cost more than the insert itself.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO processed_requests (participant_id, channel, request_id, reply_json, at, delivered_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [request.participant.description, request.channel, request.requestID,
                                          request.reply, StoredDate(request.at), request.deliveredAt.map(StoredDate.init)])
    }

    func pruneProcessedRequests(deliveredBefore time: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM processed_requests WHERE delivered_at IS NOT NULL AND at < ?", arguments: [time])
        return db.changesCount
    }

    // MARK: - Trajectories

    func goals(of pairID: String) throws -> [Goal] {
        try GoalRecord.filter(Column("pair_id") == pairID).order(Column("created_at"), Column("id")).fetchAll(db).map { $0.goal() }
    }

    func expectations(of pairID: String) throws -> [Expectation] {
        try ExpectationRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM expectations WHERE pair_id = ? ORDER BY updated_at, participant_id"),
                                       arguments: [pairID]).map { try $0.expectation() }
    }

    func plan(of pairID: String) throws -> Plan? {
        try PlanRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM plans WHERE pair_id = ?"), arguments: [pairID])?.plan()
    }

    func activities(of pairID: String) throws -> [Activity] {
        try ActivityRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM activities WHERE pair_id = ? ORDER BY logged_at, id"),
                                    arguments: [pairID]).map { try $0.activity() }
    }

    func evaluationFinished(of id: ParticipantID, pairID: String) throws -> Bool? {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT finished_at IS NOT NULL FROM evaluations WHERE participant_id = ? AND pair_id = ?"),
                          arguments: [id.description, pairID])
    }

    func hasUnconfirmedActivity(of pairID: String, loggedBy author: ParticipantID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM activities WHERE pair_id = ? AND logged_by = ? AND confirmed_at IS NULL)
            """), arguments: [pairID, author.description]) ?? false
    }

    func managerAgreement(of id: ParticipantID) throws -> ManagerAgreement? {
        try String.fetchOne(db, sql: "SELECT manager_agreement FROM context_checks WHERE participant_id = ?", arguments: [id.description])
            .flatMap(ManagerAgreement.init(rawValue:))
    }

    func hasContextCheck(_ id: ParticipantID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM context_checks WHERE participant_id = ?)"),
                          arguments: [id.description]) ?? false
    }

    func clickCheck(of id: ParticipantID, pairID: String) throws -> ClickCheck? {
        try clickChecks(of: pairID).first { $0.participant == id }
    }

    func clickChecks(of pairID: String) throws -> [ClickCheck] {
        try Row.fetchAll(db, sql: "SELECT participant_id, answer, checked_at FROM click_checks WHERE pair_id = ? ORDER BY checked_at, participant_id",
                         arguments: [pairID]).compactMap { row in
            guard let participant = ParticipantID(row["participant_id"] as String),
                  let answer = ClickAnswer(rawValue: row["answer"]) else { return nil }
            return ClickCheck(participant: participant, pairID: pairID, answer: answer, checkedAt: row["checked_at"])
        }
    }

    func reportedBottlenecks(of pairID: String) throws -> [ReportedBottleneck] {
        try Row.fetchAll(db, sql: "SELECT id, participant_id, topic, words, reported_at FROM reported_bottlenecks WHERE pair_id = ? ORDER BY id",
                         arguments: [pairID]).compactMap { row in
            guard let participant = ParticipantID(row["participant_id"] as String),
                  let topic = ReportedBottleneck.Topic(rawValue: row["topic"]) else { return nil }
            return ReportedBottleneck(id: row["id"], pairID: pairID, participant: participant, topic: topic,
                                      words: row["words"], reportedAt: row["reported_at"])
        }
    }

    func evaluation(of id: ParticipantID, pairID: String) throws -> Evaluation? {
        guard let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT data FROM evaluations WHERE participant_id = ? AND pair_id = ?"),
                                           arguments: [id.description, pairID]) else { return nil }
        do {
            return try JSONDecoder().decode(Evaluation.self, from: data)
        } catch {
            throw StoreError.corruptRow(table: "evaluations", key: id.description, reason: "\(error)")
        }
    }

    func openBottlenecks(of pairID: String?) throws -> [Bottleneck] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT pair_id, participant_id, kind, detected_at FROM bottlenecks
            WHERE resolved_at IS NULL AND (? IS NULL OR pair_id = ?) ORDER BY id
            """, arguments: [pairID, pairID])
        return rows.compactMap { row in
            guard let kind = Bottleneck.Kind(rawValue: row["kind"]) else { return nil }
            return Bottleneck(kind: kind, pairID: row["pair_id"], participant: (row["participant_id"] as String?).flatMap(ParticipantID.init),
                              detectedAt: row["detected_at"])
        }
    }

    func pendingNotices(for id: ParticipantID) throws -> [Notice] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, text_nl, text_en, created_at FROM notices WHERE participant_id = ? AND shown_at IS NULL ORDER BY id"),
                         arguments: [id.description]).map { row in
            Notice(participant: id, kind: row["kind"], nl: row["text_nl"], en: row["text_en"], createdAt: row["created_at"])
        }
    }

    func save(_ goal: Goal) throws {
        try GoalRecord(goal).save(db)
    }

    func deleteGoal(_ id: String) throws {
        _ = try GoalRecord.deleteOne(db, key: id)
    }

    func save(_ expectation: Expectation) throws {
        try ExpectationRecord(expectation).save(db)
    }

    func save(_ plan: Plan) throws {
        try PlanRecord(plan).save(db)
    }

    func save(_ activity: Activity) throws {
        try ActivityRecord(activity).save(db)
    }

    func saveManagerAgreement(_ agreement: ManagerAgreement, for id: ParticipantID, at time: Date) throws {
        try db.execute(sql: """
            INSERT INTO context_checks (participant_id, manager_agreement, checked_at) VALUES (?, ?, ?)
            ON CONFLICT (participant_id) DO UPDATE SET manager_agreement = excluded.manager_agreement, checked_at = excluded.checked_at
            """, arguments: [id.description, agreement.rawValue, time])
    }

    func save(_ click: ClickCheck) throws {
        try db.execute(sql: """
            INSERT INTO click_checks (participant_id, pair_id, answer, checked_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (participant_id, pair_id) DO UPDATE SET answer = excluded.answer, checked_at = excluded.checked_at
            """, arguments: [click.participant.description, click.pairID, click.answer.rawValue, click.checkedAt])
    }

    func save(_ report: ReportedBottleneck) throws -> ReportedBottleneck {
        try db.execute(sql: "INSERT INTO reported_bottlenecks (pair_id, participant_id, topic, words, reported_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [report.pairID, report.participant.description, report.topic.rawValue, report.words, report.reportedAt])
        var stored = report
        stored.id = db.lastInsertedRowID
        return stored
    }

    func save(_ evaluation: Evaluation) throws {
        let data = try JSONEncoder().encode(evaluation)
        try db.execute(sql: """
            INSERT INTO evaluations (participant_id, pair_id, data, finished_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (participant_id, pair_id) DO UPDATE SET data = excluded.data, finished_at = excluded.finished_at
            """, arguments: [evaluation.participant.description, evaluation.pairID, data, evaluation.finishedAt])
    }

    func flag(_ bottleneck: Bottleneck) throws -> Bool {
        let open = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM bottlenecks WHERE pair_id = ? AND kind = ? AND participant_id IS ? AND resolved_at IS NULL
            """, arguments: [bottleneck.pairID, bottleneck.kind.rawValue, bottleneck.participant?.description]) ?? 0
        guard open == 0 else { return false }
        try db.execute(sql: "INSERT INTO bottlenecks (pair_id, participant_id, kind, detected_at) VALUES (?, ?, ?, ?)",
                       arguments: [bottleneck.pairID, bottleneck.participant?.description, bottleneck.kind.rawValue, bottleneck.detectedAt])
        return true
    }

    func resolveBottlenecks(of pairID: String, except current: [Bottleneck], at time: Date) throws {
        for open in try openBottlenecks(of: pairID) where !current.contains(where: { $0.kind == open.kind && $0.participant == open.participant }) {
            try db.execute(sql: """
                UPDATE bottlenecks SET resolved_at = ? WHERE pair_id = ? AND kind = ? AND participant_id IS ? AND resolved_at IS NULL
                """, arguments: [time, pairID, open.kind.rawValue, open.participant?.description])
        }
    }

    func add(_ notice: Notice) throws {
        try db.execute(sql: "INSERT INTO notices (participant_id, kind, text_nl, text_en, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [notice.participant.description, notice.kind, notice.nl, notice.en, notice.createdAt])
    }

    func markNoticesShown(for id: ParticipantID, at time: Date) throws {
        try db.execute(sql: "UPDATE notices SET shown_at = ? WHERE participant_id = ? AND shown_at IS NULL", arguments: [StoredDate(time), id.description])
    }
}
