import Foundation
import Testing
import TwinLanguage
import TwinPostgres
import JobTwinTestSupport
import TwinStore
import Twinning

/// A turn's writes on PostgreSQL are collected into one statement per table and sent without
/// waiting, and its checks are read at once for a batch (`prepareTurnChecks`). What a
/// transaction reads and stores must be exactly what one statement after another would give.
@Suite("PostgreSQL: collected writes and prepared checks", PostgresTestServer.required)
struct PostgresWriteBatchingTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let anna = ParticipantID(channel: "api", local: "anna")!
    static let bram = ParticipantID(channel: "api", local: "bram")!
    static let nobody = ParticipantID(channel: "api", local: "nobody")!

    private func withRepository(_ body: (PostgresRepository) async throws -> Void) async throws {
        try await PostgresTestServer.withDatabase { location in
            let repository = try await PostgresRepository(location: location)
            defer { repository.close() }
            try await repository.transaction { tx in
                for id in [Self.anna, Self.bram] { try tx.save(Participant(id: id, language: .nl, createdAt: Self.start)) }
            }
            try await body(repository)
        }
    }

    private static func session(_ id: ParticipantID, turns: Int, _ text: String) -> StoredSession {
        StoredSession(participant: id, state: Data(text.utf8), turns: turns, updatedAt: start.addingTimeInterval(Double(turns)))
    }

    @Test("the same row written twice in one transaction: the later write wins, as statement after statement")
    func laterWriteWins() async throws {
        try await withRepository { repository in
            try await repository.transaction { tx in
                try tx.saveSession(Self.session(Self.anna, turns: 1, "first"))
                try tx.saveSession(Self.session(Self.bram, turns: 1, "bram"))
                try tx.saveSession(Self.session(Self.anna, turns: 2, "second"))
                try tx.saveAnswers(["a": "1", "b": "2"], for: Self.anna, at: Self.start)
                try tx.saveAnswers(["a": "3"], for: Self.anna, at: Self.start)
                try tx.saveAnswers(["b": nil], for: Self.anna, at: Self.start)
            }
            let (anna, bram, answers) = try await repository.read { reader in
                (try reader.session(Self.anna), try reader.session(Self.bram), try reader.answers(Self.anna))
            }
            #expect(anna?.turns == 2 && anna?.state == Data("second".utf8))
            #expect(bram?.turns == 1)
            #expect(answers.map(\.slot) == ["a"] && answers.first?.value == "3")
        }
    }

    @Test("more rows than one statement can take are sent in parts, all stored")
    func manyRows() async throws {
        try await withRepository { repository in
            let answers = Dictionary(uniqueKeysWithValues: (0..<8_000).map { ("slot\($0)", Optional("v\($0)")) })
            try await repository.transaction { tx in try tx.saveAnswers(answers, for: Self.anna, at: Self.start) }
            let stored = try await repository.read { try $0.answers(Self.anna) }
            #expect(stored.count == 8_000)
            #expect(stored.first { $0.slot == "slot7999" }?.value == "v7999")
        }
    }

    @Test("a read in the transaction sees the writes collected before it")
    func readsSeeCollectedWrites() async throws {
        try await withRepository { repository in
            let seen = try await repository.transaction { tx -> (Int?, String?) in
                try tx.saveSession(Self.session(Self.anna, turns: 7, "state"))
                try tx.save(ProcessedRequest(channel: "api", requestID: "r1", participant: Self.anna, reply: Data("{}".utf8),
                                             at: Self.start, deliveredAt: nil))
                return (try tx.sessionTurns(Self.anna), try tx.processedRequest(channel: "api", requestID: "r1", participant: Self.anna)?.requestID)
            }
            #expect(seen.0 == 7)
            #expect(seen.1 == "r1")
        }
    }

    @Test("a collected write that fails fails its transaction, and nothing of it is stored")
    func failedWriteRollsBack() async throws {
        try await withRepository { repository in
            await #expect(throws: (any Error).self) {
                try await repository.transaction { tx in
                    try tx.saveSession(Self.session(Self.anna, turns: 1, "kept?"))
                    // No such participant: the foreign key refuses the row, when the statement is sent at the commit.
                    try tx.saveSession(Self.session(Self.nobody, turns: 1, "refused"))
                }
            }
            #expect(try await repository.read { try $0.session(Self.anna) } == nil, "the whole transaction was rolled back")
            // The connection is fine afterwards.
            try await repository.transaction { tx in try tx.saveSession(Self.session(Self.anna, turns: 1, "later")) }
            #expect(try await repository.read { try $0.sessionTurns(Self.anna) } == 1)
        }
    }

    @Test("prepared checks answer as the single reads do, and follow the turn's own writes")
    func preparedChecksAnswerAlike() async throws {
        try await withRepository { repository in
            try await repository.transaction { tx in
                try tx.saveSession(Self.session(Self.anna, turns: 3, "s"))
                try tx.save(ProcessedRequest(channel: "api", requestID: "done", participant: Self.anna, reply: Data("{}".utf8),
                                             at: Self.start, deliveredAt: nil))
            }
            let checks = [TurnCheck(participant: Self.anna, channel: "api", requestID: "done", expectedTurns: 2),
                          TurnCheck(participant: Self.bram, channel: "api", requestID: "new"),
                          TurnCheck(participant: Self.nobody)]
            try await repository.transaction { tx in
                let single = try Self.readChecks(tx)
                let conversation = try tx.session(Self.anna)
                try tx.prepareTurnChecks(checks)
                #expect(try Self.readChecks(tx) == single)
                // Anna's stored count (3) is not the one her turn expected (2): her conversation came with the checks.
                #expect(try tx.session(Self.anna) == conversation)
                // The turn's own writes keep them true…
                try tx.saveSession(Self.session(Self.bram, turns: 1, "b"))
                _ = try tx.touch(Self.bram, language: "en", at: Self.start.addingTimeInterval(3_600))
                try tx.save(ProcessedRequest(channel: "api", requestID: "new", participant: Self.bram, reply: Data("{}".utf8),
                                             at: Self.start, deliveredAt: nil))
                #expect(try tx.sessionTurns(Self.bram) == 1)
                #expect(try tx.participant(Self.bram)?.language == .en)
                #expect(try tx.processedRequest(channel: "api", requestID: "new", participant: Self.bram) != nil)
                // …and any other write sends the reads to the server again.
                try tx.setPhase(.kennismaking, for: Self.anna)
                #expect(try tx.participant(Self.anna)?.phase == .kennismaking)
            }
        }
    }

    /// What a turn's checks read, one statement each.
    private static func readChecks(_ reader: any TwinReader) throws -> [String] {
        try [anna, bram, nobody].map { id in
            [
                "\(try reader.participant(id)?.phase.rawValue ?? "-")",
                "\(try reader.sessionTurns(id) ?? -1)",
                "\(try reader.pendingNotices(for: id).count)",
                "\(try reader.pairs(of: id).count)",
                "\(try reader.isProfileOpen(id))",
                "\(try reader.isWebCoordinator(id))",
                "\(try reader.processedRequest(channel: "api", requestID: "done", participant: id) != nil)",
                "\(try reader.processedRequest(channel: "api", requestID: "new", participant: id) != nil)",
            ].joined(separator: " ")
        }
    }
}
