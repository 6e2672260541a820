import Foundation
import GRDB
import Testing
import Twinning
@testable import TwinStore

/// Migration v5 moves `processed_requests` from a table clustered on its key to one in arrival
/// order: what was stored before must still answer its repeat, in a database written by the
/// previous version.
@Suite("Processed requests: migration v5")
struct ProcessedRequestMigrationTests {
    @Test("requests stored before v5 are kept, still found by their key, still unique, and new ones are stored")
    func upgrade() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-v5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let anna = try #require(ParticipantID("api:anna"))

        // A database as the previous version left it: every migration up to v4, one stored reply.
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v4: consents, conversation texts")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO participants (id, channel, language, phase, created_at, last_active_at)
                    VALUES ('api:anna', 'api', 'nl', 'matching', '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                    """)
                try db.execute(sql: """
                    INSERT INTO processed_requests (participant_id, channel, request_id, reply_json, at, delivered_at)
                    VALUES ('api:anna', 'api', 'm1', X'7B7D', '2026-11-01 10:00:00.000', NULL)
                    """)
            }
        }

        let repository = try SQLiteRepository(path: path)
        let old = try await repository.read { try $0.processedRequest(channel: "api", requestID: "m1", participant: anna) }
        #expect(old?.reply == Data("{}".utf8))
        #expect(old?.deliveredAt == nil)

        let now = Date()
        try await repository.transaction { tx in
            try tx.save(ProcessedRequest(channel: "api", requestID: "m2", participant: anna, reply: Data("[]".utf8), at: now, deliveredAt: now))
        }
        #expect(try await repository.read { try $0.processedRequest(channel: "api", requestID: "m2", participant: anna) }?.reply == Data("[]".utf8))
        await #expect(throws: (any Error).self) {
            try await repository.transaction { tx in
                try tx.save(ProcessedRequest(channel: "api", requestID: "m1", participant: anna, reply: Data("{}".utf8), at: now, deliveredAt: now))
            }
        }
    }
}
