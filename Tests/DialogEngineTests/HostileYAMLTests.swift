@testable import DialogEngine
import Testing

/// Input meant to make the loader work unreasonably hard — alias bombs, deep nesting, huge files,
/// huge scalars. Each is refused with a clear error (or loaded, when it is merely large) and none
/// may hang or crash the suite.
@Suite("Hostile YAML")
struct HostileYAMLTests {
    /// A valid dialog to which hostile content is appended or into which it is inserted.
    private static let header = "dialog: main\ntitle: {nl: Hoofd, en: Main}\n"

    // MARK: - Aliases

    @Test("a billion-laughs alias bomb is refused at its first alias")
    func billionLaughs() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
            a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
            a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
            a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
            a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
            a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
            a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
            a7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
            a8: &a8 [*a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7]
            steps: *a8
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:10", "anchors and aliases")
        #expect(result.program == nil)
    }

    @Test("an alias bomb used as a mapping key (which YAML hashes in full) is refused")
    func aliasBombAsKey() {
        // Building the mapping hashes each key; a key that expands to 10^9 nodes would never
        // finish if the parser ever saw it.
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
            a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
            a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
            a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
            a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
            a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
            a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
            a7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
            a8: &a8 [*a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7]
            bomb: {? *a8 : boom}
            steps:
              - end: true
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:10", "anchors and aliases")
        #expect(result.program == nil)
    }

    @Test("even a single harmless alias is refused: dialog files do not use them")
    func singleAlias() {
        let result = lintSource("""
            dialog: main
            title: &title {nl: Hoofd, en: Main}
            steps:
              - say: *title
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:10", "anchors and aliases (`&name`, `*name`)")

        // An alias that ends the file is found too.
        let atEnd = lintSource("dialog: main\ntitle: &title {nl: Hoofd, en: Main}\nsteps: *title")
        expectLintDiagnostic(atEnd, at: "main.yaml:3:8", "anchors and aliases (`&name`, `*name`)")
    }

    @Test("& and * in texts and expressions are not mistaken for anchors and aliases")
    func ampersandsAndAsterisksInTexts() {
        let result = lintSource("""
            dialog: main
            title: {nl: Vraag & antwoord, en: Q&A}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: "Hoeveel weken? *verplicht* &nbsp;", en: "How many weeks? *required*"}
              - set: plan.hours
                value: "plan.weeks * 2 + plan.weeks *3"
              - say: {nl: "Tom & Jerry *2", en: "&weeks *weeks"}
            """)
        expectLintClean(result)
    }

    // MARK: - Nesting

    @Test("10,000 nested flow brackets are refused at the first one too deep", arguments: ["[", "{"])
    func deepFlowNesting(bracket: String) {
        let result = lintSource(Self.header + "steps: " + String(repeating: bracket, count: 10_000))
        // `steps: ` takes 7 columns; bracket number 65 is at column 7 + 65.
        expectLintDiagnostic(result, at: "main.yaml:3:72", "collections are nested more than \(YAMLGuard.maxDepth) levels deep")
    }

    @Test("the nesting guard counts columns in characters, like the YAML parser")
    func nestingColumnsCountCharacters() {
        let result = lintSource("dialog: main\ntitle: {nl: Coördinator, en: " + String(repeating: "[", count: 100))
        // The `{` is level 1; the 64th `[` after `en: ` (column 30) is level 65. In bytes it would
        // be one column further, because `ö` takes two.
        expectLintDiagnostic(result, at: "main.yaml:2:93", "collections are nested more than \(YAMLGuard.maxDepth) levels deep")
    }

    @Test("10,000 nested block sequences on one line are refused")
    func deepBlockSequences() {
        let result = lintSource(String(repeating: "- ", count: 10_000) + "x\n")
        // Dash number 65 is at column 2 × 64 + 1.
        expectLintDiagnostic(result, at: "main.yaml:1:129", "the text is nested more than \(YAMLGuard.maxDepth) levels deep")
    }

    @Test("10,000 nested explicit keys are refused by the YAML parser's own limit")
    func deepExplicitKeys() {
        let result = lintSource(String(repeating: "? ", count: 10_000) + "x\n")
        let error = result.lintErrors.first { $0.message.contains("YAML syntax") }
        #expect(error?.location.line == 1, "\(result.lintListing)")
        #expect(error?.message.contains("nesting") == true, "\(result.lintListing)")
    }

    @Test("deeply indented block mappings are refused at the first line indented too far")
    func deepIndentation() {
        var yaml = ""
        for level in 0..<200 { yaml += String(repeating: " ", count: 2 * level) + "a:\n" }
        let result = lintSource(yaml)
        // Line 130 is indented 258 spaces; the 257th is the first past 64 levels × 4 columns.
        expectLintDiagnostic(result, at: "main.yaml:130:257", "the text is nested more than \(YAMLGuard.maxDepth) levels deep")
    }

    @Test("10,000 levels of indentation do not fit in a dialog file at all")
    func tenThousandIndentationLevels() {
        var yaml = ""
        for level in 0..<10_000 { yaml += String(repeating: " ", count: level) + "a:\n" }
        let result = lintSource(yaml)
        expectLintDiagnostic(result, at: "main.yaml:1:1", "dialog files may be at most \(YAMLGuard.maxBytes / 1024) KiB")
    }

    // MARK: - Size

    @Test("a 5 MB file is refused before it is parsed")
    func fiveMegabytes() {
        let text = String(repeating: "x", count: 5 * 1024 * 1024)
        let result = lintSource(Self.header + "steps:\n  - say: {nl: \(text), en: B}\n")
        expectLintDiagnostic(result, at: "main.yaml:1:1", "the file is 5120 KiB; dialog files may be at most 512 KiB — split it into several dialogs")
        #expect(result.program == nil)
    }

    @Test("a file of exactly the size limit loads; one byte more is refused")
    func sizeLimitBoundary() {
        let dialog = Self.header + "steps:\n  - end: true\n"
        let padding = String(repeating: "x", count: YAMLGuard.maxBytes - dialog.utf8.count - 2)
        let atLimit = "#" + padding + "\n" + dialog
        #expect(atLimit.utf8.count == YAMLGuard.maxBytes)
        expectLintClean(lintSource(atLimit))

        let overLimit = "#x" + padding + "\n" + dialog
        expectLintDiagnostic(lintSource(overLimit), at: "main.yaml:1:1", "dialog files may be at most 512 KiB")
    }

    @Test("a 200,000-line file under the size limit with more than the allowed elements is refused")
    func twoHundredThousandElements() {
        let yaml = String(repeating: "-\n", count: 200_000)
        #expect(yaml.utf8.count < YAMLGuard.maxBytes)
        let result = lintSource(yaml)
        expectLintDiagnostic(result, at: "main.yaml:1:1", "more than \(YAMLGuard.maxNodes) elements")
    }

    @Test("a 200,000-line file under the size limit that is a dialog loads, with exact line numbers")
    func twoHundredThousandLines() {
        let comments = String(repeating: "#\n", count: 200_000)
        let yaml = comments + Self.header + "steps:\n  - goto: nergens\n"
        #expect(yaml.utf8.count < YAMLGuard.maxBytes)
        let result = lintSource(yaml)
        expectLintDiagnostic(result, at: "main.yaml:200004:5", "there is no step `nergens` in `main`")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    // MARK: - Huge scalars

    /// 400 KB of `content` in the Dutch text of a say step.
    private static func sayWithText(_ content: String) -> String {
        Self.header + "steps:\n  - say:\n      nl: \"" + content + "\"\n      en: Hello\n"
    }

    @Test("a 400 KB text loads")
    func hugeText() throws {
        let result = lintSource(Self.sayWithText(String(repeating: "Hallo! ", count: 400_000 / 7)))
        expectLintClean(result)
        let program = try #require(result.program)
        #expect(program.dialog("main")?.steps.count == 1)
    }

    @Test("a 400 KB text full of unclosed placeholders gives one warning per text, not one per placeholder")
    func hugeTextOfUnclosedPlaceholders() {
        // `]]` keeps the brackets balanced for the nesting guard; no `}}` ever closes a `{{`.
        let result = lintSource(Self.sayWithText(String(repeating: "{{x]]", count: 80_000)))
        expectLintDiagnostic(result, .warning, at: "main.yaml:5:7", "`{{` in the nl text is not a slot placeholder")
        expectLintDiagnostic(result, .warning, at: "main.yaml:5:7", "and 79999 more")
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.count) diagnostics")
        #expect(!result.hasErrors)
    }

    @Test("a 400 KB expression is refused at the length limit")
    func hugeExpression() {
        let expression = String(repeating: "1 + ", count: 100_000) + "1"
        let result = lintSource(Self.header + "steps:\n  - set: plan.total\n    value: \"" + expression + "\"\n")
        // The expression starts at column 13; the limit is reported 2000 characters in.
        expectLintDiagnostic(result, at: "main.yaml:5:\(13 + Expression.maximumLength)",
                             "the expression is \(expression.count) characters long; the limit is \(Expression.maximumLength)")
    }

    @Test("a 400 KB mapping key is a YAML syntax error")
    func hugeKey() {
        let key = String(repeating: "k", count: 400_000)
        let result = lintSource(Self.header + key + ": value\nsteps:\n  - end: true\n")
        #expect(result.lintErrors.contains { $0.message.hasPrefix("YAML syntax") && $0.location.line == 3 }, "\(result.lintListing.prefix(2_000))")
    }

    @Test("a 400 KB step id is reported like any other unknown target")
    func hugeStepId() {
        let id = String(repeating: "x", count: 400_000)
        let result = lintSource(Self.header + "steps:\n  - goto: " + id + "\n")
        expectLintDiagnostic(result, at: "main.yaml:4:5", "there is no step `xxxx")
        #expect(result.lintErrors.count == 1)
    }
}
