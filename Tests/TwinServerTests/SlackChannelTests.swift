import Foundation
import JobTwinTestSupport
import Testing
import Twinning
import TwinStore

/// `POST /slack/commands` and `/slack/events` against the real server, with the clock set to
/// the requests' time.
@Suite("Slack channel")
struct SlackChannelTests {
    static let published = Date(timeIntervalSince1970: 1_531_420_618 + 30)
    static let form = "application/x-www-form-urlencoded"

    private func publishedHeaders(signature: String = SignatureTests.slackSignature,
                                  timestamp: String = SignatureTests.slackTimestamp) -> [String: String] {
        ["X-Slack-Signature": signature, "X-Slack-Request-Timestamp": timestamp, "Content-Type": Self.form]
    }

    @Test("Slack's published signed slash command is taken and answered ephemerally")
    func publishedCommand() async throws {
        try await ServerFixture.with(now: Self.published) { server in
            let response = try await server.client.send("POST", "/slack/commands", headers: publishedHeaders(),
                                                        body: Data(SignatureTests.slackBody.utf8))
            #expect(response.status == 200)
            #expect(response.json["response_type"] as? String == "ephemeral")
            let text = try #require(response.json["text"] as? String)
            #expect(text.contains("Welkom bij Job Twinning"))
            #expect(try await server.turns("slack:T1DC2JH3J:U2CERLKJA") == 1)

            // The very same request again (a replay within the five minutes): the stored reply,
            // nothing taken twice.
            let replay = try await server.client.send("POST", "/slack/commands", headers: publishedHeaders(),
                                                      body: Data(SignatureTests.slackBody.utf8))
            #expect(replay.status == 200)
            #expect(replay.body == response.body)
            #expect(try await server.turns("slack:T1DC2JH3J:U2CERLKJA") == 1)
        }
    }

    @Test("stale, tampered and unsigned slash commands get 401 and touch nothing", arguments: [
        "stale", "tampered", "unsigned", "wrong-signature", "future",
    ])
    func refusedCommands(_ variant: String) async throws {
        let now = variant == "stale" ? Self.published.addingTimeInterval(6 * 60) : Self.published
        try await ServerFixture.with(now: now) { server in
            var headers = publishedHeaders()
            var body = SignatureTests.slackBody
            switch variant {
            case "tampered": body = body.replacingOccurrences(of: "U2CERLKJA", with: "U2CERLKJB")
            case "unsigned": headers = ["Content-Type": Self.form]
            case "wrong-signature": headers["X-Slack-Signature"] = Signing.slack(body, timestamp: 1_531_420_618, secret: "other")
            case "future":
                let later = 1_531_420_618 + 3_600
                headers = Signing.slackHeaders(body, timestamp: later, secret: ServerFixture.slackSecret, contentType: Self.form)
            default: break
            }
            let response = try await server.client.send("POST", "/slack/commands", headers: headers, body: Data(body.utf8))
            #expect(response.status == 401)
            #expect((response.json["error"] as? [String: Any])?["code"] as? String == "unauthorized")
            #expect(!response.text.contains(ServerFixture.slackSecret))
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("Slack's certificate check gets 200, signed or not")
    func sslCheck() async throws {
        try await ServerFixture.with(now: Self.published) { server in
            let body = "ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G"
            let unsigned = try await server.client.send("POST", "/slack/commands", headers: ["Content-Type": Self.form], body: Data(body.utf8))
            #expect(unsigned.status == 200)
            let signed = try await server.client.send("POST", "/slack/commands",
                                                      headers: Signing.slackHeaders(body, timestamp: 1_531_420_618, secret: ServerFixture.slackSecret, contentType: Self.form),
                                                      body: Data(body.utf8))
            #expect(signed.status == 200)
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("a signed command answers and renders choices as a numbered list")
    func answers() async throws {
        try await ServerFixture.with(now: Self.published) { server in
            func command(_ text: String, trigger: String) async throws -> HTTPClient.Response {
                let body = "team_id=T1&user_id=U1&command=%2Fjobtwin&text=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&trigger_id=\(trigger)"
                return try await server.client.send("POST", "/slack/commands",
                                                    headers: Signing.slackHeaders(body, timestamp: 1_531_420_618, secret: ServerFixture.slackSecret, contentType: Self.form),
                                                    body: Data(body.utf8))
            }
            _ = try await command("", trigger: "t1")
            _ = try await command("ja", trigger: "t1b")
            let side = try await command("Anna <de> Vries", trigger: "t2")
            let text = try #require(side.json["text"] as? String)
            #expect(text.contains("1. Docent"))
            #expect(text.contains("2. Professional"))
            let answers = try await server.repository.read { try $0.answers(ParticipantID("slack:T1:U1")!) }
            #expect(answers.first { $0.slot == "profile.name" }?.value.contains("Anna <de> Vries") == true)
        }
    }

    private func event(_ id: String, text: String = "hallo", user: String = "U9", extra: String = "") -> String {
        #"{"type":"event_callback","team_id":"T9","event_id":"\#(id)","event":{"type":"message","channel_type":"im","user":"\#(user)","text":"\#(text)"\#(extra)}}"#
    }

    private func postEvent(_ server: ServerFixture, _ body: String, retry: Int? = nil) async throws -> HTTPClient.Response {
        var headers = Signing.slackHeaders(body, timestamp: 1_531_420_618, secret: ServerFixture.slackSecret, contentType: "application/json")
        if let retry { headers["X-Slack-Retry-Num"] = String(retry) }
        return try await server.client.send("POST", "/slack/events", headers: headers, body: Data(body.utf8))
    }

    @Test("the Events API's url_verification challenge is answered")
    func challenge() async throws {
        try await ServerFixture.with(now: Self.published) { server in
            let response = try await postEvent(server, #"{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","token":"x"}"#)
            #expect(response.status == 200)
            #expect(response.json["challenge"] as? String == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
        }
    }

    @Test("a direct message is taken and acknowledged; Slack's retries of it are not taken again")
    func directMessages() async throws {
        try await ServerFixture.with(now: Self.published) { server in
            #expect(try await postEvent(server, event("Ev1")).status == 200)
            #expect(try await postEvent(server, event("Ev2", text: "ja")).status == 200)
            for retry in 1...3 {
                #expect(try await postEvent(server, event("Ev2", text: "ja"), retry: retry).status == 200)
            }
            #expect(try await server.turns("slack:T9:U9") == 2)
            let id = ParticipantID("slack:T9:U9")!
            let stored = try await server.repository.read {
                try $0.processedRequest(channel: "slack-events", requestID: "Ev2", participant: id)
            }
            // The reply waits, undelivered, for the notification outbox.
            let record = try #require(stored)
            #expect(record.deliveredAt == nil)
            let reply = try JSONSerialization.jsonObject(with: record.reply) as? [String: Any]
            #expect((reply?["prompt"] as? [String: Any])?["slot"] as? String == "profile.name")
        }
    }

    @Test("bot messages, subtypes, other channels and other events are acknowledged and ignored", arguments: [
        #","bot_id":"B1""#, #","subtype":"message_changed""#,
    ])
    func ignored(_ extra: String) async throws {
        try await ServerFixture.with(now: Self.published) { server throws in
            #expect(try await postEvent(server, event("Ev1", extra: extra)).status == 200)
            let channel = #"{"type":"event_callback","team_id":"T9","event_id":"Ev3","event":{"type":"message","channel_type":"channel","user":"U9","text":"hi"}}"#
            #expect(try await postEvent(server, channel).status == 200)
            #expect(try await postEvent(server, #"{"type":"app_rate_limited","team_id":"T9"}"#).status == 200)
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("unsigned and malformed events are refused without touching anything")
    func refusedEvents() async throws {
        try await ServerFixture.with(now: Self.published) { server in
            let unsigned = try await server.client.send("POST", "/slack/events", headers: ["Content-Type": "application/json"],
                                                        body: Data(event("Ev1").utf8))
            #expect(unsigned.status == 401)
            let malformed = try await postEvent(server, #"{"type": "event_callback", "event_id": "#)
            #expect(malformed.status == 400)
            #expect((malformed.json["error"] as? [String: Any])?["code"] as? String == "malformed_json")
            let noID = try await postEvent(server, #"{"type":"event_callback","team_id":"T9","event":{"type":"message"}}"#)
            #expect(noID.status == 400)
            #expect(try await server.participantCount() == 0)
        }
    }
}
