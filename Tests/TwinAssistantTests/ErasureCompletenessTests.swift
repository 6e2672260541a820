import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import JobTwinTestSupport

/// Erasure leaves nothing of the person behind, wherever others saw them: a participant with a
/// marker in every text she can enter is seen through open matching, a match proposal, a
/// confirmed pair's plan and activities, a coordinator's overview and nudge, and a
/// notification; after her erasure the schema walk and the file's bytes find no marker.
// On SQLite only: it walks the SQLite file's schema and bytes. On PostgreSQL, TwinPostgresTests
// searches every table after an erasure, and the erasure tests here run on both stores.
@Suite("Erasure leaves nothing behind", .disabled(if: TestStoreKind.chosen == [.postgres], "it walks a SQLite file's schema and bytes"))
struct ErasureCompletenessTests {
    static let zoe = AssistantFixture.id("api:zoe")
    static let bram = AssistantFixture.id("api:bram")
    static let coordinator = AssistantFixture.id("api:coco")

    /// Zoe's intake: every free text carries the marker `arkeer`.
    static let zoeIntake = [
        "ja", "Zoë Markeernaam", "docent", "Markeerschool Lyceum", "Markeerstad", "docent markeerkunde", "anders",
        "vak markeerkunde", "opleiding markeerwetenschap", "leerlingen markeergroep", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja",
    ]

    static func containsMarker(_ text: String) -> Bool {
        text.range(of: "arkeer", options: .caseInsensitive) != nil || text.contains(zoe.description)
    }

    /// A turn with a request id, as the platforms send them, so that the reply is stored.
    final class Conversation: @unchecked Sendable {
        let assistant: Assistant
        private var count = 0
        init(_ assistant: Assistant) { self.assistant = assistant }

        @discardableResult
        func say(_ id: ParticipantID, _ texts: String...) async throws -> Reply {
            var last: Reply?
            for text in texts {
                count += 1
                last = try await assistant.handle(participant: id, text: text, requestID: ChannelRequestID(channel: "api", value: "r\(count)"))
            }
            return try #require(last)
        }

        /// Chooses a menu option by its value.
        @discardableResult
        func choose(_ id: ParticipantID, _ value: String) async throws -> Reply {
            let menu = try await say(id, "status")
            let options = try #require(menu.prompt?.options, "a choice is asked: \(menu.prompt?.slot ?? "nothing")")
            if let index = options.firstIndex(where: { $0.value == value }) { return try await say(id, String(index + 1)) }
            let keyword = try #require(AssistantFixture.waitingKeywords[value], "\(value) is offered: \(options.map(\.value))")
            return try await say(id, keyword)
        }
    }

    @Test("no table, column or byte of the file keeps a marker of the erased person; the others keep their own data")
    func nothingLeft() async throws {
        let fixture = try AssistantFixture(coordinators: [Self.coordinator], keepConversationTexts: true)
        let chat = Conversation(fixture.assistant)
        let zoe = Self.zoe, bram = Self.bram

        // Phase 1: both intakes with open profiles; they browse and like each other.
        _ = try await fixture.assistant.open(participant: zoe, lang: .nl)
        for answer in Self.zoeIntake { try await chat.say(zoe, answer) }
        #expect(try await fixture.repository.read { try $0.profile(zoe)?.name } == "Zoë Markeernaam")
        _ = try await fixture.assistant.open(participant: bram, lang: .nl)
        for answer in ["ja"] + OpenMatchingFlowTests.professionalIntake { try await chat.say(bram, answer) }

        var reply = try await chat.choose(bram, "browse_profiles")
        #expect(reply.messages.contains { $0.text.contains("Zoë Markeernaam") }, "Bram sees Zoe's card")
        try await chat.say(bram, "1")
        try await chat.choose(zoe, "browse_profiles")
        reply = try await chat.say(zoe, "leuk")
        // The proposal from the mutual like: both confirm, and the pair begins phase 2.
        reply = try await chat.choose(bram, "confirm_match")
        #expect(reply.prompt?.slot == "match.confirm")
        try await chat.say(bram, "ja")
        try await chat.choose(zoe, "confirm_match")
        reply = try await chat.say(zoe, "ja")
        #expect(reply.phase == .kennismaking)

        // Phase 2: Zoe's goals, expectations and plan; Bram, who is shown them, writes a goal and
        // expectations that name her, and confirms her plan.
        try await chat.choose(zoe, "goals")
        try await chat.say(zoe, "Markeerdoel: de haven zien", "nee", "nee", "Markeerdoel samen: een lessenserie", "nee", "nee",
                           "Markeerverwachting: eerlijk zijn over de tijd")
        reply = try await chat.choose(bram, "goals")
        #expect(TrajectoryFlowTests.text(reply).contains("Markeerverwachting"), "Bram is shown Zoe's expectations")
        try await chat.say(bram, "Samen met Zoë Markeernaam lesgeven", "nee", "nee", "overslaan", "Dat Zoë Markeernaam de lesbezoeken regelt")
        try await chat.choose(zoe, "plan")
        try await chat.say(zoe, "16", "7", "20", "werkplekbezoek", "Markeerperiode: februari tot juni", "Markeerafspraak: elke week bellen")
        reply = try await chat.choose(bram, "confirm_plan")
        #expect(TrajectoryFlowTests.text(reply).contains("Markeerafspraak"), "Bram is shown Zoe's words")
        reply = try await chat.say(bram, "ja")
        #expect(reply.phase == .activiteiten)
        try await chat.say(bram, "later")

        // Phase 3: Zoe logs an activity; Bram is shown it and confirms it.
        try await chat.choose(zoe, "log_activity")
        try await chat.say(zoe, "werkplekbezoek", "vandaag", "4", "Markeernotitie: lessen bijgewoond", "nee", "nee")
        reply = try await chat.choose(bram, "confirm_activity")
        #expect(TrajectoryFlowTests.text(reply).contains("Markeernotitie"))
        try await chat.say(bram, "ja", "ja")
        // Zoe said there is no click, and raises a knelpunt in words that carry the marker.
        try await chat.choose(zoe, "report_bottleneck")
        try await chat.say(zoe, "iets anders", "Markeerklacht: we spreken steeds af en het gaat niet door")
        #expect(try await fixture.repository.read { try $0.reportedBottlenecks(of: $0.pairs(of: zoe)[0].id).count } == 1)

        // The coordinator sees the pair in the overview and sends a nudge.
        reply = try await chat.say(Self.coordinator, "status")
        reply = try await CoordinatorChatTests.choose(fixture.assistant, Self.coordinator, "nudge", in: reply)
        #expect(TrajectoryFlowTests.text(reply).contains("Zoë Markeernaam & Bram Bakker"))
        try await chat.say(Self.coordinator, "Bram Bakker", "Hoe gaat het met jullie?")
        try await chat.say(bram, "status")

        // A notification about them, sent and one still waiting, as the outbox stores them.
        try await fixture.repository.transaction { tx in
            for (key, text) in [("n1", "Zoë Markeernaam en Bram Bakker vormen een duo"), ("n2", "Zoë Markeernaam heeft een activiteit vastgelegd")] {
                try tx.enqueue([NewDelivery(source: "event:\(key)", eventID: nil, target: "programme", kind: "match.confirmed",
                                            idempotencyKey: key, payload: Data("{\"text\":\"\(text)\"}".utf8), createdAt: Date())])
            }
        }

        // Before: the marker is in many tables, and the export shows every text of hers.
        let walk = DatabaseWalk(path: fixture.databasePath)
        let before = try walk.cells(where: Self.containsMarker)
        let tablesBefore = Set(before.map(\.table))
        #expect(tablesBefore.isSuperset(of: ["profiles", "answers", "sessions", "processed_requests", "conversation_texts", "goals",
                                             "expectations", "plans", "activities", "notices", "deliveries"]), "seen through every path: \(tablesBefore.sorted())")
        let export = String(decoding: try await fixture.repository.exportPersonalData(of: zoe, at: fixture.clock.now()), as: UTF8.self)
        let markerWords = Set(before.flatMap { finding in
            finding.value.matches(of: #/[\p{L}]*[Mm]arkeer[\p{L}]*/#).map { String($0.output) }
        })
        #expect(markerWords.count >= 10)
        for word in markerWords {
            #expect(export.contains(word), "the export shows \(word), which the database holds of her")
        }
        // Every table with a row of hers (a cell that is her id) has rows in her export.
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(export.utf8)) as? [String: Any])
        let exportedTables = try #require(exported["tables"] as? [String: [Any]])
        let tablesWithHerRows = Set(try walk.cells { $0 == zoe.description }.map(\.table))
        #expect(tablesWithHerRows.count >= 10)
        #expect(tablesBefore.contains("reported_bottlenecks"), "her knelpunt's words")
        #expect(tablesWithHerRows.isSuperset(of: ["click_checks", "reported_bottlenecks"]), "her click answer and her knelpunt")
        for table in tablesWithHerRows {
            #expect(exportedTables[table]?.isEmpty == false, "the export has her rows of \(table)")
        }
        let bramBefore = try await fixture.repository.read { reader in (try reader.profile(bram), try reader.answers(bram).count) }

        // The erasure.
        let erased = try #require(try await ParticipantErasure.erase(zoe, reason: .command, actor: "repl:admin",
                                                                     repository: fixture.repository, now: fixture.clock.now()))
        #expect(erased.compacted)

        let after = try walk.cells(where: Self.containsMarker)
        #expect(after.isEmpty, "left behind:\n\(after.map(\.description).joined(separator: "\n"))")
        let bytes = walk.rawBytes()
        for needle in ["arkeer", "ARKEER", zoe.description] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) is still in the file's bytes")
        }

        // The others keep what is theirs, and go on.
        let (bramProfile, bramAnswers, bramGoals, pairs) = try await fixture.repository.read { reader in
            (try reader.profile(bram), try reader.answers(bram).count, try reader.allPairs().flatMap { try reader.goals(of: $0.id) }, try reader.allPairs())
        }
        #expect(bramProfile == bramBefore.0)
        #expect(bramAnswers == bramBefore.1)
        #expect(pairs.first?.teacher == erased.standIn && pairs.first?.professional == bram)
        #expect(bramGoals.contains { $0.owner == bram && $0.text == "Samen met [verwijderd / erased] lesgeven" })
        let bramExpectations = try await fixture.repository.read { reader in try reader.allPairs().flatMap { try reader.expectations(of: $0.id) } }
        #expect(bramExpectations.map(\.participant) == [bram], "hers are gone, his stay")
        #expect(bramExpectations.first?.text == "Dat [verwijderd / erased] de lesbezoeken regelt")
        let (clicks, reports) = try await fixture.repository.read { reader in
            (try reader.clickChecks(of: pairs[0].id), try reader.reportedBottlenecks(of: pairs[0].id))
        }
        #expect(clicks.map(\.participant) == [bram], "her click answer went with her; Bram's stays")
        #expect(reports.isEmpty)
        let bramNext = try await chat.say(bram, "status")
        #expect(bramNext.prompt != nil)
        let coordinatorNext = try await chat.say(Self.coordinator, "status")
        #expect(coordinatorNext.prompt != nil)
        #expect(try walk.cells(where: Self.containsMarker).isEmpty, "nothing of her is written back by the others' next turns")
    }
}
