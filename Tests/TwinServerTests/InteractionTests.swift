import Foundation
import JobTwinTestSupport
import Testing
import Twinning
import TwinStore
import TwinConfiguration
@testable import TwinServer
import TwinRendering
import TwinReply
import TwinAssistant
import TwinLanguage

/// Buttons in Slack and Mattermost against the real server: Slack's signed `block_actions`
/// (valid, tampered, stale, replayed, on an old question) and Mattermost's actions with a valid,
/// forged and missing token, someone else's click and an old question.
@Suite("Buttons: Slack interactions and Mattermost actions")
struct InteractionTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let form = "application/x-www-form-urlencoded"
    static let actionSecret = "mattermost-action-secret-0123456789"

    static var settings: ServerSettings {
        var settings = ServerFixture.settings()
        settings.publicURL = "https://jobtwin.example.nl"
        return settings
    }

    static var channels: ChannelSettings {
        var channels = ServerFixture.allChannels
        channels.mattermostActionSecret = Secret(actionSecret, source: "test")
        return channels
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// Posts a signed Slack form body to `path`, signed at `timestamp` (now by default).
    static func slack(_ server: ServerFixture, _ path: String, _ body: String, timestamp: Int? = nil,
                      tamper: Bool = false) async throws -> HTTPClient.Response {
        let time = timestamp ?? Int(now.timeIntervalSince1970)
        let headers = Signing.slackHeaders(body, timestamp: time, secret: ServerFixture.slackSecret, contentType: form)
        return try await server.client.send("POST", path, headers: headers, body: Data((tamper ? body + "x" : body).utf8))
    }

    /// The `block_actions` form body of a click on `value` in the actions block `blockID`.
    static func click(blockID: String, value: String, trigger: String, actionID: String = "jt.answer.1",
                      label: String = "Ja", user: String = "U1") throws -> String {
        let payload: [String: Any] = [
            "type": "block_actions", "user": ["id": user, "team_id": "T1"], "team": ["id": "T1"], "trigger_id": trigger,
            "response_url": "https://hooks.slack.com/actions/T1/1/\(trigger)",
            "container": ["type": "message", "is_ephemeral": true],
            "actions": [["action_id": actionID, "block_id": blockID, "value": value, "type": "button",
                         "text": ["type": "plain_text", "text": label], "action_ts": "1796000000.1"]],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
        return "payload=" + encoded(json)
    }

    @Test("Slack: a click answers its question, replaces the buttons by the answer and posts the next question; replays, old questions and bad signatures change nothing")
    func slackClicks() async throws {
        let poster = RecordingPoster()
        let late = LateReplyOptions(poster: poster)
        try await ServerFixture.with(settings: Self.settings, channels: Self.channels, now: Self.now, lateReplies: late) { server in
            let command = "team_id=T1&user_id=U1&command=%2Fjobtwin&text=&trigger_id=cmd-1&response_url=" + Self.encoded("https://hooks.slack.com/commands/T1/1/c")
            let opened = try await Self.slack(server, "/slack/commands", command)
            #expect(opened.status == 200)
            let blocks = try #require(opened.json["blocks"] as? [[String: Any]])
            let actions = try #require(blocks.first { $0["type"] as? String == "actions" })
            let blockID = try #require(actions["block_id"] as? String)
            let button = try #require(PromptButton(encoded: blockID))
            #expect(button.slot == "consent.processing" && button.turn == 1 && button.owner == "U1" && button.fingerprint != nil)
            let yes = try #require((actions["elements"] as? [[String: Any]])?.first)
            #expect(yes["value"] as? String == "ja")
            #expect((opened.json["text"] as? String)?.contains("Welkom bij Job Twinning") == true, "the text stays as the fallback")

            // The click.
            let body = try Self.click(blockID: blockID, value: "ja", trigger: "trig-1")
            let clicked = try await Self.slack(server, "/slack/interactions", body)
            #expect(clicked.status == 200)
            let posts = try await poster.waitFor(2)
            try #require(posts.count == 2)
            #expect(posts.allSatisfy { $0.url == "https://hooks.slack.com/actions/T1/1/trig-1" })
            #expect(posts[0].json["replace_original"] as? Bool == true)
            let replaced = try #require(posts[0].json["blocks"] as? [[String: Any]])
            #expect(!replaced.contains { $0["type"] as? String == "actions" }, "no buttons to click twice")
            #expect(String(decoding: posts[0].body, as: UTF8.self).contains("Jouw antwoord: Ja"))
            #expect(posts[1].json["replace_original"] as? Bool == false)
            #expect(posts[1].json["response_type"] as? String == "ephemeral")
            #expect((posts[1].json["text"] as? String)?.isEmpty == false)
            #expect(try await server.turns("slack:T1:U1") == 2)
            let anna = try #require(ParticipantID("slack:T1:U1"))
            #expect(try await server.repository.read { try $0.hasConsent(.processing, of: anna) })

            // The same delivery again: answered, nothing taken, nothing posted.
            #expect(try await Self.slack(server, "/slack/interactions", body).status == 200)
            try await Task.sleep(for: .milliseconds(200))
            #expect(poster.posts.count == 2)
            #expect(try await server.turns("slack:T1:U1") == 2)

            // A click on the consent question after the conversation moved on.
            let old = try Self.click(blockID: blockID, value: "nee", trigger: "trig-2", label: "Nee")
            #expect(try await Self.slack(server, "/slack/interactions", old).status == 200)
            let stale = try await poster.waitFor(3)
            try #require(stale.count == 3)
            #expect(stale[2].json["response_type"] as? String == "ephemeral")
            #expect(stale[2].json["replace_original"] as? Bool == false)
            #expect((stale[2].json["text"] as? String)?.contains("eerdere vraag") == true)
            #expect(try await server.turns("slack:T1:U1") == 2)
            #expect(try await server.repository.read { try $0.hasConsent(.processing, of: anna) })

            // Tampered, stale and unsigned requests: 401, nothing taken.
            let other = try Self.click(blockID: "jt2|2|-|-|profile.name", value: "x", trigger: "trig-3")
            #expect(try await Self.slack(server, "/slack/interactions", other, tamper: true).status == 401)
            #expect(try await Self.slack(server, "/slack/interactions", other, timestamp: Int(Self.now.timeIntervalSince1970) - 600).status == 401)
            let unsigned = try await server.client.send("POST", "/slack/interactions", headers: ["Content-Type": Self.form], body: Data(other.utf8))
            #expect(unsigned.status == 401)
            #expect(try await server.turns("slack:T1:U1") == 2)

            // A ticked checkbox is only Slack's until "Klaar"; a control that is not ours is ignored.
            let tick = try Self.click(blockID: "jt2|2|-|-|plan.kinds", value: "1", trigger: "trig-4", actionID: SlackRenderer.checkboxesActionID)
            #expect(try await Self.slack(server, "/slack/interactions", tick).status == 200)
            let foreign = try Self.click(blockID: "approve_request", value: "1", trigger: "trig-5")
            #expect(try await Self.slack(server, "/slack/interactions", foreign).status == 200)
            try await Task.sleep(for: .milliseconds(200))
            #expect(poster.posts.count == 3)
            #expect(try await server.turns("slack:T1:U1") == 2)

            // Someone else clicking a button made for U1: a note, nothing taken.
            let intruder = try Self.click(blockID: blockID, value: "ja", trigger: "trig-6", user: "U2")
            #expect(try await Self.slack(server, "/slack/interactions", intruder).status == 200)
            let note = try await poster.waitFor(4)
            try #require(note.count == 4)
            #expect((note[3].json["text"] as? String)?.contains("iemand anders") == true)
            #expect(try await server.turns("slack:T1:U1") == 2)
            #expect(try await server.turns("slack:T1:U2") == 0)
        }
    }

    @Test("Slack: a date, a menu's choice and a multichoice's Klaar with its ticked boxes become the answers typed")
    func slackAnswers() throws {
        typealias Channel = SlackInteractionsChannel
        let decoder = JSONDecoder()
        func action(_ json: String) throws -> Channel.Payload.Action { try decoder.decode(Channel.Payload.Action.self, from: Data(json.utf8)) }
        #expect(Channel.answer(try action(#"{"action_id":"jt.date","block_id":"b","selected_date":"2027-02-01"}"#), state: nil, blockID: "b")?.answer == "2027-02-01")
        let menu = Channel.answer(try action(#"{"action_id":"jt.select","block_id":"b","selected_option":{"value":"7","text":{"text":"Gastles"}}}"#), state: nil, blockID: "b")
        #expect(menu?.answer == "7" && menu?.label == "Gastles")
        let state = try decoder.decode(Channel.Payload.State.self, from: Data(#"{"values":{"b":{"jt.check":{"selected_options":[{"value":"3","text":{"text":"C"}},{"value":"1","text":{"text":"A"}}]}}}}"#.utf8))
        let done = Channel.answer(try action(#"{"action_id":"jt.done","block_id":"b","value":""}"#), state: state, blockID: "b")
        #expect(done?.answer == "1, 3")
        #expect(done?.label == "C, A")
    }

    @Test("Slack: the update of a message in a direct message keeps what it showed and drops its controls")
    func slackKeptBlocks() throws {
        let payload = #"{"type":"block_actions","message":{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"De planning"}},{"type":"actions","block_id":"jt1|4|plan.confirm","elements":[]},{"type":"context","elements":[]}]}}"#
        let kept = try #require(SlackInteractionsChannel.keptBlocks(payload))
        let blocks = try #require(try JSONSerialization.jsonObject(with: kept) as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section"])
        let posts = SlackInteractionsChannel.posts(for: .answered(Reply(participant: "slack:T1:U1", messages: [], prompt: nil, phase: .matching,
                                                                         language: .nl, turn: 5), question: "Akkoord?"),
                                                   label: "Ja", ephemeral: false, kept: kept)
        try #require(posts.count >= 2, "expected the update and the next post: \(posts.count)")
        let update = try #require(try JSONSerialization.jsonObject(with: posts[0]) as? [String: Any])
        let replaced = try #require(update["blocks"] as? [[String: Any]])
        #expect(replaced.map { $0["type"] as? String } == ["section", "context"], "what it showed, then the answer")
        #expect(String(decoding: posts[0], as: UTF8.self).contains("De planning"))
        #expect((try JSONSerialization.jsonObject(with: posts[1]) as? [String: Any])?["response_type"] as? String == "in_channel")
        #expect(SlackInteractionsChannel.keptBlocks(#"{"type":"block_actions"}"#) == nil)
    }

    /// Posts a Mattermost action request.
    static func action(_ server: ServerFixture, context: [String: Any], user: String = "u1", trigger: String) async throws -> HTTPClient.Response {
        try await server.client.postJSON("/mattermost/actions", [
            "user_id": user, "channel_id": "c1", "team_id": "t1", "post_id": "p1", "trigger_id": trigger, "type": "", "context": context,
        ])
    }

    @Test("Mattermost: a button with our token updates its post with the answer and the next question; forged, missing, foreign and old clicks change nothing")
    func mattermostActions() async throws {
        try await ServerFixture.with(settings: Self.settings, channels: Self.channels, now: Self.now) { server in
            let opened = try await server.client.postJSON("/mattermost", [
                "token": ServerFixture.mattermostToken, "team_id": "t1", "channel_id": "c1", "user_id": "u1", "command": "/jobtwin", "text": "",
                "trigger_id": "mm-cmd-1",
            ])
            #expect(opened.status == 200)
            let attachments = try #require(opened.json["attachments"] as? [[String: Any]])
            let actions = try #require(attachments.first?["actions"] as? [[String: Any]])
            let integration = try #require(actions.first?["integration"] as? [String: Any])
            #expect(integration["url"] as? String == "https://jobtwin.example.nl/mattermost/actions")
            let context = try #require(integration["context"] as? [String: Any])
            #expect(context["answer"] as? String == "ja")

            // Forged (the answer changed under the same token) and missing tokens: refused.
            var forged = context
            forged["answer"] = "nee"
            #expect(try await Self.action(server, context: forged, trigger: "mm-1").status == 401)
            var missing = context
            missing.removeValue(forKey: "token")
            #expect(try await Self.action(server, context: missing, trigger: "mm-2").status == 401)
            #expect(try await Self.action(server, context: [:], trigger: "mm-3").status == 401)
            // Someone else in the channel.
            let foreign = try await Self.action(server, context: context, user: "u2", trigger: "mm-4")
            #expect(foreign.status == 200)
            #expect((foreign.json["ephemeral_text"] as? String)?.contains("iemand anders") == true)
            #expect(try await server.turns("mattermost:t1:u1") == 1)

            let clicked = try await Self.action(server, context: context, trigger: "mm-5")
            #expect(clicked.status == 200)
            let update = try #require(clicked.json["update"] as? [String: Any])
            #expect((update["message"] as? String)?.contains("Jouw antwoord: Ja") == true)
            #expect(update["props"] as? [String: Any] != nil)
            #expect(try await server.turns("mattermost:t1:u1") == 2)

            // The same click again, and an old question's button.
            #expect(try await Self.action(server, context: context, trigger: "mm-5").json["update"] == nil)
            let old = try await Self.action(server, context: context, trigger: "mm-6")
            #expect((old.json["ephemeral_text"] as? String)?.contains("eerdere vraag") == true)
            #expect(try await server.turns("mattermost:t1:u1") == 2)
        }
    }
}
