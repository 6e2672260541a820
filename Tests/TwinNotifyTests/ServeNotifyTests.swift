import TwinLanguage
import Crypto
import Foundation
import Testing
import Twinning
import TwinNotify
import TwinStore
import JobTwinTestSupport

/// `jobtwin serve` runs the outbox worker and the reminder schedule continuously.
@Suite("Notifications inside jobtwin serve")
struct ServeNotifyTests {
    @Test("serve sends due reminders and new events while it runs, and stops cleanly on SIGTERM")
    func serve() async throws {
        let fixture = try NotifyFixture()
        // A pair confirmed 20 days ago (real time: the server reads the system clock) with no
        // activity since: the inactivity reminder is due at once.
        let confirmed = Date().addingTimeInterval(-20 * 86_400)
        try await fixture.repository.transaction { [anna = fixture.anna, bram = fixture.bram] tx in
            for (id, name, side) in [(anna, "Anna de Vries", Side.teacher), (bram, "Bram Jansen", Side.professional)] {
                try tx.save(Participant(id: id, language: .nl, phase: .activiteiten, createdAt: confirmed))
                try tx.save(NotifyFixture.profile(name, side, confirmed), for: id)
            }
            try tx.save(Pair(id: NotifyFixture.pairID, teacher: anna, professional: bram, origin: .coordinator, status: .confirmed,
                             score: 1, proposedAt: confirmed, teacherConfirmedAt: confirmed, professionalConfirmedAt: confirmed,
                             confirmedAt: confirmed))
        }
        try await TestReceiver.with { receiver in
            let config = fixture.path("jobtwin.yaml")
            try """
            database: \(fixture.databasePath)
            reminders: {inactivity_days: 14, before_end_days: 14}
            notifications:
              - {name: programme, url: "\(receiver.url)/hook", format: json}
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let (server, stdout, _) = try JobTwinProcess.start(["serve", "--config", config, "--port", "0", "--log-level", "warning"],
                                                               environment: ["JOBTWIN_API_TOKEN": "serve-notify-test-token"])
            defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
            try await Self.waitUntilListening(stdout)

            let reminder = try await receiver.waitFor(1, timeout: 10)
            #expect(reminder.first?.json["type"] as? String == "reminder.inactivity")

            // An event recorded by another process (as `jobtwin match --apply` does) goes out too.
            try await fixture.repository.transaction { [anna = fixture.anna, bram = fixture.bram] tx in
                try tx.record(ProgrammeEvent(kind: .matchConfirmed, participants: [anna, bram], pairID: NotifyFixture.pairID, occurredAt: Date()))
            }
            let both = try await receiver.waitFor(2, timeout: 10)
            #expect(both.last?.json["type"] as? String == "match.confirmed")

            kill(server.processIdentifier, SIGTERM)
            let status = await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    server.waitUntilExit()
                    continuation.resume(returning: server.terminationStatus)
                }
            }
            #expect(status == 0)
            let delivered = try await fixture.deliveries().map(\.status)
            #expect(delivered == [.delivered, .delivered])
        }
    }

    @Test("a Slack direct message is answered through chat.postMessage with the bot token")
    func slackEventsReply() async throws {
        let fixture = try NotifyFixture()
        let secret = "slack-signing-secret-for-tests"
        try await TestReceiver.with { receiver in
            receiver.setFallback(.status(200, headers: ["Content-Type": "application/json"], body: #"{"ok": true}"#))
            let (server, stdout, _) = try JobTwinProcess.start(
                ["serve", "--db", fixture.databasePath, "--port", "0", "--log-level", "warning"],
                environment: ["JOBTWIN_SLACK_SIGNING_SECRET": secret, "JOBTWIN_SLACK_BOT_TOKEN": "xoxb-serve-test",
                              "JOBTWIN_SLACK_API_URL": receiver.url + "/api"])
            defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
            let port = try await Self.waitUntilListening(stdout)

            let body = #"{"type": "event_callback", "team_id": "T1", "event_id": "Ev1", "event": {"type": "message", "channel_type": "im", "user": "U7", "text": "hallo", "channel": "D1"}}"#
            let timestamp = String(Int(Date().timeIntervalSince1970))
            let mac = HMAC<SHA256>.authenticationCode(for: Data("v0:\(timestamp):\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
            let signature = "v0=" + mac.map { String(format: "%02x", $0) }.joined()
            let response = try await CurlTransport().send(OutboundRequest(
                url: "http://127.0.0.1:\(port)/slack/events",
                headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("X-Slack-Signature", signature),
                          HTTPHeader("X-Slack-Request-Timestamp", timestamp)],
                body: Data(body.utf8)))
            #expect(response.status == 200)

            let posted = try #require(try await receiver.waitFor(1, timeout: 10).first)
            #expect(posted.path == "/api/chat.postMessage")
            #expect(posted.headers["authorization"] == "Bearer xoxb-serve-test")
            #expect(posted.json["channel"] as? String == "U7")
            #expect(((posted.json["text"] as? String) ?? "").isEmpty == false)
            // Marked delivered, so that the request's record can be pruned.
            let participant = try #require(ParticipantID("slack:T1:U7"))
            var delivered = false
            for _ in 0..<100 where !delivered {
                delivered = try await fixture.repository.read {
                    try $0.processedRequest(channel: "slack-events", requestID: "Ev1", participant: participant)?.deliveredAt != nil
                }
                if !delivered { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(delivered)
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
    }

    /// Waits for the server's "listening on" line; returns the port.
    @discardableResult
    static func waitUntilListening(_ stdout: Pipe) async throws -> Int {
        let port = await JobTwinProcess.listeningPort(of: stdout)
        guard let port else { throw TestFailure("jobtwin serve did not start") }
        return port
    }
}
