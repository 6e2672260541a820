import DialogEngine
import Foundation
import Testing
import TwinAssistant
import TwinReply

/// The project's own dialog transcripts (Tests/Transcripts), in both languages, run through a
/// real Assistant on a fresh database each.
@Suite("Dialog transcripts")
struct TranscriptSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Transcripts")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".transcript") }.sorted()
    }

    @Test("every dialog has transcripts in Dutch and in English")
    func bothLanguages() {
        let names = Self.files
        #expect(names.contains("intake.nl.transcript"))
        #expect(names.contains("intake.en.transcript"))
        #expect(names.contains("menu.nl.transcript"))
        #expect(names.contains("menu.en.transcript"))
        #expect(names.contains("consent.nl.transcript"))
        #expect(names.contains("consent.en.transcript"))
        #expect(names.contains("coordinator.nl.transcript"))
        #expect(names.contains("coordinator.en.transcript"))
        for phase in ["kennismaking", "activiteiten", "afronding"] {
            #expect(names.contains("\(phase).nl.transcript"))
            #expect(names.contains("\(phase).en.transcript"))
        }
    }

    @Test("`pair:` starts in a confirmed pair at the menu; the first line answers the menu")
    func pairHeader() async throws {
        let transcript = try Transcript(path: "t", text: """
        lang: en
        pair: activiteiten
        > view the plan
        < Plan (version 1):
        < Confirmed by you: yes; by Bram Bakker: yes
        ? menu.action
        """)
        #expect(transcript.pair == .activiteiten)
        let mismatch = try await TranscriptRunner(program: try DialogLibrary.load(directory: nil)).run(transcript)
        #expect(mismatch == nil, "\(mismatch.map(String.init(describing:)) ?? "")")
        do {
            _ = try Transcript(path: "t", text: "pair: matching\n> hi")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("kennismaking, activiteiten, afronding"))
        }
    }

    @Test("`coordinator: true` makes the participant a coordinator, with two unpaired participants in the programme")
    func coordinatorHeader() async throws {
        let transcript = try Transcript(path: "t", text: """
        lang: en
        coordinator: true
        > hi
        ? coordinator.action
        > overview
        < Carla Jansen (transcript:carla)
        < Daan Visser (transcript:daan)
        """)
        #expect(transcript.isCoordinator)
        let mismatch = try await TranscriptRunner(program: try DialogLibrary.load(directory: nil)).run(transcript)
        #expect(mismatch == nil, "\(mismatch.map(String.init(describing:)) ?? "")")
        #expect(try Transcript(path: "t", text: "> hi").isCoordinator == false)
        do {
            _ = try Transcript(path: "t", text: "coordinator: maybe\n> hi")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("`coordinator:` is true or false"))
        }
    }

    @Test("transcript replays without a mismatch", arguments: files)
    func replay(_ name: String) async throws {
        let path = Self.folder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let transcript = try Transcript(path: name, text: text)
        let runner = TranscriptRunner(program: try DialogLibrary.load(directory: nil))
        let mismatch = try await runner.run(transcript)
        #expect(mismatch == nil, "\(mismatch.map(String.init(describing:)) ?? "")")
    }

    @Test("a transcript that expects something else reports the line of the mismatch")
    func mismatchLine() async throws {
        let transcript = try Transcript(path: "t", text: """
        lang: en
        > hi
        ? consent.processing
        > yes
        ? profile.name
        > Ann
        ? profile.organization
        """)
        let mismatch = try await TranscriptRunner(program: try DialogLibrary.load(directory: nil)).run(transcript)
        #expect(mismatch?.line == 7)
        #expect(mismatch?.message.contains("asks `profile.side`") == true)
    }

    @Test("a malformed transcript is refused with its line")
    func malformed() {
        #expect(throws: TranscriptError.self) { try Transcript(path: "t", text: "lang: xx\n> hi") }
        do {
            _ = try Transcript(path: "t", text: "> hi\nwhat is this")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }
}
