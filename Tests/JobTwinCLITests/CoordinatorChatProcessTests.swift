import TwinLanguage
import Foundation
import Testing
import Twinning
import TwinStore
import JobTwinTestSupport

/// `jobtwin chat` as a coordinator, as a real process: through the configuration's
/// `coordinators:` list or for one session with `--coordinator`; a participant at the same
/// terminal who types the coordinator's words gets none of it.
@Suite("jobtwin chat as a coordinator (process)")
struct CoordinatorChatProcessTests {
    static let secrets = ["Anna de Vries", "Bram Bakker", "Carla Jansen", "Daan Visser"]

    /// A database with Anna and Bram in a pair and Carla and Daan without one.
    static func database(in folder: TemporaryFolder) async throws -> String {
        let db = folder.path("coordinator.sqlite")
        let repository = try SQLiteRepository(path: db)
        let now = Date()
        let people: [(String, Side, Phase)] = [
            ("repl:anna", .teacher, .kennismaking), ("repl:bram", .professional, .kennismaking),
            ("repl:carla", .teacher, .matching), ("repl:daan", .professional, .matching),
        ]
        let names = secrets
        try await repository.transaction { tx in
            for ((id, side, phase), name) in zip(people, names) {
                guard let participant = ParticipantID(id) else { continue }
                try tx.save(Participant(id: participant, language: .nl, phase: phase, createdAt: now))
                try tx.save(Profile(name: name, side: side, organization: "Organisatie van \(name)", role: "rol", field: "mathematics",
                                    educationTypes: ["vmbo"], companyTypes: ["ict"], motivations: ["other_world"], criteria: [.subject],
                                    subjectPreference: .noPreference, region: "Rotterdam", updatedAt: now), for: participant)
            }
            if let anna = ParticipantID("repl:anna"), let bram = ParticipantID("repl:bram") {
                try tx.save(Pair(id: "pair-ab", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                                 proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now))
            }
        }
        return db
    }

    static func replies(_ output: JobTwinProcess.Output) throws -> [[String: Any]] {
        try output.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test("a coordinator listed in the configuration gets the coordinator's home and the overview")
    func configured() async throws {
        let folder = try TemporaryFolder()
        let db = try await Self.database(in: folder)
        let config = folder.path("jobtwin.yaml")
        try "coordinators: [\"repl:boss\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["chat", "--json", "--config", config, "--db", db, "--participant", "boss"],
                                            input: Data("1\n".utf8))
        #expect(output.status == 0, "\(output.stderr)")
        let replies = try Self.replies(output)
        #expect(replies.count == 2)
        #expect(replies[0].promptSlot == "coordinator.action")
        let overview = replies[1].texts.joined(separator: "\n")
        for name in Self.secrets { #expect(overview.contains(name)) }
        #expect(!output.stderr.contains("--coordinator"), "no note without the flag")
    }

    @Test("--coordinator makes the session's participant a coordinator, with a one-line note on standard error")
    func flag() async throws {
        let folder = try TemporaryFolder()
        let db = try await Self.database(in: folder)
        let output = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "chief", "--coordinator", "--lang", "en"],
                                            input: Data("overview\nnudge\n1\nHow are you doing?\n".utf8))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("repl:chief is a coordinator for this session (--coordinator)"))
        #expect(output.stderr.split(separator: "\n").count == 1)
        let replies = try Self.replies(output)
        #expect(replies.count == 5, "standard output holds only the replies")
        #expect(replies[0].texts.joined().contains("You are a coordinator of the programme here"))
        #expect(replies[1].texts.joined().contains("Anna de Vries & Bram Bakker — confirmed"))
        #expect(replies[4].texts.joined().contains("Sent. Anna de Vries and Bram Bakker will see your message"))
        let repository = try SQLiteRepository(path: db)
        let anna = try #require(ParticipantID("repl:anna"))
        #expect(try await repository.read { try $0.pendingNotices(for: anna) }.map(\.en) == ["Message from the coordinator: How are you doing?"])
        #expect(try await repository.auditLog().allSatisfy { $0.actor == "repl:chief" })

        // The flag does not last: the same participant without it is not a coordinator.
        let later = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "chief"], input: Data("1\n".utf8))
        for name in Self.secrets { #expect(!later.stdout.contains(name)) }
    }

    @Test("a participant typing the coordinator's numbers, labels and aliases gets none of it, also with a coordinator configured")
    func participantGetsNothing() async throws {
        let folder = try TemporaryFolder()
        let db = try await Self.database(in: folder)
        let config = folder.path("jobtwin.yaml")
        try "coordinators: [\"repl:boss\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let words = ["1", "2", "3", "6", "overzicht", "Overzicht van alle duo's", "knelpunten", "voorstellen", "duwtje", "uitsluiten",
                     "waarom niet", "overview", "bottlenecks", "nudge", "coordinator", "7", "afhandelen", "settle"]
        let output = try JobTwinProcess.run(["chat", "--json", "--config", config, "--db", db, "--participant", "eve"],
                                            input: Data(words.map { $0 + "\n" }.joined().utf8))
        #expect(output.status == 0)
        let replies = try Self.replies(output)
        #expect(replies.count == words.count + 1)
        #expect(!replies.contains { ($0.promptSlot ?? "").hasPrefix("coordinator.") })
        for name in Self.secrets { #expect(!output.stdout.contains(name), "eve saw \(name)") }
        let repository = try SQLiteRepository(path: db)
        #expect(try await repository.auditLog().isEmpty)
    }
}
