import JSONText
import TwinStore
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinLanguage
import TwinConfiguration

/// Each platform's payload as the receiver gets it, through the whole outbox: an event recorded
/// in the database, fanned out to one target per format, posted with libcurl.
@Suite("Payloads per format")
struct PayloadTests {
    @Test("slack, mattermost, teams, teams-legacy, discord and json bodies as received")
    func everyFormat() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.script([])
            let targets: [NotificationTarget] = [
                NotifyFixture.target("slack", receiver, path: "/slack", format: .slack, language: .nl),
                NotifyFixture.target("mattermost", receiver, path: "/mattermost", format: .mattermost, language: .en),
                NotifyFixture.target("teams", receiver, path: "/teams", format: .teams, language: .en),
                NotifyFixture.target("legacy", receiver, path: "/legacy", format: .teamsLegacy, language: .nl),
                NotifyFixture.target("discord", receiver, path: "/discord", format: .discord, language: .en),
                NotifyFixture.target("json", receiver, path: "/json", format: .json, language: .nl),
            ]
            // Discord answers 204 No Content on success.
            receiver.setFallback(.status(200, body: "ok"))
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker(targets, transport: try CurlTransport())
            receiver.script([])
            let round = try await worker.drain()
            #expect(round.delivered == 6)
            let received = Dictionary(uniqueKeysWithValues: try await receiver.waitFor(6).map { ($0.path, $0) })

            let slack = try #require(received["/slack"]).json
            #expect((slack["text"] as? String)?.contains("Koppel bevestigd") == true)
            let blocks = try #require(slack["blocks"] as? [[String: Any]])
            #expect(blocks.map { $0["type"] as? String } == ["header", "section", "context"])
            try #require(blocks.count >= 2, "the Slack post has no section block: \(blocks)")
            let section = try #require(blocks[1]["text"] as? [String: Any])
            #expect(section["type"] as? String == "mrkdwn")
            #expect((section["text"] as? String)?.contains("Anna de Vries (docent) en Bram Jansen (professional)") == true)

            let mattermost = try #require(received["/mattermost"]).json
            #expect(mattermost["username"] as? String == "JobTwin")
            #expect((mattermost["text"] as? String)?.hasPrefix("#### Pair confirmed\nAnna de Vries (teacher) and Bram Jansen (professional)") == true)

            let teams = try #require(received["/teams"]).json
            #expect(teams["type"] as? String == "message")
            let attachment = try #require((teams["attachments"] as? [[String: Any]])?.first)
            #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
            let card = try #require(attachment["content"] as? [String: Any])
            #expect(card["type"] as? String == "AdaptiveCard")
            #expect(card["$schema"] as? String == "http://adaptivecards.io/schemas/adaptive-card.json")
            let body = try #require(card["body"] as? [[String: Any]])
            #expect(body.first?["text"] as? String == "Pair confirmed")

            let legacy = try #require(received["/legacy"]).json
            #expect(legacy["@type"] as? String == "MessageCard")
            #expect(legacy["@context"] as? String == "https://schema.org/extensions")
            #expect(legacy["title"] as? String == "Koppel bevestigd")

            let discord = try #require(received["/discord"]).json
            let content = try #require(discord["content"] as? String)
            #expect(content.hasPrefix("**Pair confirmed**"))
            #expect(content.unicodeScalars.count <= 2_000)
            let embed = try #require((discord["embeds"] as? [[String: Any]])?.first)
            #expect(embed["title"] as? String == "Pair confirmed")
            #expect((embed["footer"] as? [String: Any])?["text"] as? String == "match.confirmed")
            #expect((discord["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])

            let jsonRequest = try #require(received["/json"])
            let json = jsonRequest.json
            #expect(json["type"] as? String == "match.confirmed")
            #expect(json["pair_id"] as? String == NotifyFixture.pairID)
            #expect(json["event_id"] as? Int == 1)
            #expect(json["participants"] as? [String] == ["api:anna", "api:bram"])
            #expect(json["idempotency_key"] as? String == jsonRequest.idempotencyKey)
            let texts = try #require(json["text"] as? [String: String])
            #expect(texts["nl"]?.contains("vormen nu een koppel") == true)
            #expect(texts["en"]?.contains("are now a pair") == true)
            #expect(json["time"] as? String == "2026-11-30T00:53:20Z")

            // Every request carries its own key, and the JSON content type.
            #expect(Set(received.values.compactMap(\.idempotencyKey)).count == 6)
            #expect(received.values.allSatisfy { $0.headers["content-type"]?.hasPrefix("application/json") == true })
        }
    }

    @Test("Discord's 204 is success; content is cut to 2,000 characters")
    func discord() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.setFallback(.status(204))
            try await fixture.record(.trajectoryClosed)
            let worker = fixture.worker([NotifyFixture.target("discord", receiver, format: .discord)], transport: try CurlTransport())
            #expect(try await worker.drain().delivered == 1)
            #expect(try await fixture.deliveries().map(\.status) == [.delivered])
        }
        let long = NotificationMessage(kind: "test", eventID: nil, pairID: nil, participants: [],
                                       title: LocalizedText(nl: "T", en: "T"),
                                       text: LocalizedText(nl: String(repeating: "é👍", count: 1_500), en: ""),
                                       occurredAt: NotifyFixture.start, idempotencyKey: "k")
        let payload = PayloadBuilder.payload(long, format: .discord, language: .nl)
        let object = try #require(try JSONSerialization.jsonObject(with: payload.data()) as? [String: Any])
        let content = try #require(object["content"] as? String)
        #expect(content.unicodeScalars.count <= 2_000)
        #expect(content.hasSuffix("…"))
    }

    @Test("a target only gets the events it lists; names and markup in texts are defused")
    func routingAndEscaping() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        // A hostile profile name: Slack markup and a Mattermost mention.
        try await fixture.repository.transaction { [anna = fixture.anna] tx in
            try tx.save(NotifyFixture.profile("<!channel> @all & co", .teacher, NotifyFixture.start), for: anna)
        }
        try await TestReceiver.with { receiver in
            var confirmedOnly = NotifyFixture.target("coordinators", receiver, path: "/coordinators", format: .slack)
            confirmedOnly.events = [.matchConfirmed]
            let mattermost = NotifyFixture.target("mm", receiver, path: "/mm", format: .mattermost)
            try await fixture.record(.phaseCompleted)
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker([confirmedOnly, mattermost], transport: try CurlTransport())
            #expect(try await worker.drain().delivered == 3)
            let received = try await receiver.waitFor(3)
            #expect(received.filter { $0.path == "/coordinators" }.count == 1)
            let slackText = String(decoding: try #require(received.first { $0.path == "/coordinators" }).body, as: UTF8.self)
            #expect(slackText.contains("&lt;!channel&gt;"))
            #expect(!slackText.contains("<!channel>"))
            let mattermostText = received.filter { $0.path == "/mm" }.compactMap { $0.json["text"] as? String }
            #expect(mattermostText.allSatisfy { !$0.contains("@all") && $0.contains("@\u{200B}all") })
        }
    }
}
