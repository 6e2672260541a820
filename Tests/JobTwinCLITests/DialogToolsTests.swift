import Foundation
import Testing
import JobTwinTestSupport

/// `jobtwin dialogs lint|graph|test|actions` as a dialog author runs them.
@Suite("jobtwin dialogs (process)")
struct DialogToolsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("lint passes on the built-in dialogs and on Dialogs/")
    func lintBuiltIn() throws {
        let builtIn = try JobTwinProcess.run(["dialogs", "lint"], directory: FileManager.default.temporaryDirectory)
        #expect(builtIn.status == 0, "\(builtIn.stdout)")
        let folder = try JobTwinProcess.run(["dialogs", "lint", Self.packageRoot.appendingPathComponent("Dialogs").path])
        #expect(folder.status == 0, "\(folder.stdout)")
        #expect(folder.stderr.contains("0 errors"))
    }

    @Test("lint checks the folder's table of related terms too, as path:line:column; match refuses a broken table")
    func lintTermsTable() throws {
        let folder = try TemporaryFolder()
        let dialogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dialogs")
        for name in try FileManager.default.contentsOfDirectory(atPath: dialogs.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: dialogs.appendingPathComponent(name).path, toPath: folder.path(name))
        }
        try FileManager.default.createDirectory(atPath: folder.path("matching"), withIntermediateDirectories: true)
        let table = folder.path("matching/terms.yaml")
        try """
        studies:
          - family: Natuurkunde
            label: {nl: natuurkunde}
            terms: [natuurkunde, "--", x]
        target_groups:
          - family: vmbo_mbo
            label: {nl: vmbo, en: vmbo}
            terms: [vmbo, VMBO]
            colour: blue
        """.write(toFile: table, atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["dialogs", "lint", folder.url.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("\(table):2:13: error: a family's id is lower-case letters"))
        #expect(output.stdout.contains("\(table):3:12: error: the label has no English text"))
        #expect(output.stdout.contains("\(table):4:26: error: the term `--` has no letters or digits"))
        #expect(output.stdout.contains("\(table):4:32: error: the term `x` is a single letter"))
        #expect(output.stdout.contains("\(table):8:19: warning: the term `VMBO` appears twice in this family"))
        #expect(output.stdout.contains("\(table):9:5: error: unknown key `colour` in a family"))
        #expect(!output.stdout.contains("needs `family:`"), "an id that is there but wrong is reported once")

        let db = folder.path("jobtwin.sqlite")
        let match = try JobTwinProcess.run(["match", "--dialogs", folder.url.path, "--db", db])
        #expect(match.status != 0)
        #expect(match.stderr.contains("The table of related terms has errors"))
        #expect(match.stderr.contains("\(table):9:5: error: unknown key `colour`"))

        try """
        studies:
          - family: natuurkunde_techniek
            label: {nl: natuurkunde en techniek, en: physics and engineering}
            terms: [scheepsbouwkunde]
        """.write(toFile: table, atomically: true, encoding: .utf8)
        let fixed = try JobTwinProcess.run(["dialogs", "lint", folder.url.path])
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(fixed.stderr.contains("0 errors, 0 warnings in 18 files"))
    }

    @Test("lint reports errors as path:line:column and exits with 1")
    func lintErrors() throws {
        let folder = try TemporaryFolder()
        try """
        dialog: intake
        title: {nl: Intake, en: Intake}
        steps:
          - ask: profile.name
            type: text
            prompt: {nl: Naam?}
          - goto: nowhere
        """.write(toFile: folder.path("intake.yaml"), atomically: true, encoding: .utf8)
        try """
        dialog: menu
        title: {nl: Menu, en: Menu}
        steps:
          - action: no_such_action
          - ask: menu.action
            type: choice
            prompt: {nl: Wat?, en: What?}
            options:
              - {value: a, label: {nl: A, en: A}}
              - {value: a, label: {nl: B, en: B}}
        """.write(toFile: folder.path("menu.yaml"), atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["dialogs", "lint", folder.url.path])
        #expect(output.status == 1)
        let intake = folder.path("intake.yaml")
        let menu = folder.path("menu.yaml")
        #expect(output.stdout.contains("\(intake):6:13: error: missing English translation"))
        #expect(output.stdout.contains("\(intake):7:5: error: there is no step `nowhere`"))
        #expect(output.stdout.contains("\(menu):4:5: error: unknown action `no_such_action`"))
        #expect(output.stdout.contains("\(menu):10:9: error: the option value `a` is used twice"))
    }

    @Test("graph prints DOT of a dialog; an unknown dialog is a clear error")
    func graph() throws {
        let output = try JobTwinProcess.run(["dialogs", "graph", "intake"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("digraph \"intake\" {"))
        #expect(output.stdout.contains("call profile_questions"))
        let unknown = try JobTwinProcess.run(["dialogs", "graph", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no dialog `nope`"))
    }

    @Test("test replays the project's transcripts, and reports the first mismatch with its line")
    func transcripts() throws {
        let transcripts = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("Tests/Transcripts").path)
            .filter { $0.hasSuffix(".transcript") }.map { Self.packageRoot.appendingPathComponent("Tests/Transcripts/\($0)").path }
        #expect(transcripts.count >= 4)
        let ok = try JobTwinProcess.run(["dialogs", "test"] + transcripts)
        #expect(ok.status == 0, "\(ok.stdout)")

        let folder = try TemporaryFolder()
        try """
        # deliberately wrong on line 5
        lang: nl
        > hallo
        ? consent.processing
        < Dit staat er niet
        """.write(toFile: folder.path("bad.transcript"), atomically: true, encoding: .utf8)
        let bad = try JobTwinProcess.run(["dialogs", "test", folder.path("bad.transcript")])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("bad.transcript:5: error: expected the reply to contain \"Dit staat er niet\""))
    }

    @Test("actions lists what dialogs can use")
    func actions() throws {
        let output = try JobTwinProcess.run(["dialogs", "actions"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("save_profile("))
        #expect(output.stdout.contains("participant.phase: text"))
    }

    @Test("lint --db warns about stored conversations at steps the dialogs dropped")
    func lintStoredSessions() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("s.sqlite")
        let intake = ChatProcessTests.intake.map { $0.answer + "\n" }.joined()
        _ = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "p"], input: Data(intake.utf8))
        // The conversation now waits at the menu's question `menu`. Lint a copy of the dialogs
        // in which that step was renamed.
        let dialogs = folder.url.appendingPathComponent("dialogs")
        try FileManager.default.createDirectory(at: dialogs, withIntermediateDirectories: true)
        let source = Self.packageRoot.appendingPathComponent("Dialogs")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dialogs.appendingPathComponent(name))
        }
        let clean = try JobTwinProcess.run(["dialogs", "lint", dialogs.path, "--db", db])
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains("stored conversation"))
        let path = dialogs.appendingPathComponent("menu.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "id: menu\n", with: "id: home\n")
            .replacingOccurrences(of: "goto: menu\n", with: "goto: home\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try JobTwinProcess.run(["dialogs", "lint", dialogs.path, "--db", db])
        #expect(changed.status == 0, "a warning, not an error: \(changed.stdout)")
        #expect(changed.stdout.contains("1 stored conversation still uses `menu`/`menu`"), "\(changed.stdout)")
    }
}
