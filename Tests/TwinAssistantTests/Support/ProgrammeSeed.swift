import TwinLanguage
import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// A small programme written straight into the store, for the coordinator's tests: Anna de
/// Vries (teacher) and Bram Bakker (professional) in a confirmed pair (`pair-ab`, phase 2), and
/// Carla Jansen (teacher) and Daan Visser (professional) in phase 1 without a pair, all with
/// complete profiles. Everyone's words are distinctive, so that a test can tell whether any of
/// it reached a reply.
enum ProgrammeSeed {
    static let anna = AssistantFixture.id("api:anna")
    static let bram = AssistantFixture.id("api:bram")
    static let carla = AssistantFixture.id("api:carla")
    static let daan = AssistantFixture.id("api:daan")
    static let pairID = "pair-ab"

    /// Words of the four profiles that nobody else may see.
    static let privateWords = ["Anna de Vries", "Bram Bakker", "Carla Jansen", "Daan Visser", "Erasmus College", "IBM",
                               "Zadkine", "Gemeente Utrecht", "api:anna", "api:carla"]

    static func profile(_ name: String, _ side: Side, _ organization: String, field: String, region: String, now: Date) -> Profile {
        Profile(name: name, side: side, organization: organization, role: side == .teacher ? "docent" : "adviseur", field: field,
                educationTypes: ["vmbo"], companyTypes: ["ict"], background: "opleiding van \(name)", targetGroup: "doelgroep van \(name)",
                motivations: ["other_world"], criteria: [.subject, .personal], subjectPreference: .noPreference, region: region,
                updatedAt: now)
    }

    /// Writes the programme.
    static func write(into repository: any TwinRepository, now: Date) async throws {
        try await repository.transaction { tx in
            let people: [(ParticipantID, Phase, Profile)] = [
                (anna, .kennismaking, profile("Anna de Vries", .teacher, "Erasmus College", field: "mathematics", region: "Rotterdam", now: now)),
                (bram, .kennismaking, profile("Bram Bakker", .professional, "IBM", field: "ict", region: "Rotterdam", now: now)),
                (carla, .matching, profile("Carla Jansen", .teacher, "Zadkine", field: "languages", region: "Utrecht", now: now)),
                (daan, .matching, profile("Daan Visser", .professional, "Gemeente Utrecht", field: "law_public", region: "Utrecht", now: now)),
            ]
            for (id, phase, profile) in people {
                try tx.save(Participant(id: id, language: .nl, phase: phase, createdAt: now))
                try tx.save(profile, for: id)
            }
            try tx.save(Pair(id: pairID, teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 10,
                             proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now))
        }
    }

    /// Everything a coordinator action could change, to compare before and after.
    struct Snapshot: Equatable {
        var pairs: [Pair]
        var exclusions: Set<Set<ParticipantID>>
        var events: [ProgrammeEvent]
        var notices: [Notice]
        var bottlenecks: [Bottleneck]
        var audit: [AuditEntry]
        var likes: Set<String>
    }

    static func snapshot(_ repository: any TwinRepository) async throws -> Snapshot {
        let (pairs, exclusions, events, notices, bottlenecks, likes) = try await repository.read { reader in
            let everyone = try reader.participants().map(\.id)
            return (try reader.allPairs(), try reader.exclusions(), try reader.events(),
                    try everyone.flatMap { try reader.pendingNotices(for: $0) }, try reader.openBottlenecks(of: nil),
                    Set(try everyone.flatMap { from in try reader.judged(by: from).map { "\(from)→\($0)" } }))
        }
        return Snapshot(pairs: pairs, exclusions: exclusions, events: events, notices: notices, bottlenecks: bottlenecks,
                        audit: try await repository.auditLog(), likes: likes)
    }

    /// A program of `sources` (name → YAML) with a minimal menu unless one is given.
    static func program(_ sources: [String: String]) throws -> Program {
        var all = sources
        if all["menu"] == nil {
            all["menu"] = """
            dialog: menu
            title: {nl: Menu, en: Menu}
            steps:
              - id: menu
                ask: menu.word
                type: text
                prompt: {nl: Zeg iets., en: Say something.}
              - goto: menu
            """
        }
        return try Program.load(all.map { DialogSource(path: "\($0.key).yaml", text: $0.value) }, host: JobTwinInterface.host)
    }
}
