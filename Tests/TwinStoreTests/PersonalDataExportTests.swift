import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinStore

/// `jobtwin export`: complete over the schema, and only about the one participant.
@Suite("Personal data export")
struct PersonalDataExportTests {
    let store: TestStore

    init() throws {
        store = try TestStore()
    }

    /// A SQLite file of its own, for the tests of what only SQLite has.
    var path: String { store.folder.appendingPathComponent("own.sqlite").path }

    @Test("every table of the schema is either exported or declared free of personal data")
    func coverage() throws {
        let repository = try SQLiteRepository(path: path)
        let coverage = SQLiteRepository.exportCoverage
        let tables = Set(try repository.tableNames())
        #expect(coverage.personal.union(coverage.other) == tables,
                "tables without an export decision: \(tables.subtracting(coverage.personal.union(coverage.other)).sorted())")
        #expect(coverage.personal.isDisjoint(with: coverage.other))
    }

    @Test("the export holds the participant's rows in every table that has some, and nobody else's private data", .onBothStores)
    func content() async throws {
        let repository = store.repository
        let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!, carl = ParticipantID("api:carl")!
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try await repository.transaction { tx in
            for id in [anna, bram, carl] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.saveSession(StoredSession(participant: anna, state: Data("{\"answered\":3}".utf8), turns: 3, updatedAt: now))
            try tx.saveAnswers(["profile.name": "{\"text\":\"Anna\"}"], for: anna, at: now)
            try tx.saveAnswers(["profile.name": "{\"text\":\"Carl Secret\"}"], for: carl, at: now)
            try tx.save(Profile(name: "Anna", side: .teacher, organization: "School", role: "docent", field: "mathematics",
                                educationTypes: [], companyTypes: [], motivations: [], criteria: [.open],
                                subjectPreference: .noPreference, region: "Delft", updatedAt: now), for: anna)
            try tx.saveLike(from: carl, to: anna, liked: true, at: now)
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            try tx.save(Goal(id: "g", pairID: "p", owner: nil, text: "Samen een lessenserie", isLongTerm: false, createdAt: now))
            try tx.record(ProgrammeEvent(kind: .matchConfirmed, participants: [anna, bram], pairID: "p", occurredAt: now))
            try tx.add(Notice(participant: anna, kind: "plan.changed", nl: "x", en: "x", createdAt: now))
        }
        let data = try await repository.exportPersonalData(of: anna, at: now)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["participant"] as? String == "api:anna")
        let tables = try #require(object["tables"] as? [String: [[String: Any]]])
        for table in ["participants", "sessions", "answers", "profiles", "likes", "pairs", "goals", "events", "notices"] {
            #expect(tables[table]?.isEmpty == false, "\(table) should hold rows about anna")
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Samen een lessenserie"))
        #expect(!text.contains("Carl Secret"), "another participant's answers are not exported")
        #expect((tables["sessions"]?.first?["state"] as? [String: Any])?["answered"] as? Int == 3, "stored JSON is embedded as JSON")
    }
}
