import Foundation
import GRDB
import Testing
import JobTwinTestSupport
import Twinning
import TwinLanguage
@testable import TwinStore

/// The closing evaluation in the store, with the employer's view: kept, read back, in the
/// export, and gone (or redacted in the partner's rows) after an erasure.
@Suite("Evaluation in the store")
struct EvaluationStoreTests {
    let store: TestStore
    let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        store = try TestStore()
    }

    /// A SQLite file of its own, for the tests of what only SQLite has.
    var path: String { store.folder.appendingPathComponent("own.sqlite").path }

    /// Anna and Bram in a closed pair; both evaluated, each with what their manager said.
    private func twoEvaluations(_ repository: any TwinRepository) async throws {
        try await repository.transaction { [anna, bram, now] tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.save(Profile(name: "Anna Zeldzaam", side: .teacher, organization: "Zeldzaam Lyceum", role: "docent", field: "mathematics",
                                educationTypes: [], companyTypes: [], motivations: [], criteria: [.open],
                                subjectPreference: .noPreference, region: "Delft", updatedAt: now), for: anna)
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .closed, score: 1,
                             proposedAt: now, confirmedAt: now))
            var mine = Evaluation(participant: anna, pairID: "p", startedAt: now)
            mine.employerValue = "Praktijkvoorbeelden in de les"
            mine.managerView = ManagerView(discussed: true, valuation: .high, wantsSequel: true, words: "Volgend jaar twee collega's erbij")
            mine.finishedAt = now
            try tx.save(mine)
            var theirs = Evaluation(participant: bram, pairID: "p", startedAt: now)
            theirs.managerView = ManagerView(discussed: true, valuation: .some, wantsSequel: nil,
                                             words: "Mooi contact met het Zeldzaam Lyceum")
            theirs.finishedAt = now
            try tx.save(theirs)
        }
    }

    @Test("the manager's view is stored with the evaluation and read back whole", .onBothStores)
    func roundTrip() async throws {
        let repository = store.repository
        try await twoEvaluations(repository)
        let read = try await repository.read { [anna] in try $0.evaluation(of: anna, pairID: "p") }
        #expect(read?.managerView == ManagerView(discussed: true, valuation: .high, wantsSequel: true, words: "Volgend jaar twee collega's erbij"))
        #expect(read?.employerValue == "Praktijkvoorbeelden in de les", "the participant's own view stays beside it")
    }

    @Test("an evaluation stored before the manager's view was asked reads without one: no migration is needed")
    func earlierEvaluation() async throws {
        let repository = try SQLiteRepository(path: path)
        try await twoEvaluations(repository)
        // The row as an earlier version wrote it: the same JSON without the key.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            let data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM evaluations WHERE participant_id = 'api:anna'"))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            object["managerView"] = nil
            try db.execute(sql: "UPDATE evaluations SET data = ? WHERE participant_id = 'api:anna'",
                           arguments: [try JSONSerialization.data(withJSONObject: object)])
        }
        try queue.close()
        let read = try await SQLiteRepository(path: path).read { [anna] in try $0.evaluation(of: anna, pairID: "p") }
        #expect(read?.managerView == nil)
        #expect(read?.employerValue == "Praktijkvoorbeelden in de les")
    }

    @Test("the export holds the manager's view of the participant's own evaluation, not the partner's", .onBothStores)
    func exported() async throws {
        let repository = store.repository
        try await twoEvaluations(repository)
        let text = String(decoding: try await repository.exportPersonalData(of: anna, at: now), as: UTF8.self)
        #expect(text.contains("Volgend jaar twee collega's erbij"))
        #expect(text.contains("\"high\""), "the manager's valuation")
        #expect(!text.contains("Mooi contact met het"), "the partner's manager's words are the partner's")
    }

    @Test("erasure removes the participant's evaluation with their manager's words, and their organisation from the partner's", .onBothStores)
    func erased() async throws {
        let repository = store.repository
        try await twoEvaluations(repository)
        _ = try await repository.erasePersonalData(of: anna, at: now)
        let (mine, theirs) = try await repository.read { [anna, bram] reader in
            (try reader.evaluation(of: anna, pairID: "p"), try reader.evaluation(of: bram, pairID: "p"))
        }
        #expect(mine == nil)
        #expect(theirs?.managerView?.words == "Mooi contact met het \(PersonalDataErasure.redacted)")
        #expect(theirs?.managerView?.valuation == .some, "the partner's own answers stay")
        let bytes = try store.storedBytes()
        for gone in ["Volgend jaar twee collega's erbij", "Zeldzaam Lyceum"] {
            #expect(bytes.range(of: Data(gone.utf8)) == nil, "\(gone) is still in the file")
        }
    }
}
