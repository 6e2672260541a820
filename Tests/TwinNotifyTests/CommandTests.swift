import Twinning
import Foundation
import Testing
import TwinStore
import JobTwinTestSupport

/// `jobtwin outbox` and `jobtwin notify test` as a user runs them.
@Suite("Outbox and notify commands")
struct CommandTests {
    private func config(_ fixture: NotifyFixture, _ receiver: TestReceiver, maxAttempts: Int = 5) throws -> String {
        let path = fixture.path("jobtwin.yaml")
        try """
        database: \(fixture.databasePath)
        language: en
        reminders: {inactivity_days: 0, before_end_days: 0}
        notifications:
          - name: hook
            url: "\(receiver.url)/hook?token=SECRET-IN-URL"
            format: json
            max_attempts: \(maxAttempts)
            events: [match.confirmed]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("notify test prints the receiver's answer; a refusal exits 1 with what to check")
    func notifyTest() async throws {
        let fixture = try NotifyFixture()
        try await TestReceiver.with { receiver in
            let config = try config(fixture, receiver)
            receiver.script([.status(200, body: "thanks"), .status(400, body: "invalid payload")])
            let ok = try await JobTwinProcess.finish(["notify", "test", "hook", "--config", config])
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.stdout.contains("The receiver answered: HTTP 200"))
            #expect(ok.stdout.contains("thanks"))
            #expect(!ok.stdout.contains("SECRET-IN-URL"), "the URL's token is never printed")
            let json = try #require(receiver.received.first).json
            #expect(json["type"] as? String == "test")
            #expect(json["language"] as? String == "en")

            let refused = try await JobTwinProcess.finish(["notify", "test", "hook", "--config", config])
            #expect(refused.status == 1)
            #expect(refused.stdout.contains("HTTP 400"))
            #expect(refused.stdout.contains("invalid payload"))
            #expect(refused.stderr.contains("did not accept the message"))

            let unknown = try await JobTwinProcess.finish(["notify", "test", "nope", "--config", config])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("No notification target is called `nope` (configured: hook)"))
        }
    }

    @Test("outbox deliver, list, dead and retry")
    func outbox() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await fixture.record(.matchConfirmed)
        try await fixture.record(.phaseCompleted)
        try await TestReceiver.with { receiver in
            let config = try config(fixture, receiver)
            receiver.script([.status(410, body: "gone")])
            let deliver = try await JobTwinProcess.finish(["outbox", "deliver", "--config", config])
            #expect(deliver.status == 0, "\(deliver.stderr)")
            #expect(deliver.stdout.contains("Attempted: 1, delivered: 0, to retry: 0, dead: 1"), "\(deliver.stdout)")
            #expect(!deliver.stderr.contains("SECRET-IN-URL"), "logs never show the URL's token")

            let dead = try await JobTwinProcess.finish(["outbox", "dead", "--config", config])
            #expect(dead.stdout.contains("#1  dead  hook  match.confirmed  attempts: 1  gave up (HTTP 410)"), "\(dead.stdout)")
            #expect(dead.stdout.contains("refused the message with 410: gone"))

            let retry = try await JobTwinProcess.finish(["outbox", "retry", "1", "--config", config])
            #expect(retry.status == 0)
            #expect(retry.stdout.contains("Pending again: #1"))
            let missing = try await JobTwinProcess.finish(["outbox", "retry", "99", "--config", config])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("No dead delivery with id 99"))

            let again = try await JobTwinProcess.finish(["outbox", "deliver", "--config", config])
            #expect(again.stdout.contains("delivered: 1"), "\(again.stdout)")
            let list = try await JobTwinProcess.finish(["outbox", "--config", config])
            #expect(list.stdout.hasPrefix("Outbox: 0 pending, 1 delivered, 0 dead"), "\(list.stdout)")
            let json = try await JobTwinProcess.finish(["outbox", "list", "--json", "--config", config])
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(items.first?["status"] as? String == "delivered")
            #expect(items.first?["idempotency_key"] as? String == receiver.received.last?.idempotencyKey)
            #expect(receiver.received.count == 2, "phase.completed is not among the target's events")
        }
    }
}
