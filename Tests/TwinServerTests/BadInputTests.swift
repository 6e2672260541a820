import TwinStore
import Twinning
import Foundation
import JobTwinTestSupport
import Testing
import TwinAssistant
import TwinReply

/// Bad input of every kind gets a clear status and harms nothing: no participant, no turn.
@Suite("Bad input")
struct BadInputTests {
    @Test("a body over 64 KiB is a 413 on every channel, before any credential or parsing")
    func tooLarge() async throws {
        try await ServerFixture.with { server in
            let big = Data(repeating: UInt8(ascii: "a"), count: 64 * 1024 + 1)
            for path in ["/v1/messages", "/slack/commands", "/slack/events", "/mattermost", "/teams"] {
                let headers = path == "/v1/messages" ? server.bearer : [:]
                let response = try await server.client.send("POST", path, headers: headers, body: big)
                #expect(response.status == 413, "\(path)")
                #expect((response.json["error"] as? [String: Any])?["code"] as? String == "body_too_large", "\(path)")
            }
            // Exactly at the limit is read (and then refused as malformed JSON).
            let limit = try await server.client.send("POST", "/v1/messages", headers: server.bearer,
                                                     body: Data(repeating: UInt8(ascii: " "), count: 64 * 1024))
            #expect(limit.status == 400)
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("invalid UTF-8 is a 400 on every channel that reads text")
    func invalidUTF8() async throws {
        try await ServerFixture.with { server in
            var body = Data(#"{"participant": "u1", "text": ""#.utf8)
            body.append(contentsOf: [0xFF, 0xFE, 0xC3])
            body.append(contentsOf: Array(#""}"#.utf8))
            let api = try await server.client.send("POST", "/v1/messages", headers: server.bearer, body: body)
            #expect(api.status == 400)
            #expect((api.json["error"] as? [String: Any])?["code"] as? String == "invalid_utf8")
            let teams = try await server.client.send("POST", "/teams", headers: ["Authorization": Signing.teams(body, token: ServerFixture.teamsToken)], body: body)
            #expect(teams.status == 400)
            let mattermost = try await server.client.send("POST", "/mattermost", body: body)
            #expect(mattermost.status == 400)
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("unknown routes are 404, wrong methods 405 with Allow")
    func routes() async throws {
        try await ServerFixture.with { server in
            let unknown = try await server.client.send("GET", "/nowhere")
            #expect(unknown.status == 404)
            #expect((unknown.json["error"] as? [String: Any])?["code"] as? String == "not_found")
            for (method, path, allowed) in [("GET", "/v1/messages", "POST"), ("PUT", "/slack/events", "POST"),
                                            ("DELETE", "/teams", "POST"), ("POST", "/healthz", "GET")] {
                let response = try await server.client.send(method, path)
                #expect(response.status == 405, "\(method) \(path)")
                #expect(response.header("Allow") == allowed, "\(method) \(path)")
            }
            #expect(try await server.participantCount() == 0)
        }
    }

    @Test("over the per-participant rate limit: 429 with Retry-After, nothing taken; others unaffected")
    func rateLimit() async throws {
        try await ServerFixture.with(settings: ServerFixture.settings(perMinute: 6, burst: 2)) { server in
            #expect(try await server.message("u1", "hallo").status == 200)
            #expect(try await server.message("u1", "Anna de Vries").status == 200)
            let limited = try await server.message("u1", "Bram")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "10")
            #expect((limited.json["error"] as? [String: Any])?["code"] as? String == "rate_limited")
            #expect(try await server.turns("api:u1") == 2)
            #expect(try await server.message("u2", "hallo").status == 200)
            server.clock.advance(by: 10)
            #expect(try await server.message("u1", "docent").status == 200)
        }
    }

    @Test("odd Unicode and template markers are taken as plain text")
    func oddText() async throws {
        try await ServerFixture.with { server in
            _ = try await server.message("u1", "hallo")
            _ = try await server.message("u1", "ja")
            let response = try await server.message("u1", "{{profile.name}} \u{202E}Anna\u{200B} 👩‍💻")
            #expect(response.status == 200)
            let answers = try await server.repository.read { try $0.answers(.init("api:u1")!) }
            let value = try #require(answers.first { $0.slot == "profile.name" }?.value)
            #expect(value.contains("{{profile.name}}"))
            #expect(!value.contains("\u{202E}"))
        }
    }
}
