import Foundation
import Testing
import Twinning
import TwinStore

/// `POST /v1/messages` and the health endpoints against the real server.
@Suite("JSON channel and health")
struct JSONChannelTests {
    @Test("health, readiness and metrics answer")
    func health() async throws {
        try await ServerFixture.with { server in
            let health = try await server.client.send("GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "ok")
            let ready = try await server.client.send("GET", "/readyz")
            #expect(ready.status == 200)
            #expect(ready.json["status"] as? String == "ready")
            _ = try await server.message("u1", "hallo")
            let metrics = try await server.client.send("GET", "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"jobtwin_http_requests_total{channel="api",status="200"} 1"#))
            #expect(metrics.text.contains(#"jobtwin_turns_total{channel="api"} 1"#))
            #expect(metrics.text.contains("jobtwin_turn_duration_seconds_bucket"))
        }
    }

    @Test("a first message opens the conversation, the next one answers; the reply is the §5 contract")
    func happyPath() async throws {
        try await ServerFixture.with { server in
            let first = try await server.message("u1", "hello", lang: "en")
            #expect(first.status == 200)
            #expect(first.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(first.header("X-Request-ID")?.isEmpty == false)
            let reply = first.json
            #expect(reply["participant"] as? String == "api:u1")
            #expect(reply["phase"] as? String == "matching")
            #expect(reply["language"] as? String == "en")
            #expect((reply["prompt"] as? [String: Any])?["slot"] as? String == "consent.processing")
            #expect((reply["messages"] as? [[String: Any]])?.isEmpty == false)

            // "api:u1" as the reply names it is the same participant.
            let second = try await server.message("api:u1", "yes")
            #expect((second.json["prompt"] as? [String: Any])?["slot"] as? String == "profile.name")
            let third = try await server.message("u1", "Anna de Vries")
            #expect((third.json["prompt"] as? [String: Any])?["slot"] as? String == "profile.side")
            #expect(try await server.turns("api:u1") == 3)
            let answers = try await server.repository.read { try $0.answers(ParticipantID("api:u1")!) }
            #expect(answers.map(\.slot) == ["consent.processing", "profile.name"])
        }
    }

    @Test("the same id again returns the stored reply and applies nothing twice")
    func idempotent() async throws {
        try await ServerFixture.with { server in
            _ = try await server.message("u1", "hallo", id: "m1")
            let answered = try await server.message("u1", "Anna de Vries", id: "m2")
            let again = try await server.message("u1", "Anna de Vries", id: "m2")
            #expect(again.status == 200)
            #expect(again.body == answered.body)
            // Same id, other text: still the stored reply — the id names the message.
            let tampered = try await server.message("u1", "Someone Else", id: "m2")
            #expect(tampered.body == answered.body)
            #expect(try await server.turns("api:u1") == 2)
            // Ids are per participant: another participant's m2 is their own message.
            let other = try await server.message("u2", "hallo", id: "m2")
            #expect(other.json["participant"] as? String == "api:u2")
            #expect(try await server.turns("api:u2") == 1)
        }
    }

    @Test("missing, wrong and malformed credentials get the same 401, and nothing is stored",
          arguments: [[:], ["Authorization": "Bearer wrong"], ["Authorization": "Basic dGVzdA=="],
                      ["Authorization": "Bearer"], ["Authorization": "Bearer \(ServerFixture.apiToken)x"]])
    func unauthorized(_ headers: [String: String]) async throws {
        try await ServerFixture.with { server in
            let response = try await server.client.postJSON("/v1/messages", ["participant": "u1", "text": "hi"], headers: headers)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == "Bearer")
            let error = response.json["error"] as? [String: Any]
            #expect(error?["code"] as? String == "unauthorized")
            #expect(!response.text.contains(ServerFixture.apiToken))
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("an unusable participant, lang or id is a 400 that says what is wrong", arguments: [
        (#"{"participant": "has space", "text": "x"}"#, "invalid_participant"),
        (#"{"participant": "", "text": "x"}"#, "invalid_participant"),
        (#"{"participant": "u1", "text": "x", "lang": "de"}"#, "invalid_lang"),
        (#"{"participant": "u1", "text": "x", "id": ""}"#, "invalid_id"),
        (#"{"participant": "u1", "text": "x", "id": 7}"#, "malformed_json"),
        (#"{"text": "x"}"#, "malformed_json"),
        (#"["participant"]"#, "malformed_json"),
        (#"{"participant": "u1", "text": "#, "malformed_json"),
        ("", "malformed_json"),
    ])
    func badMessages(_ body: String, _ code: String) async throws {
        try await ServerFixture.with { server in
            let response = try await server.client.send("POST", "/v1/messages", headers: server.bearer, body: Data(body.utf8))
            #expect(response.status == 400)
            let error = response.json["error"] as? [String: Any]
            #expect(error?["code"] as? String == code)
            #expect((error?["message"] as? String)?.isEmpty == false)
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("an oversize answer inside the body limit is refused by the assistant, and nothing is kept")
    func oversizeAnswer() async throws {
        try await ServerFixture.with { server in
            _ = try await server.message("u1", "hallo")
            let response = try await server.message("u1", String(repeating: "a", count: 20_000))
            #expect(response.status == 200)
            let kinds = (response.json["messages"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds?.first == "error")
            #expect((response.json["prompt"] as? [String: Any])?["slot"] as? String == "consent.processing")
            let answers = try await server.repository.read { try $0.answers(ParticipantID("api:u1")!) }
            #expect(answers.isEmpty)
        }
    }
}
