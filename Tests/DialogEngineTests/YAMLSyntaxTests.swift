import DialogEngine
import Testing

/// What the loader reports for files that are not valid YAML, or not a dialog at all: every
/// problem with the line and column where it is, under the path the file was given.
@Suite("YAML syntax")
struct YAMLSyntaxTests {
    @Test("an unclosed flow mapping is reported where the parser notices, naming where it opened")
    func unclosedFlowMapping() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main
            steps:
              - end: true
            """)
        expectLintDiagnostic(result, at: "main.yaml:3:6", "YAML syntax: did not find expected ',' or '}'")
        expectLintDiagnostic(result, at: "main.yaml:3:6", "while parsing a flow mapping at line 2, column 8")
        #expect(result.program == nil)
    }

    @Test("a step indented one space too far is reported on its line")
    func badIndentation() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hoi, en: Hi}
               - end: true
            """)
        expectLintDiagnostic(result, at: "main.yaml:5:4", "YAML syntax: did not find expected '-' indicator")
    }

    @Test("a tab used for indentation is reported at the tab")
    func tabIndentation() {
        let result = lintSource("dialog: main\n\ttitle: {nl: Hoofd, en: Main}\nsteps:\n  - end: true\n")
        expectLintDiagnostic(result, at: "main.yaml:2:1", "YAML syntax: found a tab character that violates indentation")
    }

    @Test("an unterminated quoted text is reported at the end, naming where the quote opened")
    func unterminatedQuote() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: "Hoi, en: Hi}
              - end: true

            """)
        expectLintDiagnostic(result, at: "main.yaml:6:1", "YAML syntax: found unexpected end of stream")
        expectLintDiagnostic(result, at: "main.yaml:6:1", "while scanning a quoted scalar at line 4, column 15")
    }

    @Test("a key written twice in one mapping is reported at the key, not at the top of the file")
    func duplicateKey() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say:
                  nl: Hallo
                  nl: Hoi
                  en: Hi
            """)
        expectLintDiagnostic(result, at: "main.yaml:5:7", "a key appears twice in one mapping: nl")
        #expect(result.lintDiagnostics(at: "main.yaml:1:1").allSatisfy { !$0.message.contains("appears twice") }, "\(result.lintListing)")
    }

    @Test("a second document in one file is reported where it starts")
    func twoDocuments() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - end: true
            ---
            dialog: other
            """)
        expectLintDiagnostic(result, at: "main.yaml:5:1", "YAML syntax: but found another document")
    }

    @Test("an alias without an anchor is reported at the alias")
    func undefinedAlias() {
        let result = lintSource("""
            dialog: main
            title: *title
            steps:
              - end: true
            """)
        expectLintDiagnostic(result, at: "main.yaml:2:8", "YAML syntax: found undefined alias")
    }

    @Test("a closing bracket too many is reported at it")
    func strayClosingBracket() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}}
            steps:
              - end: true
            """)
        expectLintDiagnostic(result, at: "main.yaml:2:29", "YAML syntax:")
    }

    @Test("a root that is a list or a single value is not a dialog", arguments: [
        ("- say: {nl: Hoi, en: Hi}\n- end: true\n", "not a list"),
        ("Hallo\n", "not a single value"),
        ("\"dialog: main\"\n", "not a single value"),
    ])
    func nonMappingRoot(yaml: String, kind: String) {
        let result = lintSource(yaml)
        expectLintDiagnostic(result, at: "main.yaml:1:1", "a dialog file is a mapping with `dialog:`, `title:` and `steps:`, \(kind)")
        #expect(result.program == nil)
    }

    @Test("an empty file, or one with only blank lines and comments, is reported as empty", arguments: [
        "", "\n\n   \n", "# a dialog will come here\n\n# later\n",
    ])
    func emptyFile(yaml: String) {
        let result = lintSource(yaml)
        expectLintDiagnostic(result, at: "main.yaml:1:1", "the file is empty; a dialog needs `dialog:`, `title:` and `steps:`")
    }

    @Test("missing top-level keys are reported at the top of the file")
    func missingTopLevelKeys() {
        let result = lintSource("dialog: main\n")
        expectLintDiagnostic(result, at: "main.yaml:1:1", "missing `title:` (with nl and en)")
        expectLintDiagnostic(result, at: "main.yaml:1:1", "missing `steps:`")

        let noName = lintSource("title: {nl: Hoofd, en: Main}\nsteps:\n  - end: true\n")
        expectLintDiagnostic(noName, at: "main.yaml:1:1", "missing `dialog:` (the dialog's name)")
    }

    @Test("steps that are not a list, or an empty list, are reported at the value")
    func stepsShape() {
        let mapping = lintSource("dialog: main\ntitle: {nl: Hoofd, en: Main}\nsteps: {say: hoi}\n")
        expectLintDiagnostic(mapping, at: "main.yaml:3:8", "`steps:` must be a list (each step starts with `- `)")

        let empty = lintSource("dialog: main\ntitle: {nl: Hoofd, en: Main}\nsteps: []\n")
        expectLintDiagnostic(empty, at: "main.yaml:3:8", "`steps:` is empty; a dialog needs at least one step")

        let scalarStep = lintSource("dialog: main\ntitle: {nl: Hoofd, en: Main}\nsteps:\n  - end: true\n  - hallo\n")
        expectLintDiagnostic(scalarStep, at: "main.yaml:5:5", "a step is a mapping such as `- say: …` or `- ask: slot.name`, not a single value")
    }

    @Test("a dialog name with spaces or other characters is reported at the name")
    func invalidDialogName() {
        let result = lintSource("dialog: \"main menu\"\ntitle: {nl: Hoofd, en: Main}\nsteps:\n  - end: true\n")
        expectLintDiagnostic(result, at: "main.yaml:1:9", "`dialog:` must be a name of letters, digits, `_` and `-`")
    }

    @Test("a broken file does not hide the problems of the others; each is reported under its own path")
    func problemsInSeveralFiles() {
        let result = lintSources([
            ("Dialogs/main.yaml", """
                dialog: main
                title: {nl: Hoofd, en: Main}
                steps:
                  - call: intake
                  - goto: nergens
                """),
            ("Dialogs/intake.yaml", """
                dialog: intake
                title: {nl: Intake, en: Intake
                steps: []
                """),
        ])
        expectLintDiagnostic(result, at: "Dialogs/intake.yaml:3:6", "YAML syntax:")
        expectLintDiagnostic(result, at: "Dialogs/main.yaml:4:5", "there is no dialog `intake`")
        expectLintDiagnostic(result, at: "Dialogs/main.yaml:5:5", "there is no step `nergens` in `main`")
        // Sorted by path, then by position.
        let files = result.diagnostics.map(\.location.file)
        #expect(files == files.sorted())
    }
}
