import TwinReply
public import DialogEngine
import Foundation
import Twinning
import TwinStore

/// Replays transcripts through a real `Assistant` on a fresh database in a temporary folder,
/// and reports the first reply that does not match.
public struct TranscriptRunner: Sendable {
    /// The dialogs under test.
    public let program: Program

    /// Creates a runner for `program`.
    public init(program: Program) {
        self.program = program
    }

    /// Runs `transcript`; returns `nil` when every expectation held, else the first mismatch.
    /// `trace`, when given, sees every input with the reply it got, before it is checked.
    public func run(_ transcript: Transcript,
                    trace: (@Sendable (Transcript.Exchange, String) -> Void)? = nil) async throws -> TranscriptError? {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("jobtwin-transcript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try SQLiteRepository(path: folder.appendingPathComponent("transcript.sqlite").path)
        let start = transcript.today.flatMap { day in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .current
            return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
        } ?? Date()
        guard let participant = ParticipantID(transcript.participant) else {
            return TranscriptError(path: transcript.path, line: 1, message: "`\(transcript.participant)` is not a participant id")
        }
        let assistant = Assistant(program: program, repository: repository, clock: ManualClock(start),
                                  options: AssistantOptions(defaultLanguage: transcript.language,
                                                            coordinators: transcript.isCoordinator ? [participant] : []))
        if transcript.isCoordinator {
            // The coordinator starts anew (the first line opens the conversation); the pair, if
            // any, is someone else's.
            try await TranscriptPool.prepare(in: repository, language: transcript.language, now: start)
            if let stage = transcript.pair {
                let setup = TranscriptPair(stage: stage, participant: TranscriptPool.pairTeacherID, language: transcript.language, now: start,
                                           planChanged: transcript.planChanged)
                _ = try await setup.prepare(in: repository, program: program)
            }
        } else if let stage = transcript.pair {
            let setup = TranscriptPair(stage: stage, participant: participant, language: transcript.language, now: start,
                                           planChanged: transcript.planChanged)
            if try await setup.prepare(in: repository, program: program) {
                // The menu does not start with a question: let the engine run it from its start.
                _ = try await assistant.open(participant: participant)
            }
        }
        for exchange in transcript.exchanges {
            let reply = try await assistant.handle(participant: participant, text: exchange.input)
            trace?(exchange, Self.describe(reply))
            for (expectation, line) in exchange.expectations {
                if let problem = Self.check(expectation, reply) {
                    return TranscriptError(path: transcript.path, line: line, message: problem + "\n" + Self.describe(reply))
                }
            }
        }
        return nil
    }

    private static func check(_ expectation: Transcript.Expectation, _ reply: Reply) -> String? {
        switch expectation {
        case .fragment(let fragment):
            if reply.messages.contains(where: { $0.text.contains(fragment) }) { return nil }
            return "expected the reply to contain \"\(fragment)\""
        case .promptSlot(let slot):
            if reply.prompt?.slot == slot { return nil }
            return "expected the reply to ask \(slot.map { "`\($0)`" } ?? "nothing"), but it asks \(reply.prompt.map { "`\($0.slot)`" } ?? "nothing")"
        case .messageKind(let kind):
            if reply.messages.contains(where: { $0.kind == kind }) { return nil }
            return "expected a message of kind \(kind.rawValue)"
        }
    }

    /// The reply as the author needs to see it next to a mismatch.
    static func describe(_ reply: Reply) -> String {
        var lines = ["  the reply was:"]
        for message in reply.messages {
            let text = message.text.split(separator: "\n").joined(separator: "\n      ")
            lines.append("    [\(message.kind.rawValue)] \(text)")
        }
        lines.append("    prompt: \(reply.prompt.map { "\($0.slot) (\($0.type.rawValue))" } ?? "none")")
        return lines.joined(separator: "\n")
    }
}
