import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinStore

/// The click checks and the knelpunten participants raise: stored per participant and pair,
/// in the participant's export, out of the partner's chat export, and gone with an erasure.
@Suite("Click checks and reported bottlenecks in the store")
struct SignalStoreTests {
    let store: TestStore
    let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        store = try TestStore()
    }

    var repository: any TwinRepository { store.repository }

    /// Anna and Bram in a confirmed pair; Anna answered 'no' to the click question and raised a
    /// knelpunt with her words, Bram answered 'yes'; both are open bottlenecks with their event.
    func store() async throws {
        let (anna, bram, now) = (self.anna, self.bram, self.now)
        try await repository.transaction { tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, phase: .activiteiten, createdAt: now)) }
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            try tx.save(ClickCheck(participant: anna, pairID: "p", answer: .no, checkedAt: now))
            try tx.save(ClickCheck(participant: bram, pairID: "p", answer: .yes, checkedAt: now + 60))
            let report = try tx.save(ReportedBottleneck(pairID: "p", participant: anna, topic: .partnerNotResponding,
                                                        words: "Bram reageert al drie weken niet", reportedAt: now + 120))
            #expect(report.id != nil)
            _ = try tx.flag(Bottleneck(kind: .noClick, pairID: "p", participant: anna, detectedAt: now))
            _ = try tx.flag(Bottleneck(kind: .reported, pairID: "p", participant: anna, detectedAt: now + 120))
            try tx.record(ProgrammeEvent(kind: .bottleneckReported, participants: [anna], pairID: "p", occurredAt: now + 120))
            try tx.enqueue([NewDelivery(source: "event:1:programme", eventID: 1, target: "programme", kind: "bottleneck.reported",
                                        idempotencyKey: "k1", payload: Data(#"{"text":"Bram reageert al drie weken niet"}"#.utf8), createdAt: now)])
        }
    }

    static func tables(_ export: Data) throws -> [String: [[String: Any]]]? {
        (try JSONSerialization.jsonObject(with: export) as? [String: Any])?["tables"] as? [String: [[String: Any]]]
    }

    @Test("an answer per participant and pair, replaced when given again; reports in order with their words", .onBothStores)
    func roundTrip() async throws {
        try await store()
        let (anna, bram, now) = (self.anna, self.bram, self.now)
        try await repository.transaction { tx in
            try tx.save(ClickCheck(participant: anna, pairID: "p", answer: .somewhat, checkedAt: now + 300))
            _ = try tx.save(ReportedBottleneck(pairID: "p", participant: bram, topic: .other, words: nil, reportedAt: now + 400))
        }
        let (mine, all, reports) = try await repository.read { reader in
            (try reader.clickCheck(of: anna, pairID: "p"), try reader.clickChecks(of: "p"), try reader.reportedBottlenecks(of: "p"))
        }
        #expect(mine?.answer == .somewhat && mine?.checkedAt == now + 300)
        #expect(all.map(\.participant) == [bram, anna])
        #expect(reports.map(\.topic) == [.partnerNotResponding, .other])
        #expect(reports.first?.words == "Bram reageert al drie weken niet" && reports.last?.words == nil)
        #expect(try await repository.read { try $0.clickCheck(of: anna, pairID: "other") } == nil)
    }

    @Test("the export holds her click answer and her knelpunt; the partner's chat export has neither, nor the notification", .onBothStores)
    func export() async throws {
        try await store()
        let (anna, bram, now) = (self.anna, self.bram, self.now)
        let hers = try #require(try Self.tables(try await repository.exportPersonalData(of: anna, at: now)))
        #expect(hers["click_checks"]?.map { $0["answer"] as? String } == ["no"])
        #expect(hers["reported_bottlenecks"]?.first?["words"] as? String == "Bram reageert al drie weken niet")
        #expect(hers["bottlenecks"]?.count == 2)

        let (complete, chat) = try await repository.read { reader in
            (try reader.exportPersonalData(of: bram, at: now, scope: .complete), try reader.exportPersonalData(of: bram, at: now, scope: .chat))
        }
        let full = try #require(try Self.tables(complete))
        #expect(full["click_checks"]?.map { $0["answer"] as? String } == ["yes"], "only his own answer")
        #expect(full["reported_bottlenecks"]?.isEmpty == true, "her words are hers")
        #expect(full["bottlenecks"]?.count == 2, "the coordinator's export of the pair's bottlenecks is complete")
        let his = try #require(try Self.tables(chat))
        #expect(his["bottlenecks"]?.isEmpty == true, "what she told the coordinator is not in his chat export")
        #expect(his["events"]?.contains { $0["kind"] as? String == "bottleneck.reported" } == false)
        #expect(!String(decoding: chat, as: UTF8.self).contains("drie weken"))
    }

    @Test("an erasure takes her click answer, her knelpunten and their words with her; the partner keeps his answer", .onBothStores)
    func erasure() async throws {
        try await store()
        let (anna, bram, now) = (self.anna, self.bram, self.now)
        let erased = try await repository.erasePersonalData(of: anna, at: now) { _, _ in }
        #expect(erased != nil)
        let (clicks, reports, open, payloads) = try await repository.read { reader in
            (try reader.clickChecks(of: "p"), try reader.reportedBottlenecks(of: "p"), try reader.openBottlenecks(of: "p"),
             try reader.deliveries(status: nil, limit: 100).map { String(decoding: $0.payload, as: UTF8.self) })
        }
        #expect(clicks.map(\.participant) == [bram])
        #expect(reports.isEmpty)
        #expect(open.isEmpty, "her bottlenecks go with her")
        #expect(!payloads.contains { $0.contains("drie weken") }, "her words are taken out of the outbox")
    }
}
