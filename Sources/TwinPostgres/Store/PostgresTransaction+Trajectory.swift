import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// A pair's trajectory (goals, expectations, plan, activities, checks, bottlenecks, the
/// evaluation) and the participants' notices, on PostgreSQL.
extension PostgresTransaction {
    func goals(of pairID: String) throws -> [Goal] {
        try all(GoalRecord.self, "SELECT * FROM goals WHERE pair_id = \(pairID) ORDER BY created_at, id").map { $0.goal() }
    }

    func expectations(of pairID: String) throws -> [Expectation] {
        try all(ExpectationRecord.self, "SELECT * FROM expectations WHERE pair_id = \(pairID) ORDER BY updated_at, participant_id")
            .map { try $0.expectation() }
    }

    func plan(of pairID: String) throws -> Plan? {
        try one(PlanRecord.self, "SELECT * FROM plans WHERE pair_id = \(pairID)")?.plan()
    }

    func activities(of pairID: String) throws -> [Activity] {
        try all(ActivityRecord.self, "SELECT * FROM activities WHERE pair_id = \(pairID) ORDER BY logged_at, id").map { try $0.activity() }
    }

    func evaluationFinished(of id: ParticipantID, pairID: String) throws -> Bool? {
        try connection.value(Bool.self, """
            SELECT finished_at IS NOT NULL FROM evaluations WHERE participant_id = \(id.description) AND pair_id = \(pairID)
            """)
    }

    func hasUnconfirmedActivity(of pairID: String, loggedBy author: ParticipantID) throws -> Bool {
        try connection.value(Bool.self, """
            SELECT EXISTS (SELECT 1 FROM activities WHERE pair_id = \(pairID) AND logged_by = \(author.description) AND confirmed_at IS NULL)
            """) ?? false
    }

    func managerAgreement(of id: ParticipantID) throws -> ManagerAgreement? {
        try connection.value(String.self, "SELECT manager_agreement FROM context_checks WHERE participant_id = \(id.description)")
            .flatMap(ManagerAgreement.init(rawValue:))
    }

    func hasContextCheck(_ id: ParticipantID) throws -> Bool {
        try connection.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM context_checks WHERE participant_id = \(id.description))") ?? false
    }

    func clickCheck(of id: ParticipantID, pairID: String) throws -> ClickCheck? {
        try clickChecks(of: pairID).first { $0.participant == id }
    }

    func clickChecks(of pairID: String) throws -> [ClickCheck] {
        try connection.rows("""
            SELECT participant_id, answer, checked_at FROM click_checks WHERE pair_id = \(pairID) ORDER BY checked_at, participant_id
            """).compactMap { row in
            let (participant, answer, checkedAt) = try row.decode((String, String, Date).self)
            guard let id = ParticipantID(participant), let answer = ClickAnswer(rawValue: answer) else { return nil }
            return ClickCheck(participant: id, pairID: pairID, answer: answer, checkedAt: checkedAt)
        }
    }

    func reportedBottlenecks(of pairID: String) throws -> [ReportedBottleneck] {
        try connection.rows("""
            SELECT id, participant_id, topic, words, reported_at FROM reported_bottlenecks WHERE pair_id = \(pairID) ORDER BY id
            """).compactMap { row in
            let (key, participant, topic, words, reportedAt) = try row.decode((Int64, String, String, String?, Date).self)
            guard let id = ParticipantID(participant), let topic = ReportedBottleneck.Topic(rawValue: topic) else { return nil }
            return ReportedBottleneck(id: key, pairID: pairID, participant: id, topic: topic, words: words, reportedAt: reportedAt)
        }
    }

    func evaluation(of id: ParticipantID, pairID: String) throws -> Evaluation? {
        guard let text = try connection.value(String.self, """
            SELECT data FROM evaluations WHERE participant_id = \(id.description) AND pair_id = \(pairID)
            """) else { return nil }
        do {
            return try JSONDecoder().decode(Evaluation.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: "evaluations", key: id.description, reason: "\(error)")
        }
    }

    func openBottlenecks(of pairID: String?) throws -> [Bottleneck] {
        try connection.rows("""
            SELECT pair_id, participant_id, kind, detected_at FROM bottlenecks
            WHERE resolved_at IS NULL AND (\(pairID)::text IS NULL OR pair_id = \(pairID)) ORDER BY id
            """).compactMap { row in
            let (pair, participant, kind, detectedAt) = try row.decode((String, String?, String, Date).self)
            guard let kind = Bottleneck.Kind(rawValue: kind) else { return nil }
            return Bottleneck(kind: kind, pairID: pair, participant: participant.flatMap(ParticipantID.init), detectedAt: detectedAt)
        }
    }

    func pendingNotices(for id: ParticipantID) throws -> [Notice] {
        if let facts = preparedFacts(id), !facts.hasPendingNotices { return [] }
        return try notices("SELECT kind, text_nl, text_en, created_at FROM notices WHERE participant_id = \(id.description) AND shown_at IS NULL ORDER BY id",
                    of: id)
    }

    func notices(for id: ParticipantID, kind: String) throws -> [Notice] {
        try notices("SELECT kind, text_nl, text_en, created_at FROM notices WHERE participant_id = \(id.description) AND kind = \(kind) ORDER BY id",
                    of: id)
    }

    private func notices(_ query: PostgresQuery, of id: ParticipantID) throws -> [Notice] {
        try connection.rows(query).map { row in
            let (kind, nl, en, createdAt) = try row.decode((String, String, String, Date).self)
            return Notice(participant: id, kind: kind, nl: nl, en: en, createdAt: createdAt)
        }
    }

    func save(_ goal: Goal) throws {
        try connection.execute(RowEncoder.encode(GoalRecord(goal)).insert(into: GoalRecord.databaseTableName, onConflict: ["id"]))
    }

    func deleteGoal(_ id: String) throws {
        try connection.execute("DELETE FROM goals WHERE id = \(id)")
    }

    func save(_ expectation: Expectation) throws {
        try connection.execute(RowEncoder.encode(ExpectationRecord(expectation)).insert(into: ExpectationRecord.databaseTableName,
                                                                                          onConflict: ["participant_id", "pair_id"]))
    }

    func save(_ plan: Plan) throws {
        try connection.execute(RowEncoder.encode(PlanRecord(plan)).insert(into: PlanRecord.databaseTableName, onConflict: ["pair_id"]))
    }

    func save(_ activity: Activity) throws {
        try connection.execute(RowEncoder.encode(ActivityRecord(activity)).insert(into: ActivityRecord.databaseTableName, onConflict: ["id"]))
    }

    func saveManagerAgreement(_ agreement: ManagerAgreement, for id: ParticipantID, at time: Date) throws {
        try connection.execute("""
            INSERT INTO context_checks (participant_id, manager_agreement, checked_at) VALUES (\(id.description), \(agreement.rawValue), \(time))
            ON CONFLICT (participant_id) DO UPDATE SET manager_agreement = EXCLUDED.manager_agreement, checked_at = EXCLUDED.checked_at
            """)
    }

    func save(_ click: ClickCheck) throws {
        try connection.execute("""
            INSERT INTO click_checks (participant_id, pair_id, answer, checked_at)
            VALUES (\(click.participant.description), \(click.pairID), \(click.answer.rawValue), \(click.checkedAt))
            ON CONFLICT (participant_id, pair_id) DO UPDATE SET answer = EXCLUDED.answer, checked_at = EXCLUDED.checked_at
            """)
    }

    func save(_ report: ReportedBottleneck) throws -> ReportedBottleneck {
        var stored = report
        stored.id = try connection.value(Int64.self, """
            INSERT INTO reported_bottlenecks (pair_id, participant_id, topic, words, reported_at)
            VALUES (\(report.pairID), \(report.participant.description), \(report.topic.rawValue), \(report.words), \(report.reportedAt))
            RETURNING id
            """)
        return stored
    }

    func save(_ evaluation: Evaluation) throws {
        let data = String(decoding: try JSONEncoder().encode(evaluation), as: UTF8.self)
        try connection.execute("""
            INSERT INTO evaluations (participant_id, pair_id, data, finished_at)
            VALUES (\(evaluation.participant.description), \(evaluation.pairID), \(data), \(evaluation.finishedAt))
            ON CONFLICT (participant_id, pair_id) DO UPDATE SET data = EXCLUDED.data, finished_at = EXCLUDED.finished_at
            """)
    }

    func flag(_ bottleneck: Bottleneck) throws -> Bool {
        let participant = bottleneck.participant?.description
        let open = try connection.value(Int.self, """
            SELECT count(*) FROM bottlenecks WHERE pair_id = \(bottleneck.pairID) AND kind = \(bottleneck.kind.rawValue)
              AND participant_id IS NOT DISTINCT FROM \(participant)::text AND resolved_at IS NULL
            """) ?? 0
        guard open == 0 else { return false }
        try connection.execute("""
            INSERT INTO bottlenecks (pair_id, participant_id, kind, detected_at)
            VALUES (\(bottleneck.pairID), \(participant), \(bottleneck.kind.rawValue), \(bottleneck.detectedAt))
            """)
        return true
    }

    func resolveBottlenecks(of pairID: String, except current: [Bottleneck], at time: Date) throws {
        for open in try openBottlenecks(of: pairID) where !current.contains(where: { $0.kind == open.kind && $0.participant == open.participant }) {
            try connection.execute("""
                UPDATE bottlenecks SET resolved_at = \(time)
                WHERE pair_id = \(pairID) AND kind = \(open.kind.rawValue)
                  AND participant_id IS NOT DISTINCT FROM \(open.participant?.description)::text AND resolved_at IS NULL
                """)
        }
    }

    func add(_ notice: Notice) throws {
        try connection.execute("""
            INSERT INTO notices (participant_id, kind, text_nl, text_en, created_at)
            VALUES (\(notice.participant.description), \(notice.kind), \(notice.nl), \(notice.en), \(notice.createdAt))
            """)
    }

    func markNoticesShown(for id: ParticipantID, at time: Date) throws {
        try connection.execute("UPDATE notices SET shown_at = \(time) WHERE participant_id = \(id.description) AND shown_at IS NULL")
    }
}
