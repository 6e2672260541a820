import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
@testable import TwinStore

/// Erasure and export touch exactly one person: ids are matched whole (`api:anna` is not
/// `api:annabel`), and of a shared plan the partner keeps only what they agreed to.
@Suite("Erasure and export boundaries")
struct ErasureBoundaryTests {
    let store: TestStore
    let anna = ParticipantID("api:anna")!, annabel = ParticipantID("api:annabel")!, bram = ParticipantID("api:bram")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        store = try TestStore()
    }

    @Test("an id in a text is replaced only as a whole word")
    func wholeIDs() {
        let replace = { PersonalDataErasure.replacingID("api:anna", with: "erased:x", in: $0) }
        #expect(replace("paired with api:anna (pair p)") == "paired with erased:x (pair p)")
        #expect(replace("not paired with api:anna: reason") == "not paired with erased:x: reason")
        #expect(replace("proposals: api:anna & api:bram, api:annabel & api:carl") == "proposals: erased:x & api:bram, api:annabel & api:carl")
        #expect(replace("excluded from pairing with api:anna") == "excluded from pairing with erased:x")
        #expect(replace("excluded from pairing with api:annabel") == "excluded from pairing with api:annabel")
        #expect(replace("with api:anna:x and api:anna.") == "with api:anna:x and erased:x.")
        #expect(replace("api:anna (pair p) and myapi:anna") == "erased:x (pair p) and myapi:anna")
        #expect(replace("(api:anna)") == "(erased:x)")
    }

    @Test("erasing api:anna leaves api:annabel's waiting reply, audit lines and export alone", .onBothStores)
    func prefixIDs() async throws {
        let repository = store.repository
        try await repository.transaction { [anna, annabel, now] tx in
            for id in [anna, annabel] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            for (id, key) in [(anna, "k1"), (annabel, "k2")] {
                try tx.enqueue([NewDelivery(source: "reply:\(id)/slack-events/Ev1", eventID: nil, target: "slack-reply", kind: "slack.reply",
                                            idempotencyKey: key, payload: Data("reply for \(id)".utf8), createdAt: now)])
            }
            try tx.audit(AuditEntry(at: now, actor: "repl:boss", action: "match.exclude", subject: annabel.description,
                                    detail: "excluded from pairing with api:anna"))
            try tx.audit(AuditEntry(at: now, actor: "repl:boss", action: "match.exclude", subject: anna.description,
                                    detail: "excluded from pairing with api:annabel"))
        }
        let export = String(decoding: try await repository.exportPersonalData(of: anna, at: now), as: UTF8.self)
        #expect(export.contains("reply:api:anna/"))
        #expect(!export.contains("reply:api:annabel/"), "another participant's outbox row is not exported")

        let standIn = try #require(try await repository.erasePersonalData(of: anna, at: now))
        let (deliveries, log) = try await (repository.read { try $0.deliveries(status: nil, limit: 10) }, repository.auditLog())
        #expect(deliveries.map(\.source) == ["reply:api:annabel/slack-events/Ev1"])
        #expect(log.map(\.detail) == ["excluded from pairing with \(standIn)", "excluded from pairing with api:annabel"])
        #expect(log.map(\.subject) == ["api:annabel", standIn.description])
    }

    @Test("the export holds the events of the person's pairs and their outbox rows, also those that list only the partner", .onBothStores)
    func pairEventsExported() async throws {
        let repository = store.repository
        try await repository.transaction { [anna, bram, now] tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            try tx.record(ProgrammeEvent(kind: .bottleneckFlagged, participants: [bram], pairID: "p", occurredAt: now))
            try tx.enqueue([NewDelivery(source: "event:1", eventID: 1, target: "programme", kind: "bottleneck.flagged",
                                        idempotencyKey: "k", payload: Data("Anna en Bram: knelpunt".utf8), createdAt: now)])
        }
        let export = try #require(try JSONSerialization.jsonObject(with: try await repository.exportPersonalData(of: anna, at: now)) as? [String: Any])
        let tables = try #require(export["tables"] as? [String: [[String: Any]]])
        #expect(tables["events"]?.count == 1)
        #expect(tables["deliveries"]?.count == 1)
    }

    @Test("of a plan the erased person proposed, the partner keeps the figures and loses the words they never confirmed", .onBothStores)
    func unconfirmedPlanWords() async throws {
        let repository = store.repository
        try await repository.transaction { [anna, bram, now] tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            try tx.save(Plan(pairID: "p", weeks: 12, meetings: 6, hours: 20, period: "Annas geheime periode",
                             agreements: "Annas eigen afspraken", proposedBy: anna, at: now,
                             deviationReasons: [.shortDuration: "Annas reden"]))
            var evaluation = Evaluation(participant: bram, pairID: "p", startedAt: now)
            evaluation.employerValue = "Samen met Anna Zeldzaam veel geleerd"
            try tx.save(evaluation)
            try tx.save(Profile(name: "Anna Zeldzaam", side: .teacher, organization: "School", role: "docent", field: "mathematics",
                                educationTypes: [], companyTypes: [], motivations: [], criteria: [.open],
                                subjectPreference: .noPreference, region: "Delft", updatedAt: now), for: anna)
        }
        _ = try await repository.erasePersonalData(of: anna, at: now)
        let (plan, evaluation) = try await repository.read { [bram] reader in (try reader.plan(of: "p"), try reader.evaluation(of: bram, pairID: "p")) }
        let kept = try #require(plan)
        #expect(kept.weeks == 12 && kept.meetings == 6 && kept.hours == 20)
        #expect(kept.period == PersonalDataErasure.redacted && kept.agreements == PersonalDataErasure.redacted)
        #expect(kept.deviationReasons.isEmpty)
        #expect(evaluation?.employerValue == "Samen met \(PersonalDataErasure.redacted) veel geleerd", "the name is out of the partner's evaluation")
        let bytes = try store.storedBytes()
        for gone in ["Annas geheime periode", "Annas eigen afspraken", "Annas reden", "Anna Zeldzaam"] {
            #expect(bytes.range(of: Data(gone.utf8)) == nil, "\(gone) is still in the file")
        }
    }

    @Test("of a plan version the partner confirmed, the figures and the confirmation stay; the erased person's words go", .onBothStores)
    func confirmedPlanKept() async throws {
        let repository = store.repository
        try await repository.transaction { [anna, bram, now] tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            var plan = Plan(pairID: "p", weeks: 14, meetings: 7, hours: 24, period: "voorjaar", agreements: "elke dinsdag",
                            proposedBy: anna, at: now, deviationReasons: [:])
            _ = plan.confirm(by: bram, partner: anna, at: now)
            try tx.save(plan)
        }
        _ = try await repository.erasePersonalData(of: anna, at: now)
        let plan = try #require(try await repository.read { try $0.plan(of: "p") })
        #expect(plan.weeks == 14 && plan.meetings == 7 && plan.hours == 24)
        #expect(plan.period == PersonalDataErasure.redacted && plan.agreements == PersonalDataErasure.redacted)
        #expect(plan.isConfirmed(by: bram))
    }
}
