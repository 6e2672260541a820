import TwinLanguage
import Foundation
import GRDB
import Testing
import JobTwinTestSupport
import Twinning
@testable import TwinStore

/// Migration v8: each partner's expectations of a pair, and the kinds of activity a plan
/// intends — stored, replaced, read from a database of the previous version, exported and erased
/// like the other trajectory data.
@Suite("Expectations and intended activities in the store")
struct ExpectationsAndIntendedActivitiesTests {
    let store: TestStore
    let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!, carl = ParticipantID("api:carl")!, dora = ParticipantID("api:dora")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        store = try TestStore()
    }

    /// A SQLite file of its own, for the tests of what only SQLite has.
    var path: String { store.folder.appendingPathComponent("own.sqlite").path }

    /// Anna and Bram in pair `p`, Carl and Dora in pair `q`, with expectations in both.
    private func twoPairs(_ repository: any TwinRepository) async throws {
        try await repository.transaction { [anna, bram, carl, dora, now] tx in
            for id in [anna, bram, carl, dora] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            try tx.save(Pair(id: "q", teacher: carl, professional: dora, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            try tx.save(Expectation(pairID: "p", participant: anna, text: "Annas verwachting: eerlijk over de tijd", updatedAt: now))
            try tx.save(Expectation(pairID: "p", participant: bram, text: "Brams verwachting: vaak bellen", updatedAt: now.addingTimeInterval(60)))
            try tx.save(Expectation(pairID: "q", participant: carl, text: "Carls verwachting, niet van Anna", updatedAt: now))
        }
    }

    @Test("expectations are kept per participant and pair, and a new answer replaces the earlier one", .onBothStores)
    func replace() async throws {
        let repository = store.repository
        try await twoPairs(repository)
        try await repository.transaction { [anna, now] tx in
            try tx.save(Expectation(pairID: "p", participant: anna, text: "Annas nieuwe verwachting", updatedAt: now.addingTimeInterval(120)))
        }
        let (p, q) = try await repository.read { (try $0.expectations(of: "p"), try $0.expectations(of: "q")) }
        #expect(p.map(\.participant) == [bram, anna], "oldest first; the replaced one is newer now")
        #expect(p.first { $0.participant == anna }?.text == "Annas nieuwe verwachting")
        #expect(q.map(\.text) == ["Carls verwachting, niet van Anna"])
    }

    @Test("a plan keeps its intended kinds, and a new version its own", .onBothStores)
    func planKinds() async throws {
        let repository = store.repository
        try await twoPairs(repository)
        try await repository.transaction { [anna, now] tx in
            try tx.save(Plan(pairID: "p", weeks: 13, meetings: 7, hours: 20, period: "voorjaar", agreements: "bellen",
                             proposedBy: anna, at: now, intendedKinds: [.guestLesson, .workplaceVisit]))
        }
        #expect(try await repository.read { try $0.plan(of: "p")?.intendedKinds } == [.guestLesson, .workplaceVisit])
        try await repository.transaction { [bram, now] tx in
            guard var plan = try tx.plan(of: "p") else { return }
            plan.revise(weeks: 13, meetings: 7, hours: 20, period: "voorjaar", agreements: "bellen", by: bram, at: now,
                        deviationReasons: [:], intendedKinds: [.training])
            try tx.save(plan)
        }
        let plan = try #require(try await repository.read { try $0.plan(of: "p") })
        #expect(plan.version == 2)
        #expect(plan.intendedKinds == [.training])
    }

    @Test("a database of v7 upgrades: its plans intend no kinds, and expectations can be stored")
    func upgradeFromV7() async throws {
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v7: message preferences, direct-message cursor")
            try await queue.write { db in
                for id in ["api:anna", "api:bram"] {
                    try db.execute(sql: """
                        INSERT INTO participants (id, channel, language, phase, created_at, last_active_at)
                        VALUES (?, 'api', 'nl', 'kennismaking', '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                        """, arguments: [id])
                }
                try db.execute(sql: """
                    INSERT INTO pairs (id, teacher_id, professional_id, origin, status, score, proposed_at, confirmed_at)
                    VALUES ('p', 'api:anna', 'api:bram', 'coordinator', 'confirmed', 1, '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000')
                    """)
                try db.execute(sql: """
                    INSERT INTO plans (pair_id, version, weeks, meetings, hours, period, agreements, proposed_by, proposed_at,
                                       confirmed_versions, fixed_at, deviation_reasons)
                    VALUES ('p', 1, 13, 7, 20, 'voorjaar', 'bellen', 'api:anna', '2026-11-01 10:00:00.000', '{"api:anna":1}', NULL, '{}')
                    """)
            }
        }
        let repository = try SQLiteRepository(path: path)
        let plan = try #require(try await repository.read { try $0.plan(of: "p") })
        #expect(plan.weeks == 13 && plan.intendedKinds.isEmpty)
        try await repository.transaction { [anna, now] tx in
            try tx.save(Expectation(pairID: "p", participant: anna, text: "Na de upgrade", updatedAt: now))
        }
        #expect(try await repository.read { try $0.expectations(of: "p").map(\.text) } == ["Na de upgrade"])
    }

    @Test("the export holds both partners' expectations of the pair, and no other pair's", .onBothStores)
    func export() async throws {
        let repository = store.repository
        try await twoPairs(repository)
        let data = try await repository.exportPersonalData(of: anna, at: now)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: [[String: Any]]])
        let rows = try #require(tables["expectations"])
        #expect(Set(rows.compactMap { $0["participant_id"] as? String }) == ["api:anna", "api:bram"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Annas verwachting: eerlijk over de tijd") && text.contains("Brams verwachting: vaak bellen"))
        #expect(!text.contains("Carls verwachting"), "another pair's expectations are not exported")
        #expect(SQLiteRepository.exportCoverage.personal.contains("expectations"))
    }

    @Test("erasure deletes the person's expectations, keeps the partner's without the person's words, and leaves no byte", .onBothStores)
    func erasure() async throws {
        let repository = store.repository
        try await twoPairs(repository)
        try await repository.transaction { [bram, now] tx in
            try tx.save(Expectation(pairID: "p", participant: bram, text: "Dat Annas verwachting: eerlijk over de tijd uitkomt", updatedAt: now))
            try tx.add(Notice(participant: bram, kind: "expectations.shared",
                              nl: "Anna heeft verwachtingen over jullie traject opgeschreven: Annas verwachting: eerlijk over de tijd",
                              en: "x", createdAt: now))
        }
        let standIn = try await repository.erasePersonalData(of: anna, at: now)
        #expect(standIn != nil)
        let (p, q, notices) = try await repository.read { [bram] reader in
            (try reader.expectations(of: "p"), try reader.expectations(of: "q"), try reader.notices(for: bram, kind: "expectations.shared"))
        }
        #expect(p.map(\.participant) == [bram])
        #expect(p.first?.text == "Dat \(PersonalDataErasure.redacted) uitkomt", "her words are out of his expectations")
        #expect(q.count == 1, "another pair is untouched")
        #expect(notices.allSatisfy { !$0.nl.contains("Annas verwachting") })
        let bytes = try store.storedBytes()
        #expect(bytes.range(of: Data("Annas verwachting".utf8)) == nil, "her expectations are not in the file")
    }
}
