import Foundation
import Testing
import TwinStore
import Twinning
import JobTwinTestSupport

/// `jobtwin chat` as a real process: the JSON line contract, crash safety, bad input.
@Suite("jobtwin chat (process)")
struct ChatProcessTests {
    /// The intake answers in order, with the slot each one answers.
    static let intake: [(slot: String, answer: String)] = [
        ("consent.processing", "ja"), ("profile.name", "Anna de Vries"), ("profile.side", "docent"), ("profile.organization", "Erasmus College"),
        ("profile.region", "Rotterdam"), ("profile.role", "docent wiskunde"), ("profile.field", "wiskunde"),
        ("profile.background", "lerarenopleiding"), ("profile.target_group", "vmbo"),
        ("profile.education_type", "vmbo, havo"), ("profile.company_type", "1"), ("profile.motivation", "1"),
        ("profile.criteria", "1, 2"), ("profile.subject_preference", "2"), ("profile.open_profile", "ja"),
        ("profile.review_ok", "ja"),
    ]

    @Test("--json prints the opening turn and exactly one reply per input line")
    func jsonContract() throws {
        let folder = try TemporaryFolder()
        let lines = ["ja", "Anna", "", "docent", "status"]
        let output = try JobTwinProcess.run(["chat", "--json", "--db", folder.path("t.sqlite"), "--participant", "anna"],
                                            input: Data(lines.map { $0 + "\n" }.joined().utf8))
        #expect(output.status == 0)
        #expect(output.lines.count == lines.count + 1)
        let replies = try output.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(replies[0].promptSlot == "consent.processing")
        #expect(replies[0]["phase"] as? String == "matching")
        #expect(replies[0]["participant"] as? String == "repl:anna")
        #expect(replies[1].promptSlot == "profile.name")
        #expect(replies[2].promptSlot == "profile.side")
        let options = try #require((replies[2]["prompt"] as? [String: Any])?["options"] as? [[String: Any]])
        #expect(options.map { $0["value"] as? String } == ["teacher", "professional"])
        #expect(replies[3].kinds.contains("error"), "an empty line is refused with a reason")
        #expect(replies[3].promptSlot == "profile.side")
        #expect(replies[4].promptSlot == "profile.organization")
        #expect(replies[5].texts.contains { $0.contains("Je bent bij") })
    }

    @Test("kill -9 in the middle of the intake loses no acknowledged answer; the next start resumes at the pending question")
    func killMidDialog() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("crash.sqlite")
        for killAfter in [1, 6, 11] {
            let participant = "crash\(killAfter)"
            let chat = try InteractiveChat(arguments: ["--db", db, "--participant", participant])
            var reply = try chat.readReply()
            #expect(reply.promptSlot == Self.intake[0].slot)
            for step in Self.intake.prefix(killAfter) {
                #expect(reply.promptSlot == step.slot)
                reply = try chat.send(step.answer)
            }
            chat.kill()

            let resumed = try InteractiveChat(arguments: ["--db", db, "--participant", participant])
            let opening = try resumed.readReply()
            #expect(opening.promptSlot == Self.intake[killAfter].slot, "resumes at the question after the last acknowledged answer")
            #expect(try resumed.finish() == 0)
        }
        let repository = try SQLiteRepository(path: db)
        let id = try #require(ParticipantID("repl:crash6"))
        let answers = try await repository.read { try $0.answers(id) }
        #expect(Set(answers.map(\.slot)).isSuperset(of: Set(Self.intake.prefix(6).map(\.slot))))
        #expect(answers.first { $0.slot == "profile.name" }?.value.contains("Anna de Vries") == true)
    }

    @Test("a finished intake is saved as a profile, and end of input exits with status 0")
    func fullIntake() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("full.sqlite")
        let input = Self.intake.map { $0.answer + "\n" }.joined()
        let output = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "anna"], input: Data(input.utf8))
        #expect(output.status == 0)
        let last = try #require(JSONSerialization.jsonObject(with: Data((output.lines.last ?? "").utf8)) as? [String: Any])
        #expect(last.promptSlot == "menu.action")
        let repository = try SQLiteRepository(path: db)
        let id = try #require(ParticipantID("repl:anna"))
        let profile = try #require(try await repository.read { try $0.profile(id) })
        #expect(profile.name == "Anna de Vries")
        #expect(profile.side == .teacher)
        #expect(profile.subjectPreference == .different)
        #expect(profile.openMatchingConsent != nil)
        let decisions = try await repository.read { try $0.consentDecisions(of: id) }
        #expect(decisions.map(\.purpose) == [.processing])
        #expect(decisions.first?.given == true)
        #expect(decisions.first?.textVersion.hasPrefix("processing-") == true, "the version of the statement shown is recorded")
    }

    @Test("invalid UTF-8, a 100 KB line, control characters and template markers are refused or kept literally, and nothing breaks")
    func badInput() async throws {
        let folder = try TemporaryFolder()
        var input = Data("ja\n".utf8)                                           // consent
        input.append(Data([0x41, 0xFF, 0xFE, 0x42, 0x0A]))                      // invalid UTF-8
        input.append(Data((String(repeating: "x", count: 100_000) + "\n").utf8))  // 100 KB
        input.append(Data("{{profile.side}} \u{07}\u{202E}Anna\n".utf8))          // template, bell, bidi override
        input.append(Data("/foo\n".utf8))                                        // unknown command
        let output = try JobTwinProcess.run(["chat", "--json", "--db", folder.path("bad.sqlite"), "--participant", "eve"], input: input)
        #expect(output.status == 0)
        let replies = try output.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(replies.count == 6)
        #expect(replies[1].promptSlot == "profile.name")
        #expect(replies[2].kinds.contains("error"))
        #expect(replies[2].promptSlot == "profile.name")
        #expect(replies[3].kinds.contains("error"))
        #expect(replies[3].promptSlot == "profile.name")
        #expect(replies[4].promptSlot == "profile.side", "the cleaned name was accepted")
        #expect(replies[5].kinds.contains("error"))
        #expect(replies[5].promptSlot == "profile.side")
        let repository = try SQLiteRepository(path: folder.path("bad.sqlite"))
        let id = try #require(ParticipantID("repl:eve"))
        let answers = try await repository.read { try $0.answers(id) }
        let name = try #require(answers.first { $0.slot == "profile.name" })
        #expect(name.value.contains("{{profile.side}} Anna"), "kept verbatim, control characters removed")
    }

    @Test("human mode numbers the options and `stop` ends the session, which resumes later")
    func humanMode() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("human.sqlite")
        let first = try JobTwinProcess.run(["chat", "--db", db, "--participant", "bob", "--lang", "en"],
                                           input: Data("yes\nBob Jansen\nstop\nnever read\n".utf8))
        #expect(first.status == 0)
        #expect(first.stdout.contains("1. Teacher"))
        #expect(first.stdout.contains("Paused"))
        #expect(!first.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let second = try JobTwinProcess.run(["chat", "--db", db, "--participant", "bob"], input: Data())
        #expect(second.stdout.contains("Welcome back"))
        #expect(second.stdout.contains("1. Teacher"), "the language stayed English and the pending question is asked again")
    }

    @Test("JOBTWIN_DB chooses the database when --db is not given")
    func environmentDatabase() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("env.sqlite")
        let output = try JobTwinProcess.run(["chat", "--json", "--participant", "x"], input: Data("Xena\n".utf8),
                                            environment: ["JOBTWIN_DB": db], directory: folder.url)
        #expect(output.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: folder.path("jobtwin.sqlite")))
    }
}

