import Foundation
import Logging
import PostgresNIO
import Testing
import TwinAssistant
import TwinConfiguration
import TwinPostgres
import JobTwinTestSupport
import TwinReply
import TwinStore
import Twinning

/// The PostgreSQL store against a real server: what the Assistant stores there is what it
/// stores in SQLite, turns of one participant arriving at two instances at once are each taken
/// once, two outbox workers never claim the same delivery, and an erasure leaves nothing.
@Suite("PostgreSQL store", PostgresTestServer.required)
struct PostgresRepositoryTests {
    static let anna = ParticipantID("api:anna") ?? ParticipantID(channel: "api", local: "anna")!
    static let bram = ParticipantID("api:bram") ?? ParticipantID(channel: "api", local: "bram")!

    @Test("the same intakes leave the same export, table by table and value by value, as on SQLite")
    func sameExportAsSQLite() async throws {
        let sqlite = try await PostgresStores.withSQLite { repository in try await Self.intakes(on: repository) }
        let postgres = try await PostgresTestServer.withDatabase { location in
            let repository = try await PostgresRepository(location: location)
            defer { repository.close() }
            return try await Self.intakes(on: repository)
        }
        for (index, export) in postgres.enumerated() {
            let tables = try #require(export["tables"] as? NSDictionary)
            try Self.expectSameTables(tables, try #require(sqlite[index]["tables"] as? NSDictionary))
            let answers = try #require(tables["answers"] as? NSArray)
            #expect(answers.count >= 10, "the intake's answers are there")
        }
    }

    @Test("db copy moves a programme from SQLite: every table's rows counted, the same export, the conversation goes on; a second copy is refused")
    func copyFromSQLite() async throws {
        try await PostgresStores.withSQLite { sqlite in
            let before = try await Self.intakes(on: sqlite)
            try await PostgresTestServer.withDatabase { location in
                let counts = try await PostgresCopy.copy(from: sqlite, to: location)
                #expect(counts.tables.count == PostgresSchema.tables.count)
                for table in counts.tables { #expect(counts.source[table] == counts.target[table], "\(table)") }
                #expect((counts.target["answers"] ?? 0) >= 20)
                let repository = try await PostgresRepository(location: location)
                let after = [try await PostgresStores.export(Self.anna, from: repository), try await PostgresStores.export(Self.bram, from: repository)]
                for (copied, original) in zip(after, before) {
                    try Self.expectSameTables(try #require(copied["tables"] as? NSDictionary), try #require(original["tables"] as? NSDictionary))
                }
                // The copied conversation goes on, and new rows get keys after the copied ones.
                let assistant = try PostgresStores.assistant(on: repository, clock: ManualClock(PostgresStores.start.addingTimeInterval(3_600)))
                let reply = try await assistant.handle(participant: Self.anna, text: "status")
                #expect(reply.participant == Self.anna.description)
                try await repository.transaction { tx in try tx.audit(AuditEntry(at: PostgresStores.start, actor: "test", action: "copy.check", subject: nil, detail: "")) }
                repository.close()
                do {
                    _ = try await PostgresCopy.copy(from: sqlite, to: location)
                    Issue.record("a second copy into the same database was accepted")
                } catch let error as PostgresCopyError {
                    #expect(error.description.contains("holds data already"))
                }
            }
        }
    }

    /// Expects the same tables with the same rows, value by value, whatever order each store
    /// reads them in.
    static func expectSameTables(_ tables: NSDictionary, _ expected: NSDictionary) throws {
        #expect(Set(tables.allKeys.compactMap { $0 as? String }) == Set(expected.allKeys.compactMap { $0 as? String }))
        for case let table as String in expected.allKeys {
            let rows = try canonical(try #require(tables[table] as? [NSDictionary]))
            let wanted = try canonical(try #require(expected[table] as? [NSDictionary]))
            #expect(rows.count == wanted.count, "the rows of \(table)")
            for (row, want) in zip(rows, wanted) {
                for case let column as String in want.allKeys {
                    #expect(row[column] as? NSObject == want[column] as? NSObject, "\(table).\(column)")
                }
                #expect(row.count == want.count, "the columns of \(table)")
            }
        }
    }

    /// `rows` in the order of their JSON text.
    static func canonical(_ rows: [NSDictionary]) throws -> [NSDictionary] {
        try rows.map { row in
            (String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self), row)
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Two intakes through an assistant on `repository`; both participants' exports.
    static func intakes(on repository: any TwinRepository) async throws -> [NSDictionary] {
        let clock = ManualClock(PostgresStores.start)
        let assistant = try PostgresStores.assistant(on: repository, clock: clock, keepTexts: true)
        _ = try await assistant.open(participant: anna)
        try await PostgresStores.type(PostgresStores.teacherIntake, as: anna, to: assistant)
        clock.advance(by: 61)
        _ = try await assistant.open(participant: bram)
        try await PostgresStores.type(PostgresStores.professionalIntake, as: bram, to: assistant)
        return [try await PostgresStores.export(anna, from: repository), try await PostgresStores.export(bram, from: repository)]
    }

    @Test("200 turns of 50 participants at once over two instances: each taken once, a request sent to both answered alike")
    func turnsAcrossInstances() async throws {
        try await PostgresTestServer.withDatabase { location in
            let first = try await PostgresRepository(location: location, connections: 4)
            let second = try await PostgresRepository(location: location, connections: 4)
            defer { first.close(); second.close() }
            let clock = ManualClock(PostgresStores.start)
            // Each instance has its own assistant, and so its own cache of conversations.
            let assistants = [try PostgresStores.assistant(on: first, clock: clock), try PostgresStores.assistant(on: second, clock: clock)]
            let participants = (0..<50).compactMap { ParticipantID(channel: "api", local: "p\($0)") }
            let answers = Array(PostgresStores.teacherIntake.prefix(4))
            // Each turn goes to both instances at the same moment, as a platform's retry landing
            // on the other instance would; which one is asked first alternates.
            let results = try await withThrowingTaskGroup(of: [(ParticipantID, Reply, Reply)].self) { group in
                for (number, participant) in participants.enumerated() {
                    group.addTask {
                        var got: [(ParticipantID, Reply, Reply)] = []
                        for (turn, answer) in answers.enumerated() {
                            let request = ChannelRequestID(channel: "api", value: "\(participant.local)-\(turn)")
                            if turn == 0 { _ = try await assistants[number % 2].open(participant: participant) }
                            let chosen = (number + turn) % 2
                            async let one = assistants[chosen].handle(participant: participant, text: answer, requestID: request)
                            async let other = assistants[1 - chosen].handle(participant: participant, text: answer, requestID: request)
                            got.append((participant, try await one, try await other))
                        }
                        return got
                    }
                }
                var all: [(ParticipantID, Reply, Reply)] = []
                for try await batch in group { all += batch }
                return all
            }
            #expect(results.count == 200)
            for (participant, one, other) in results {
                #expect(one == other, "both instances answered \(participant)'s request alike")
            }
            let stored = try await first.read { reader in
                try participants.map { (try reader.sessionTurns($0), try reader.answers($0).map(\.value)) }
            }
            for (index, (turns, values)) in stored.enumerated() {
                #expect(turns == answers.count + 1, "the opening and every turn of \(participants[index]) taken once")
                #expect(values.contains { $0.contains("Anna de Vries") }, "the name answer of \(participants[index]) is stored")
            }
            let requests = try await Self.count("SELECT count(*) FROM processed_requests", location)
            #expect(requests == 200)
        }
    }

    @Test("two outbox workers on two instances claim every delivery once")
    func claimsAcrossInstances() async throws {
        try await PostgresTestServer.withDatabase { location in
            let first = try await PostgresRepository(location: location, connections: 4)
            let second = try await PostgresRepository(location: location, connections: 4)
            defer { first.close(); second.close() }
            let now = PostgresStores.start
            try await first.transaction { tx in
                try tx.enqueue((0..<120).map { number in
                    NewDelivery(source: "test:\(number)", eventID: nil, target: "hook", kind: "test", idempotencyKey: "key-\(number)",
                                payload: Data("{\"n\":\(number)}".utf8), orderingKey: number % 10 == 0 ? "dm:same" : nil, createdAt: now)
                })
            }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for repository in [first, second, first, second] {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let batch = try await repository.transaction { tx in
                                try tx.claimDeliveries(now: now, leaseUntil: now.addingTimeInterval(60), limit: 7, targets: ["hook"])
                            }
                            if batch.isEmpty { return mine }
                            try await repository.transaction { tx in
                                for delivery in batch { try tx.markDelivered(delivery.id, httpStatus: 200, at: now) }
                            }
                            mine += batch.map(\.id)
                        }
                    }
                }
                var all: [Int64] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claimed.count == 120, "every delivery claimed")
            #expect(Set(claimed).count == 120, "none claimed twice")
            let counts = try await first.read { try $0.deliveryCounts() }
            #expect(counts[.delivered] == 120)
        }
    }

    @Test("an erasure on PostgreSQL leaves the person's texts in no table, and the partner's data under a stand-in")
    func erasure() async throws {
        try await PostgresTestServer.withDatabase { location in
            let repository = try await PostgresRepository(location: location)
            defer { repository.close() }
            _ = try await Self.intakes(on: repository)
            let standIn = try #require(try await repository.erasePersonalData(of: Self.anna, at: PostgresStores.start))
            #expect(standIn.isErasedStandIn)
            #expect(try await repository.read { try $0.participant(Self.anna) } == nil)
            #expect(try await repository.read { try $0.participant(Self.bram) } != nil, "the other participant stays")
            for text in ["Anna de Vries", "Erasmus College", "api:anna"] {
                let found = try await Self.rowsShowing(text, location)
                #expect(found.isEmpty, "\(text) is still in \(found)")
            }
            let bram = try await PostgresStores.export(Self.bram, from: repository)
            let answers = try #require((bram["tables"] as? NSDictionary)?["answers"] as? NSArray)
            #expect(answers.count >= 5, "Bram's own data stays")
        }
    }

    @Test("of two instances one leads the schedules; when it closes, the other takes over")
    func leadership() async throws {
        try await PostgresTestServer.withDatabase { location in
            let first = try await PostgresRepository(location: location, connections: 1)
            let second = try await PostgresRepository(location: location, connections: 1)
            #expect(await first.leadsSchedules())
            #expect(await first.leadsSchedules(), "it keeps the lead")
            #expect(await second.leadsSchedules() == false)
            first.close()
            var tookOver = false
            for _ in 0..<50 where !tookOver {
                tookOver = await second.leadsSchedules()
                if !tookOver { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(tookOver, "the lock went with the first one's connection")
            second.close()
        }
    }

    /// The tables with a row that shows `text` anywhere, bytes columns read as text.
    static func rowsShowing(_ text: String, _ location: PostgresLocation) async throws -> [String] {
        var found: [String] = []
        for table in PostgresTableNames.all {
            let count = try await Self.count("""
                SELECT count(*) FROM \(table) t WHERE strpos(t::text, '\(text)') > 0
                """, location)
            if count > 0 { found.append(table) }
        }
        for (table, column) in [("sessions", "state"), ("processed_requests", "reply_json"), ("deliveries", "payload")] {
            let count = try await Self.count("SELECT count(*) FROM \(table) WHERE strpos(convert_from(\(column), 'UTF8'), '\(text)') > 0", location)
            if count > 0 { found.append("\(table).\(column)") }
        }
        return found
    }

    static func count(_ sql: String, _ location: PostgresLocation) async throws -> Int {
        let connection = try await PostgresConnector(location: location).connect()
        var found = 0
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test")).decode(Int.self) {
            found = value
        }
        try await connection.close()
        return found
    }
}

/// The tables of the schema.
enum PostgresTableNames {
    static let all = ["participants", "sessions", "answers", "profiles", "pairs", "likes", "exclusions", "events", "processed_requests",
                      "goals", "plans", "activities", "context_checks", "evaluations", "bottlenecks", "notices", "deliveries",
                      "reminders", "audit_log", "consents", "conversation_texts", "pending_erasures", "message_preferences",
                      "expectations", "click_checks", "reported_bottlenecks", "invitations", "web_sessions"]
}
