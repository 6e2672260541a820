import ArgumentParser
import DialogEngine
import Foundation
import TwinAssistant
import TwinReply

/// `jobtwin dialogs test FILE…`: replays transcripts and reports the first mismatch.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay transcripts against the dialogs and report the first mismatch of each.",
        discussion: """
        A transcript has `>` lines (what the participant types), and under each the checks of \
        its reply: `< fragment`, `? slot` (or `? -` for no question), `! kind`. Headers before \
        the first `>`: `lang: en`, `participant: repl:x`, `today: 2026-12-01`, and `pair: \
        kennismaking|activiteiten|afronding` to start in a confirmed pair at the menu, \
        `coordinator: true` to talk as a coordinator. Each \
        transcript runs on a fresh temporary database. See docs/dialog-language.md.
        """
    )

    @Flag(name: .long, help: "Print every input and the reply it got.")
    var verbose = false

    @Argument(help: "Transcript files.")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("A folder of dialogs (default: $JOBTWIN_DIALOGS, the configuration's `dialogs`, ./Dialogs when it exists, else the built-in dialogs).", valueName: "dir"))
    var dialogs: String?

    func run() async throws {
        try await runReportingErrors {
            let program = try CLIError.wrap { try DialogLibrary.load(directory: try DialogFolder.resolve(dialogs)) }
            let runner = TranscriptRunner(program: program)
            var failures = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    throw CLIError(message: "Cannot read the transcript \(file).")
                }
                do {
                    let transcript = try Transcript(path: file, text: text)
                    if let mismatch = try await runner.run(transcript, trace: verbose ? Self.printer(file) : nil) {
                        failures += 1
                        print("\(mismatch.path):\(mismatch.line): error: \(mismatch.message)")
                    } else {
                        print("\(file): ok (\(transcript.exchanges.count) exchanges)")
                    }
                } catch let error as TranscriptError {
                    failures += 1
                    print("\(error.path):\(error.line): error: \(error.message)")
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }

    /// Prints an input and its reply, for `--verbose`.
    private static func printer(_ file: String) -> @Sendable (Transcript.Exchange, String) -> Void {
        { exchange, reply in print("\(file):\(exchange.line): > \(exchange.input)\n\(reply)") }
    }
}
