import Foundation
import JobTwinTestSupport
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinConfiguration

/// `POST /mattermost` and `POST /teams` against the real server.
@Suite("Mattermost and Teams channels")
struct MattermostTeamsTests {
    @Test("an outgoing webhook (form) answers with text only, without its trigger word")
    func mattermostOutgoingWebhook() async throws {
        try await ServerFixture.with { server in
            func post(_ text: String, post: String) async throws -> HTTPClient.Response {
                let body = "token=\(ServerFixture.mattermostToken)&team_id=tm1&channel_id=ch1&user_id=us1&user_name=anna&post_id=\(post)&trigger_word=jobtwin&text=jobtwin+\(text)"
                return try await server.client.send("POST", "/mattermost", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
            }
            let first = try await post("hallo", post: "p1")
            #expect(first.status == 200)
            #expect(first.json["response_type"] == nil)
            #expect((first.json["text"] as? String)?.contains("Welkom") == true)
            _ = try await post("ja", post: "p2")
            _ = try await post("Anna+de+Vries", post: "p3")
            _ = try await post("Anna+de+Vries", post: "p3")
            #expect(try await server.turns("mattermost:tm1:us1") == 3)
            let answers = try await server.repository.read { try $0.answers(ParticipantID("mattermost:tm1:us1")!) }
            #expect(answers.first { $0.slot == "profile.name" }?.value.contains("\"Anna de Vries\"") == true)
        }
    }

    @Test("a slash command (JSON) answers ephemerally")
    func mattermostSlashCommand() async throws {
        try await ServerFixture.with { server in
            let response = try await server.client.postJSON("/mattermost", [
                "token": ServerFixture.mattermostToken, "team_id": "tm1", "channel_id": "ch1", "user_id": "us2",
                "command": "/jobtwin", "text": "", "trigger_id": "tr1",
            ])
            #expect(response.status == 200)
            #expect(response.json["response_type"] as? String == "ephemeral")
            #expect(try await server.turns("mattermost:tm1:us2") == 1)
        }
    }

    @Test("a wrong or missing Mattermost token is a 401; a malformed body a 400", arguments: [
        ("token=wrong&team_id=t&user_id=u&text=hi", 401),
        ("team_id=t&user_id=u&text=hi", 401),
        ("token=\(ServerFixture.mattermostToken)&team_id=t&text=hi", 400),
        ("token=%zz&text=%", 400),
    ])
    func mattermostRefused(_ body: String, _ status: Int) async throws {
        try await ServerFixture.with { server in
            let response = try await server.client.send("POST", "/mattermost", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
            #expect(response.status == status)
            #expect(try await server.participantCount() == 0)
        }
    }

    private func activity(_ id: String, _ text: String, from: String = "29:1a2b", aad: String? = "aad-0001") -> Data {
        var object: [String: Any] = ["type": "message", "id": id, "text": text, "from": ["id": from, "name": "Anna"]]
        if let aad { object["from"] = ["id": from, "name": "Anna", "aadObjectId": aad] }
        return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }

    @Test("a signed Teams message answers as a message activity, the mention removed from the answer")
    func teams() async throws {
        try await ServerFixture.with { server in
            func post(_ body: Data) async throws -> HTTPClient.Response {
                try await server.client.send("POST", "/teams", headers: [
                    "Authorization": Signing.teams(body, token: ServerFixture.teamsToken), "Content-Type": "application/json",
                ], body: body)
            }
            let first = try await post(activity("a1", "<at>JobTwin</at> hallo"))
            #expect(first.status == 200)
            #expect(first.json["type"] as? String == "message")
            #expect((first.json["text"] as? String)?.contains("Welkom") == true)
            _ = try await post(activity("a2", "<at>JobTwin</at> ja"))
            _ = try await post(activity("a2b", "<at>JobTwin</at>&nbsp;Anna de Vries"))
            let answers = try await server.repository.read { try $0.answers(ParticipantID("teams:aad-0001")!) }
            #expect(answers.first { $0.slot == "profile.name" }?.value.contains("\"Anna de Vries\"") == true)
            // Without an AAD id, the sender's Teams id names the participant.
            _ = try await post(activity("a3", "<at>JobTwin</at> hi", from: "29:xyz", aad: nil))
            #expect(try await server.turns("teams:29:xyz") == 1)
        }
    }

    @Test("unsigned, tampered and wrongly keyed Teams requests get 401")
    func teamsRefused() async throws {
        try await ServerFixture.with { server in
            let body = activity("a1", "<at>JobTwin</at> hallo")
            let signature = Signing.teams(body, token: ServerFixture.teamsToken)
            var tampered = body
            tampered.append(contentsOf: Array(" ".utf8))
            let cases: [([String: String], Data)] = [
                ([:], body),
                (["Authorization": signature], tampered),
                (["Authorization": Signing.teams(body, token: Data(repeating: 9, count: 32).base64EncodedString())], body),
                (["Authorization": "Bearer " + signature.dropFirst(5)], body),
            ]
            for (headers, payload) in cases {
                let response = try await server.client.send("POST", "/teams", headers: headers, body: payload)
                #expect(response.status == 401)
            }
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("a channel without its secret is not served: 404")
    func unconfigured() async throws {
        var channels = ChannelSettings()
        channels.apiToken = Secret(ServerFixture.apiToken, source: "test")
        try await ServerFixture.with(channels: channels) { server in
            for path in ["/slack/commands", "/slack/events", "/mattermost", "/teams"] {
                let response = try await server.client.send("POST", path, body: Data("{}".utf8))
                #expect(response.status == 404, "\(path)")
            }
            #expect(try await server.message("u1", "hallo").status == 200)
        }
    }
}
