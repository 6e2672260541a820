import ArgumentParser
import DialogEngine
import Foundation
import LineEditor
import Logging
import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage

/// `jobtwin chat`: the conversation in the terminal.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk with JobTwin in the terminal.",
        discussion: """
        Every answer is saved before the next question is shown; stop at any moment (Ctrl-D, \
        Ctrl-C or `stop`) and `jobtwin chat` continues where you were. Type `help` (or `hulp`) \
        at any question for the commands: back, skip, status, restart, language, stop.

        With --json, one reply object per line is printed (the reply contract): first the opening turn, \
        then exactly one per input line — for scripts and integrations.

        A coordinator (listed under `coordinators:` in the configuration, or for one session \
        with --coordinator) gets the coordinator's commands instead of the intake: the overview \
        of all pairs, the open bottlenecks, match proposals and their confirmation, why-not, \
        keeping two participants apart, a nudge to a pair, and settling a pair whose partner \
        left (match again or close alone).
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Who is talking (a repl: id; default: your user name).", valueName: "id"))
    var participant: String?

    @Option(name: .long, help: ArgumentHelp("The language: nl (Dutch, the default) or en (English).", valueName: "nl|en"))
    var lang: String?

    @Flag(name: .long, help: "Print each reply as one JSON object per line.")
    var json = false

    @Flag(name: .long, help: "Be a coordinator for this session (the configuration's `coordinators:` list is the lasting way).")
    var coordinator = false

    func run() async throws {
        try await runReportingErrors {
            var language: Language?
            if let lang {
                guard let parsed = Language(spelling: lang) else { throw ValidationError("--lang is nl or en") }
                language = parsed
            }
            let name = participant ?? Self.userName()
            guard let id = ParticipantID(name.contains(":") ? name : "repl:\(name)") else {
                throw CLIError(message: "`\(name)` cannot be used as a participant id: use letters and digits, no spaces.")
            }
            guard !id.isErasedStandIn else {
                throw CLIError(message: "`\(name)` is an anonymous stand-in of an erased person, not someone who can chat; choose another id.")
            }
            let configuration = try common.configuration()
            let program = try common.program(configuration)
            let repository = try await common.repository(configuration)
            var logger = Logger(label: "jobtwin.chat")
            logger.logLevel = .critical
            var options = Failpoint.arm(configuration.assistantOptions(language: language))
            options.relatedTerms = try common.terms(configuration)
            if coordinator {
                options.coordinators.insert(id)
                // On standard error, so that --json keeps one reply object per line.
                let note = "jobtwin chat: \(id) is a coordinator for this session (--coordinator); "
                    + "list it under `coordinators:` in the configuration to make it lasting.\n"
                FileHandle.standardError.write(Data(note.utf8))
            }
            let assistant = Assistant(program: program, repository: repository, options: options, logger: logger)
            // Erasures confirmed earlier whose process ended before carrying them out.
            if try await PendingErasures.complete(repository: repository, now: Date()).contains(id), !json {
                print(PendingErasures.confirmation(in: language ?? .default) + "\n")
            }
            try await converse(with: assistant, as: id, language: language)
        }
    }

    private func converse(with assistant: Assistant, as id: ParticipantID, language: Language?) async throws {
        let interactive = !json && isatty(STDIN_FILENO) == 1
        let lines = StandardInput.lineSource(editing: interactive, terminalType: ProcessInfo.processInfo.environment["TERM"])
        let style = json ? TerminalStyle(enabled: false) : TerminalStyle.forStandardOutput()
        let renderer = ReplRenderer(style: style, width: json ? nil : TextWrapper.standardOutputColumns())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var spoken = language ?? .nl

        func show(_ reply: Reply) throws {
            spoken = reply.language
            if json {
                print(String(decoding: try encoder.encode(reply), as: UTF8.self))
            } else {
                print(renderer.render(reply))
                print()
            }
            fflush(nil)
        }

        do {
            try show(try await assistant.open(participant: id, lang: language))
            // Ctrl-C abandons the line; a second one in a row ends the chat, as in a shell.
            var interruptedJustBefore = false
            while true {
                switch await Self.read(lines, prompt: interactive ? style.cyan("› ") : "") {
                case .line(let bytes):
                    interruptedJustBefore = false
                    // Invalid UTF-8 becomes U+FFFD here; the engine refuses such input with a message.
                    let text = String(decoding: bytes, as: UTF8.self)
                    let reply = try await assistant.handle(participant: id, text: text)
                    try show(reply)
                    // Nothing asked means the participant paused with `stop`: everything is saved,
                    // so leave the terminal free. Scripts (--json) keep one reply per line instead.
                    if !json, reply.prompt == nil { return }
                case .interrupted:
                    if interruptedJustBefore {
                        print(ChatText.goodbye.text(in: spoken))
                        return
                    }
                    interruptedJustBefore = true
                    print(style.dim(ChatText.interrupted.text(in: spoken)))
                case .endOfInput:
                    if interactive { print(ChatText.goodbye.text(in: spoken)) }
                    return
                }
                fflush(nil)
            }
        } catch let error as AssistantError {
            throw CLIError(message: error.description)
        }
    }

    /// Reads the next line on a thread of its own: the read blocks until the person types,
    /// and must not hold one of Swift's few cooperative threads meanwhile.
    private static func read(_ source: any LineSource, prompt: String) async -> LineEvent {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: source.next(prompt: prompt)) }.start()
        }
    }

    private static func userName() -> String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME", "USERNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return NSUserName().isEmpty ? "participant" : NSUserName()
    }
}
