import TwinLanguage
import Foundation
import Testing
import Twinning
import TwinStore
import JobTwinTestSupport

/// The coordinator's commands through every channel of the real server: a configured
/// coordinator id of that channel gets the overview of the programme; a participant of the same
/// channel who types the coordinator's option labels, aliases and numbers — at the intake and at
/// the menu — never gets any of it.
@Suite("Coordinator access per channel")
struct CoordinatorChannelTests {
    /// One way in, with how it names participants and how it posts a message.
    enum Channel: String, CaseIterable, CustomTestStringConvertible {
        case json, slack, mattermost, teams

        var testDescription: String { rawValue }

        /// The participant id the channel gives the user `user`.
        func participant(_ user: String) -> ParticipantID? {
            switch self {
            case .json: return ParticipantID("api:\(user)")
            case .slack: return ParticipantID("slack:T1:\(user)")
            case .mattermost: return ParticipantID("mattermost:tm1:\(user)")
            case .teams: return ParticipantID("teams:\(user)")
            }
        }

        /// Posts `text` as `user` (a fresh request id each time, `sequence`); returns the reply text.
        func send(_ server: ServerFixture, _ user: String, _ text: String, sequence: Int) async throws -> String {
            let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response: HTTPClient.Response
            switch self {
            case .json:
                response = try await server.message(user, text, id: "m\(sequence)")
            case .slack:
                let body = "team_id=T1&user_id=\(user)&command=%2Fjobtwin&text=\(encoded)&trigger_id=tr\(sequence)"
                response = try await server.client.send("POST", "/slack/commands", headers: Signing.slackHeaders(
                    body, timestamp: CoordinatorChannelTests.slackTimestamp, secret: ServerFixture.slackSecret,
                    contentType: "application/x-www-form-urlencoded"), body: Data(body.utf8))
            case .mattermost:
                let body = "token=\(ServerFixture.mattermostToken)&team_id=tm1&channel_id=ch1&user_id=\(user)&post_id=p\(sequence)&text=\(encoded)"
                response = try await server.client.send("POST", "/mattermost", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                        body: Data(body.utf8))
            case .teams:
                let object: [String: Any] = ["type": "message", "id": "a\(sequence)", "text": "<at>JobTwin</at> \(text)",
                                             "from": ["id": "29:\(user)", "name": user, "aadObjectId": user]]
                let body = try JSONSerialization.data(withJSONObject: object)
                response = try await server.client.send("POST", "/teams", headers: [
                    "Authorization": Signing.teams(body, token: ServerFixture.teamsToken), "Content-Type": "application/json",
                ], body: body)
            }
            guard response.status == 200 else { throw TestFailure("\(self) answered \(response.status): \(response.text)") }
            if self == .json {
                // The messages, and the labels of the choice asked (the other channels render them in the text).
                let messages = ((response.json["messages"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
                let options = (((response.json["prompt"] as? [String: Any])?["options"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
                return (messages + options).joined(separator: "\n")
            }
            return response.json["text"] as? String ?? ""
        }
    }

    static let slackTimestamp = 1_531_420_618
    static let now = Date(timeIntervalSince1970: TimeInterval(slackTimestamp + 30))

    /// Names only a coordinator may see.
    static let secrets = ["Anna de Vries", "Bram Bakker", "Carla Jansen", "Daan Visser"]

    /// What a participant might type to reach the coordinator's options.
    static let coordinatorWords = [
        "1", "2", "3", "4", "5", "6", "7", "Overzicht van alle duo's", "overzicht", "Open knelpunten", "knelpunten",
        "Matchvoorstellen maken en bevestigen", "voorstellen", "waarom niet", "uitsluiten", "duwtje", "Uitleg voor coördinatoren",
        "Overview of all pairs", "overview", "bottlenecks", "proposals", "why not", "exclude", "nudge", "coordinator", "coördinator",
        "8", "Een duo zonder partner afhandelen", "afhandelen", "settle", "partner left",
    ]

    /// Anna and Bram in a confirmed pair, Carla and Daan without one.
    static func seed(_ repository: any TwinRepository) async throws {
        let now = Self.now
        @Sendable func profile(_ name: String, _ side: Side, _ organization: String) -> Profile {
            Profile(name: name, side: side, organization: organization, role: "rol", field: "mathematics", educationTypes: ["vmbo"],
                    companyTypes: ["ict"], motivations: ["other_world"], criteria: [.subject], subjectPreference: .noPreference,
                    region: "Rotterdam", updatedAt: now)
        }
        let people: [(String, Side, String, Phase)] = [
            ("api:anna", .teacher, "Erasmus College", .kennismaking), ("api:bram", .professional, "IBM", .kennismaking),
            ("api:carla", .teacher, "Zadkine", .matching), ("api:daan", .professional, "Gemeente Utrecht", .matching),
        ]
        try await repository.transaction { tx in
            for ((id, side, organization, phase), name) in zip(people, Self.secrets) {
                guard let participant = ParticipantID(id) else { continue }
                try tx.save(Participant(id: participant, language: .nl, phase: phase, createdAt: now))
                try tx.save(profile(name, side, organization), for: participant)
            }
            if let anna = ParticipantID("api:anna"), let bram = ParticipantID("api:bram") {
                try tx.save(Pair(id: "pair-ab", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                                 proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now))
            }
        }
    }

    @Test("a configured coordinator of the channel gets the overview; a participant typing the coordinator's words never does",
          arguments: Channel.allCases)
    func access(_ channel: Channel) async throws {
        let coordinator = try #require(channel.participant("boss"))
        try await ServerFixture.with(now: Self.now, coordinators: [coordinator]) { server in
            try await Self.seed(server.repository)
            var sequence = 0
            func send(_ user: String, _ text: String) async throws -> String {
                sequence += 1
                return try await channel.send(server, user, text, sequence: sequence)
            }

            let home = try await send("boss", "hallo")
            #expect(home.contains("Je bent hier coördinator"))
            #expect(home.contains("Overzicht van alle duo"))
            let overview = try await send("boss", "1")
            #expect(overview.contains("overzicht voor de coördinator"))
            for name in Self.secrets { #expect(overview.contains(name), "the overview names \(name)") }

            // A participant of the same channel: at the intake's first question …
            var seen: [String] = [try await send("eve", "hallo")]
            for word in Self.coordinatorWords { seen.append(try await send("eve", word)) }
            // … and at the menu, after the intake.
            _ = try await send("eve", "opnieuw")
            _ = try await send("eve", "ja")
            let intake = ["ja", "Eva Evers", "docent", "Da Vinci College", "Delft", "docent Engels", "wiskunde", "lerarenopleiding",
                          "havo-leerlingen", "havo", "1", "1", "1", "3", "nee", "ja"]
            for answer in intake { seen.append(try await send("eve", answer)) }
            #expect(seen.last?.contains("Wat wil je doen?") == true, "eve is at the menu: \(seen.last ?? "")")
            for word in Self.coordinatorWords { seen.append(try await send("eve", word)) }
            for text in seen {
                for name in Self.secrets { #expect(!text.contains(name), "a participant saw \(name): \(text)") }
                #expect(!text.contains("overzicht voor de coördinator"))
                #expect(!text.contains("Overzicht van alle duo"))
            }
            let audit = try await server.repository.auditLog()
            #expect(!audit.isEmpty)
            #expect(audit.allSatisfy { $0.actor == coordinator.description }, "only the coordinator's actions are logged")
            #expect(try await server.repository.read { try $0.allPairs().count } == 1, "nothing was matched")
        }
    }
}
