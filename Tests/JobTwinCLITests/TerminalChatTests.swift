import Foundation
import Testing
import TwinStore
import Twinning
import JobTwinTestSupport

/// `jobtwin chat` on a pseudo-terminal, typed into as a person types: the line editor, Ctrl-C,
/// Ctrl-D, colours, resizing, and resuming at the pending question.
@Suite("jobtwin chat on a terminal", .serialized)
struct TerminalChatTests {
    static let esc = "\u{1B}"
    static let up = "\u{1B}[A", ctrlA = "\u{01}", ctrlC = "\u{03}", ctrlD = "\u{04}", ctrlE = "\u{05}", ctrlU = "\u{15}"
    static let name = "Zoë Ağaoğlu-Émile"

    @Test("editing, history, UTF-8, a long answer through a resize, Ctrl-C, Ctrl-D, and the next start resumes")
    func personAtTerminal() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("chat.sqlite")
        let arguments = ["chat", "--db", db, "--participant", "zoe"]
        let terminal = try PseudoTerminal(arguments, environment: ["TERM": "xterm-256color"], columns: 80)

        try terminal.waitFor("(ja / nee)")
        #expect(terminal.raw.contains("\(Self.esc)[1m"), "the question is bold on a terminal")
        var mark = terminal.mark
        terminal.type("ja\r")
        try terminal.waitFor("Hoe heet je?", after: mark)

        // ↑ brings back the answer given before; Ctrl-U clears it again.
        mark = terminal.mark
        terminal.type(Self.up)
        try terminal.waitFor("› ja", after: mark)
        terminal.type(Self.ctrlU)
        // Typed in two parts, the first name put in front with Ctrl-A, then Ctrl-E and Enter.
        mark = terminal.mark
        terminal.type("Ağaoğlu-Émile")
        terminal.type(Self.ctrlA + "Zoë " + Self.ctrlE + "\r")
        try terminal.waitFor("Ben je docent", after: mark)
        mark = terminal.mark
        terminal.type("1\r")
        try terminal.waitFor("Op welke school werk je?", after: mark)

        // A long answer wraps over several rows; the terminal is made narrower halfway.
        let school = "Stedelijk Gymnasium en Technasium Johan de Witt, locatie Laan van Meerdervoort in Den Haag, met de afdeling voor vmbo-t en havo"
        mark = terminal.mark
        terminal.type(String(school.prefix(70)))
        terminal.resize(columns: 40)
        terminal.type(String(school.dropFirst(70)) + "\r")
        try terminal.waitFor("In welke plaats of regio werk je?", after: mark)

        // Ctrl-C abandons a half-typed line and asks again; Ctrl-D then ends the chat.
        mark = terminal.mark
        terminal.type("halverwege")
        terminal.type(Self.ctrlC)
        try terminal.waitFor("halverwege^C", after: mark)
        try terminal.waitFor("Regel gewist", after: mark)
        terminal.type(Self.ctrlD)
        try terminal.waitFor("Tot ziens!", after: mark)
        #expect(try terminal.waitForExit() == 0)

        // The next start shows the pending question; `status` says where the person is.
        let again = try PseudoTerminal(arguments, environment: ["TERM": "xterm-256color"], columns: 80)
        try again.waitFor("In welke plaats of regio werk je?")
        mark = again.mark
        again.type("status\r")
        let status = try again.waitFor("Beantwoord tot nu toe", after: mark)
        #expect(status.contains("Je bent in fase 1 van 4: matching."))
        #expect(status.contains("vraag 4 van 14"))
        mark = again.mark
        again.type(Self.ctrlC)
        try again.waitFor("Regel gewist", after: mark)
        again.type(Self.ctrlC)
        try again.waitFor("Tot ziens!", after: mark)
        #expect(try again.waitForExit() == 0)

        let repository = try SQLiteRepository(path: db)
        let id = try #require(ParticipantID("repl:zoe"))
        let answers = try await repository.read { try $0.answers(id) }
        #expect(answers.first { $0.slot == "profile.name" }?.value.contains(Self.name) == true)
        #expect(answers.first { $0.slot == "profile.organization" }?.value.contains(school) == true, "the whole answer, typed across the resize")
        #expect(!answers.contains { $0.value.contains("halverwege") }, "an abandoned line is no answer")
        #expect(!answers.contains { $0.slot == "profile.region" })
    }

    @Test("TERM=dumb and NO_COLOR: plain reading without colour or cursor codes; Ctrl-C and Ctrl-D still work")
    func dumbTerminal() throws {
        let folder = try TemporaryFolder()
        let terminal = try PseudoTerminal(["chat", "--db", folder.path("dumb.sqlite"), "--participant", "kees", "--lang", "en"],
                                          environment: ["TERM": "dumb", "NO_COLOR": "1"])
        try terminal.waitFor("(yes / no)")
        var mark = terminal.mark
        terminal.type("yes\r")
        try terminal.waitFor("What is your name?", after: mark)
        mark = terminal.mark
        terminal.type("Kees")
        terminal.type(Self.ctrlC)
        try terminal.waitFor("Line cleared", after: mark)
        mark = terminal.mark
        terminal.type("Kees Jansen\r")
        try terminal.waitFor("Are you a teacher", after: mark)
        terminal.type(Self.ctrlD)
        try terminal.waitFor("Goodbye!", after: mark)
        #expect(try terminal.waitForExit() == 0)
        let raw = terminal.raw
        #expect(!raw.contains("\(Self.esc)[1m") && !raw.contains("\(Self.esc)[36m"), "no colour")
        #expect(!raw.contains("\(Self.esc)[?2004h") && !raw.contains("\(Self.esc)[J"), "no line editor on a dumb terminal")
    }

    @Test("colours are off with NO_COLOR, while line editing stays")
    func noColor() throws {
        let folder = try TemporaryFolder()
        let terminal = try PseudoTerminal(["chat", "--db", folder.path("nc.sqlite"), "--participant", "lot"],
                                          environment: ["TERM": "xterm", "NO_COLOR": "1"])
        try terminal.waitFor("(ja / nee)")
        terminal.type(Self.ctrlD)
        try terminal.waitFor("Tot ziens!")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.raw.contains("\(Self.esc)[1m"))
        #expect(terminal.raw.contains("\(Self.esc)[?2004h"), "the editor is on")
    }
}
