import Foundation
import Testing
import Twinning
import TwinStore
import TwinLanguage
import TwinNotify
import JobTwinTestSupport

/// Buttons and direct messages through the `jobtwin` binary, as an installation runs it: a
/// click through `jobtwin serve` with its libcurl poster, and a direct message sent by
/// `jobtwin outbox deliver` from the configuration alone.
@Suite("Team chat through the jobtwin binary")
struct TeamChatProcessTests {
    static let secret = "slack-signing-secret-for-click-tests"

    static func signed(_ body: String, port: Int, path: String) async throws -> OutboundResponse {
        let headers = Signing.slackHeaders(body, timestamp: Int(Date().timeIntervalSince1970), secret: secret,
                                           contentType: "application/x-www-form-urlencoded")
        return try await CurlTransport().send(OutboundRequest(url: "http://127.0.0.1:\(port)\(path)",
                                                              headers: headers.map { HTTPHeader($0.key, $0.value) }, body: Data(body.utf8)))
    }

    static func form(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    @Test("jobtwin serve: a button in a slash command's answer, clicked, updates the message and posts the next question")
    func click() async throws {
        let fixture = try NotifyFixture()
        try await TestReceiver.with { receiver in
            let config = fixture.path("jobtwin.yaml")
            try "database: \(fixture.databasePath)\n".write(toFile: config, atomically: true, encoding: .utf8)
            let (server, stdout, _) = try JobTwinProcess.start(
                ["serve", "--config", config, "--port", "0", "--log-level", "warning"],
                environment: ["JOBTWIN_SLACK_SIGNING_SECRET": Self.secret, "JOBTWIN_TEST_SLACK_RESPONSE_URL_PREFIX": receiver.url + "/"])
            defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
            let port = try await ServeNotifyTests.waitUntilListening(stdout)

            let command = try await Self.signed("team_id=T1&user_id=U1&command=%2Fjobtwin&text=&trigger_id=tr-1&response_url="
                                                    + Self.form(receiver.url + "/commands/1"), port: port, path: "/slack/commands")
            let answer = try #require(try JSONSerialization.jsonObject(with: command.body) as? [String: Any])
            let blocks = try #require(answer["blocks"] as? [[String: Any]])
            let actions = try #require(blocks.first { $0["type"] as? String == "actions" })
            let blockID = try #require(actions["block_id"] as? String)
            let yes = try #require((actions["elements"] as? [[String: Any]])?.first)

            let payload: [String: Any] = [
                "type": "block_actions", "user": ["id": "U1"], "team": ["id": "T1"], "trigger_id": "click-1",
                "response_url": receiver.url + "/actions/1", "container": ["type": "message", "is_ephemeral": true],
                "actions": [["action_id": yes["action_id"] ?? "", "block_id": blockID, "value": yes["value"] ?? "",
                             "text": ["type": "plain_text", "text": "Ja"]]],
            ]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
            let clicked = try await Self.signed("payload=" + Self.form(json), port: port, path: "/slack/interactions")
            #expect(clicked.status == 200)
            let posts = try await receiver.waitFor(2, timeout: 10)
            #expect(posts.map(\.path) == ["/actions/1", "/actions/1"])
            #expect(posts[0].json["replace_original"] as? Bool == true)
            #expect(String(decoding: posts[0].body, as: UTF8.self).contains("Jouw antwoord: Ja"))
            #expect(posts[1].json["replace_original"] as? Bool == false)

            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
            #expect(server.terminationStatus == 0)
            let participant = try #require(ParticipantID("slack:T1:U1"))
            #expect(try await fixture.repository.read { try $0.hasConsent(.processing, of: participant) })
        }
    }

    @Test("jobtwin outbox deliver: a plan to confirm goes to the partner's Slack direct message with the bot token from the configuration")
    func directMessage() async throws {
        let fixture = try NotifyFixture()
        let anna = try #require(ParticipantID("slack:T1:UANNA"))
        let now = Date()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, phase: .kennismaking, createdAt: now))
            try tx.save(NotifyFixture.profile("Anna de Vries", .teacher, now), for: anna)
            try tx.record(ConsentDecision(purpose: .processing, textVersion: "v1", given: true, recordedAt: now), for: anna)
            try tx.record(ProgrammeEvent(kind: .planAwaitingConfirmation, participants: [anna], occurredAt: now))
        }
        try await TestReceiver.with { receiver in
            receiver.route("/slack/conversations.open", fallback: .status(200, body: #"{"ok": true, "channel": {"id": "D1"}}"#))
            receiver.route("/slack/chat.postMessage", fallback: .status(200, body: #"{"ok": true}"#))
            let config = fixture.path("jobtwin.yaml")
            try """
            database: \(fixture.databasePath)
            channels: {slack: {bot_token: "xoxb-from-config"}}
            direct_messages: {quiet_hours: {from: "00:00", to: "00:00"}, weekends: true}
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let delivered = try await JobTwinProcess.finish(["outbox", "deliver", "--config", config],
                                                           environment: ["JOBTWIN_SLACK_API_URL": receiver.url + "/slack"])
            #expect(delivered.status == 0, "\(delivered.stderr)")
            #expect(receiver.received.map(\.path) == ["/slack/conversations.open", "/slack/chat.postMessage"])
            #expect(receiver.received.last?.headers["authorization"] == "Bearer xoxb-from-config")
            #expect((receiver.received.last?.json["text"] as? String)?.contains("planning voorgesteld") == true)
            let list = try await JobTwinProcess.finish(["outbox", "list", "--config", config])
            #expect(list.stdout.contains("slack-dm"), "\(list.stdout)")
            #expect(!list.stdout.contains("xoxb-from-config"))
        }
    }
}
