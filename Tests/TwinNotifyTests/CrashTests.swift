import Twinning
import Foundation
import Testing
import TwinStore
import JobTwinTestSupport

/// `jobtwin outbox deliver` as a child process, killed with SIGKILL while its request is in
/// flight: after the restart the message is sent again, with the same idempotency key.
@Suite("Kill -9 mid-delivery")
struct CrashTests {
    @Test("a delivery interrupted by kill -9 is retried after restart with the same key")
    func killed() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await fixture.record(.matchConfirmed)
        try await TestReceiver.with { receiver in
            receiver.script([.hang])
            // Long enough that the child is still waiting for its answer when the kill comes,
            // also on a machine busy with other builds (2 s was not).
            let config = fixture.path("jobtwin.yaml")
            try """
            database: \(fixture.databasePath)
            reminders: {inactivity_days: 0, before_end_days: 0}
            notifications:
              - {name: hook, url: "\(receiver.url)/hook", format: json, timeout_seconds: 6, connect_timeout_seconds: 1}
            """.write(toFile: config, atomically: true, encoding: .utf8)

            let (child, _, _) = try JobTwinProcess.start(["outbox", "deliver", "--config", config])
            _ = try await receiver.waitFor(1, timeout: 10)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal)

            let held = try #require(try await fixture.deliveries().first)
            #expect(held.status == .pending)
            #expect(held.attempts == 1)
            let lease = try #require(held.leaseUntil)

            // While the lease holds, another run leaves the delivery alone.
            let early = try await JobTwinProcess.finish(["outbox", "deliver", "--config", config, "--json"])
            #expect(early.status == 0, "\(early.stderr)")
            #expect(early.stdout.contains("\"attempted\":0"))

            // Once it ran out, the next run sends it again, with the same key and bytes.
            let wait = lease.timeIntervalSinceNow + 0.2
            if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
            let again = try await JobTwinProcess.finish(["outbox", "deliver", "--config", config, "--json"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("\"delivered\":1"), "\(again.stdout)")

            let received = receiver.received
            try #require(received.count == 2)
            #expect(received.compactMap(\.idempotencyKey) == [held.idempotencyKey, held.idempotencyKey])
            #expect(received[0].body == received[1].body)
            let done = try #require(try await fixture.deliveries().first)
            #expect(done.status == .delivered)
            #expect(done.attempts == 2)
        }
    }
}
