import Twinning
import TwinStore
import Foundation
import Testing
import TwinNotify
import JobTwinTestSupport

/// A slash command whose turn outlasts the reply deadline inside `jobtwin serve`: the interim
/// answer, then the real reply posted once to `response_url` by the libcurl poster.
@Suite("Late Slack slash command replies")
struct LateSlackReplyTests {
    @Test("with a zero deadline the command says the answer is on its way, and the reply is posted once to response_url")
    func lateReplyPosted() async throws {
        let fixture = try NotifyFixture()
        let secret = "slack-signing-secret-for-late-tests"
        try await TestReceiver.with { receiver in
            let config = fixture.path("jobtwin.yaml")
            try """
            database: \(fixture.databasePath)
            server: {slack_reply_deadline_ms: 0}
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let (server, stdout, _) = try JobTwinProcess.start(
                ["serve", "--config", config, "--port", "0", "--log-level", "warning"],
                environment: ["JOBTWIN_SLACK_SIGNING_SECRET": secret,
                              "JOBTWIN_TEST_SLACK_RESPONSE_URL_PREFIX": receiver.url + "/"])
            defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
            let port = try await ServeNotifyTests.waitUntilListening(stdout)

            func command(_ user: String, responseURL: String) async throws -> [String: Any] {
                let url = responseURL.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let body = "team_id=T1&user_id=\(user)&command=%2Fjobtwin&text=&trigger_id=tr-\(user)&response_url=\(url)"
                let headers = Signing.slackHeaders(body, timestamp: Int(Date().timeIntervalSince1970), secret: secret,
                                                   contentType: "application/x-www-form-urlencoded")
                let response = try await CurlTransport().send(OutboundRequest(url: "http://127.0.0.1:\(port)/slack/commands",
                                                                              headers: headers.map { HTTPHeader($0.key, $0.value) },
                                                                              body: Data(body.utf8)))
                #expect(response.status == 200)
                return (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
            }

            let interim = try await command("U1", responseURL: receiver.url + "/commands/T1/42/token-part")
            #expect(interim["response_type"] as? String == "ephemeral")
            // Dutch (the default language), with English while the participant is not stored yet.
            #expect((interim["text"] as? String)?.contains("onderweg") == true)

            let posted = try await receiver.waitFor(1, timeout: 10)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.received.count == 1)
            #expect(posted.first?.path == "/commands/T1/42/token-part")
            #expect(posted.first?.json["response_type"] as? String == "ephemeral")
            #expect((posted.first?.json["text"] as? String)?.contains("Welkom bij Job Twinning") == true)

            // A URL outside the allowed prefixes is never called; the turn is stored all the same.
            let foreign = try await command("U2", responseURL: "http://127.0.0.2:\(receiver.port)/elsewhere")
            #expect((foreign["text"] as? String)?.contains("/jobtwin status") == true)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.received.count == 1)

            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
            #expect(server.terminationStatus == 0)
            let participants = try await fixture.repository.read { try $0.participants().map(\.id.description) }
            #expect(Set(participants) == ["slack:T1:U1", "slack:T1:U2"])
        }
    }

    @Test("the poster retries a 5xx, gives up on a 4xx at once, and never names the URL's path")
    func posterRetries() async throws {
        try await TestReceiver.with { receiver in
            let poster = ResponseURLPoster(transport: try CurlTransport(), timeout: 5, retries: 2, pause: .milliseconds(10))
            receiver.script([.status(503), .status(200)])
            try await poster.post(json: Data(#"{"text": "hi"}"#.utf8), to: receiver.url + "/commands/secret-token")
            #expect(receiver.received.count == 2)

            receiver.script([.status(404, body: "expired_url")])
            do throws(ResponseURLPostError) {
                try await poster.post(json: Data("{}".utf8), to: receiver.url + "/commands/secret-token")
                Issue.record("a 404 was taken as success")
            } catch {
                #expect(error.attempts == 1)
                #expect(error.description.contains("404"))
                #expect(!error.description.contains("secret-token"))
            }
            #expect(receiver.received.count == 3)

            receiver.script([.status(500), .status(500), .status(500)])
            await #expect(throws: ResponseURLPostError.self) {
                try await poster.post(json: Data("{}".utf8), to: receiver.url + "/commands/secret-token")
            }
            #expect(receiver.received.count == 6)
        }
    }
}
