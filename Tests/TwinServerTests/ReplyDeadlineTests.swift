import Foundation
import JobTwinTestSupport
import Synchronization
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinServer
import TwinStore
import TwinConfiguration

/// Slack slash commands and Teams webhooks whose turn outlasts the reply deadline: an interim
/// answer at once, the turn goes on and is stored, and Slack's reply follows via `response_url`.
/// A zero deadline makes every turn "late" without slowing anything down.
@Suite("Reply deadlines")
struct ReplyDeadlineTests {
    static let now = 1_796_000_000
    static let responseURL = "https://hooks.slack.com/commands/T1/1234/SECRETPART"

    static func settings(slack: Duration = .zero, teams: Duration = .zero) -> ServerSettings {
        var settings = ServerFixture.settings()
        settings.slackReplyDeadline = slack
        settings.teamsReplyDeadline = teams
        return settings
    }

    private func command(_ server: ServerFixture, user: String, text: String, trigger: String,
                         responseURL: String? = Self.responseURL) async throws -> HTTPClient.Response {
        var fields = ["team_id=T1", "user_id=\(user)", "command=%2Fjobtwin", "text=\(text)", "trigger_id=\(trigger)"]
        if let responseURL {
            fields.append("response_url=" + (responseURL.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        let body = fields.joined(separator: "&")
        return try await server.client.send("POST", "/slack/commands",
                                            headers: Signing.slackHeaders(body, timestamp: Self.now, secret: ServerFixture.slackSecret,
                                                                          contentType: "application/x-www-form-urlencoded"),
                                            body: Data(body.utf8))
    }

    /// Waits up to ten seconds for the participant's stored turns to reach `count`.
    private func waitForTurns(_ server: ServerFixture, _ participant: String, _ count: Int) async throws -> Int {
        var turns = try await server.turns(participant)
        for _ in 0..<500 where turns < count {
            try await Task.sleep(for: .milliseconds(20))
            turns = try await server.turns(participant)
        }
        return turns
    }

    @Test("a late slash command is told its answer is on its way; the reply follows once to its response_url")
    func slackLate() async throws {
        let poster = RecordingPoster()
        try await ServerFixture.with(settings: Self.settings(), lateReplies: LateReplyOptions(poster: poster)) { server in
            let first = try await command(server, user: "U1", text: "", trigger: "t1")
            #expect(first.status == 200)
            #expect(first.json["response_type"] as? String == "ephemeral")
            let interim = try #require(first.json["text"] as? String)
            // Dutch and English for a participant not known yet — or Dutch only when the turn
            // already stored them (a zero deadline races the turn against the language look-up).
            #expect(interim.contains("onderweg"))

            let posts = try await poster.waitFor(1)
            #expect(posts.count == 1)
            #expect(posts.first?.url == Self.responseURL)
            #expect(posts.first?.type == "ephemeral")
            #expect(posts.first?.text.contains("Welkom bij Job Twinning") == true)
            #expect(try await server.turns("slack:T1:U1") == 1)

            // Now their language is known (their conversation is cached): Dutch only.
            let second = try await command(server, user: "U1", text: "ja", trigger: "t2")
            let text = try #require(second.json["text"] as? String)
            #expect(text.contains("onderweg"))
            #expect(!text.contains("on its way"))
            #expect(try await poster.waitFor(2).count == 2)
            #expect(try await server.turns("slack:T1:U1") == 2)

            let metrics = String(decoding: server.server.metrics.exposition(), as: UTF8.self)
            #expect(metrics.contains(#"jobtwin_late_replies_total{channel="slack"} 2"#))
        }
    }

    @Test("a response_url outside the allowed prefix is never called, and the answer is still stored", arguments: [
        "https://evil.example/hook", "https://hooks.slack.com.evil.example/x", "http://hooks.slack.com/commands/x",
        "https://hooks.slack.com/commands/x y", "",
    ])
    func slackForeignURL(_ url: String) async throws {
        let poster = RecordingPoster()
        try await ServerFixture.with(settings: Self.settings(), lateReplies: LateReplyOptions(poster: poster)) { server in
            let response = try await command(server, user: "U2", text: "", trigger: "t1", responseURL: url)
            #expect(response.status == 200)
            let text = try #require(response.json["text"] as? String)
            #expect(text.contains("ontvangen") && text.contains("/jobtwin status"))
            #expect(try await waitForTurns(server, "slack:T1:U2", 1) == 1)
            try await Task.sleep(for: .milliseconds(100))
            #expect(poster.count == 0)
        }
    }

    @Test("a failed late post is counted; the answer stays stored")
    func slackPostFails() async throws {
        let poster = RecordingPoster(failing: true)
        try await ServerFixture.with(settings: Self.settings(), lateReplies: LateReplyOptions(poster: poster)) { server in
            _ = try await command(server, user: "U3", text: "", trigger: "t1")
            #expect(try await poster.waitFor(1).count == 1)
            #expect(try await server.turns("slack:T1:U3") == 1)
            var metrics = ""
            for _ in 0..<100 where !metrics.contains("late_reply_post") {
                try await Task.sleep(for: .milliseconds(20))
                metrics = String(decoding: server.server.metrics.exposition(), as: UTF8.self)
            }
            #expect(metrics.contains(#"jobtwin_errors_total{channel="slack",kind="late_reply_post"} 1"#))
        }
    }

    @Test("a turn within the deadline is answered in the response; response_url is not used")
    func slackInTime() async throws {
        let poster = RecordingPoster()
        try await ServerFixture.with(lateReplies: LateReplyOptions(poster: poster)) { server in
            let response = try await command(server, user: "U4", text: "", trigger: "t1")
            #expect((response.json["text"] as? String)?.contains("Welkom bij Job Twinning") == true)
            try await Task.sleep(for: .milliseconds(100))
            #expect(poster.count == 0)
        }
    }

    @Test("a late Teams message is told it was received and to send status; the answer is stored")
    func teamsLate() async throws {
        try await ServerFixture.with(settings: Self.settings()) { server in
            func post(_ id: String, _ text: String) async throws -> HTTPClient.Response {
                let body = try JSONSerialization.data(withJSONObject: [
                    "type": "message", "id": id, "text": "<at>JobTwin</at> \(text)", "from": ["id": "29:1", "aadObjectId": "aad-late"],
                ])
                return try await server.client.send("POST", "/teams", headers: [
                    "Authorization": Signing.teams(body, token: ServerFixture.teamsToken), "Content-Type": "application/json",
                ], body: body)
            }
            let first = try await post("a1", "hallo")
            #expect(first.status == 200)
            #expect(first.json["type"] as? String == "message")
            let text = try #require(first.json["text"] as? String)
            #expect(text.contains("ontvangen") && text.contains("status"))
            #expect(try await waitForTurns(server, "teams:aad-late", 1) == 1)
            // `status` shows the question they are at: the consent question now…
            let participant = try #require(ParticipantID("teams:aad-late"))
            let before = try await server.server.assistant.handle(participant: participant, text: "status")
            let turns = try await server.turns("teams:aad-late")

            _ = try await post("a2", "ja")
            #expect(try await waitForTurns(server, "teams:aad-late", turns + 1) == turns + 1)
            // …and the next question once the late answer was taken.
            let after = try await server.server.assistant.handle(participant: participant, text: "status")
            #expect(before.prompt != nil && after.prompt != nil)
            #expect(before.messages.last?.text != after.messages.last?.text)

            let metrics = String(decoding: server.server.metrics.exposition(), as: UTF8.self)
            #expect(metrics.contains(#"jobtwin_late_replies_total{channel="teams"} 2"#))
        }
    }

    @Test("the allowed prefix is compared exactly")
    func prefix() {
        let options = LateReplyOptions()
        #expect(options.allows("https://hooks.slack.com/commands/T1/1/abc"))
        #expect(!options.allows("https://hooks.slack.com.evil.example/commands"))
        #expect(!options.allows("https://hooks.slack.com@evil.example/"))
        #expect(!options.allows("HTTPS://evil.example/https://hooks.slack.com/"))
        #expect(!options.allows("https://hooks.slack.com/a\nb"))
        let testing = LateReplyOptions(allowedResponseURLPrefixes: ["https://hooks.slack.com/", "http://127.0.0.1:9/"])
        #expect(testing.allows("http://127.0.0.1:9/x"))
        #expect(!LateReplyOptions(allowedResponseURLPrefixes: [""]).allows("https://anything/"))
    }
}
