import Foundation
import Testing
import DialogEngine
import TwinLanguage

private let subjects = [
    ChoiceOption(value: "wiskunde", label: LocalizedText(nl: "Wiskunde", en: "Mathematics"), aliases: ["wis", "math", "maths"]),
    ChoiceOption(value: "natuurkunde", label: LocalizedText(nl: "Natuurkunde", en: "Physics")),
    ChoiceOption(value: "scheikunde", label: LocalizedText(nl: "Scheikunde", en: "Chemistry")),
    ChoiceOption(value: "nederlands", label: LocalizedText(nl: "Nederlands", en: "Dutch"), aliases: ["ned"]),
    ChoiceOption(value: "lo", label: LocalizedText(nl: "Lichamelijke opvoeding", en: "Physical education"), aliases: ["gym"]),
]

private func answer(_ text: String, _ spec: InputSpec) throws -> Value {
    try AnswerParser.parse(text, as: spec, today: try #require(LocalDate(iso: "2026-03-15"))).get()
}

private func reason(_ text: String, _ spec: InputSpec) throws -> LocalizedText {
    let result = AnswerParser.parse(text, as: spec, today: try #require(LocalDate(iso: "2026-03-15")))
    guard case .failure(let rejection) = result else {
        Issue.record("\"\(text)\" was accepted as \(result), expected a rejection")
        throw CancellationError()
    }
    return rejection.reason
}

@Suite("Choice answers")
struct ChoiceAnswerTests {
    let spec = InputSpec(type: .choice, options: subjects)

    @Test(arguments: [
        ("1", "wiskunde"), ("5", "lo"), ("3.", "scheikunde"),                   // the number shown
        ("wiskunde", "wiskunde"), ("lo", "lo"),                                 // the value
        ("Wiskunde", "wiskunde"), ("WISKUNDE!", "wiskunde"), (" Natuurkunde ", "natuurkunde"),
        ("Natuurkunde", "natuurkunde"), ("natuurkünde", "natuurkunde"),         // accents forgiven
        ("Mathematics", "wiskunde"), ("Physics", "natuurkunde"), ("Dutch", "nederlands"), // the other language
        ("maths", "wiskunde"), ("gym", "lo"), ("Ned", "nederlands"),           // aliases
        ("Lichamelijke opvoeding", "lo"), ("lichamelijke-opvoeding", "lo"),
        ("schei", "scheikunde"), ("opvoeding", "lo"), ("Neder", "nederlands"), // a shortened word
        ("wiskude", "wiskunde"), ("chemsitry", "scheikunde"), ("nederlnds", "nederlands"), // typos
        ("Duch", "nederlands"), ("opvoedng", "lo"), ("Natuurkunde.", "natuurkunde"),
    ])
    func matches(input: String, expected: String) throws {
        #expect(try answer(input, spec) == .text(expected))
    }

    @Test(arguments: ["6", "0", "geschiedenis", "", "wi", "xyz", "gim2"])
    func unknownExplainsHowToChoose(input: String) throws {
        let text = try reason(input, spec)
        #expect(text.nl == "Kies een nummer van 1 tot en met 5 of typ een van de opties.")
        #expect(text.en == "Choose a number from 1 to 5 or type one of the options.")
    }

    @Test func sharedPrefixIsAmbiguous() throws {
        let text = try reason("phys", spec)
        #expect(text.nl.contains("“Natuurkunde” of “Lichamelijke opvoeding”"))
        #expect(text.en.contains("“Physics” or “Physical education”"))
    }

    @Test func equallyCloseTyposAreAmbiguous() throws {
        let spec = InputSpec(type: .choice, options: [
            ChoiceOption(value: "map", label: LocalizedText(nl: "Kaart", en: "Map")),
            ChoiceOption(value: "candle", label: LocalizedText(nl: "Kaars", en: "Candle")),
        ])
        let text = try reason("kaarz", spec)
        #expect(text.nl == "Bedoel je “Kaart” of “Kaars”? Typ het nummer of de volledige naam.")
        #expect(text.en == "Did you mean “Map” or “Candle”? Type the number or the full name.")
        #expect(try answer("kaart", spec) == .text("map"))
        #expect(try answer("Candle", spec) == .text("candle"))
    }

    @Test func anExactLabelWinsOverALongerOne() throws {
        let spec = InputSpec(type: .choice, options: [
            ChoiceOption(value: "both", label: LocalizedText(nl: "Wiskunde en natuurkunde", en: "Maths and physics")),
            ChoiceOption(value: "maths", label: LocalizedText(nl: "Wiskunde", en: "Maths")),
        ])
        #expect(try answer("wiskunde", spec) == .text("maths"))
        #expect(try answer("wiskude", spec) == .text("maths"))
        #expect(try answer("maths and physics", spec) == .text("both"))
        #expect(try reason("wisk", spec).nl.contains("“Wiskunde en natuurkunde” of “Wiskunde”"))
    }

    @Test func aQuestionWithoutOptionsRejectsEverything() throws {
        #expect(try reason("1", InputSpec(type: .choice)).en.contains("no options"))
    }
}

@Suite("Multichoice answers")
struct MultiChoiceAnswerTests {
    let spec = InputSpec(type: .multichoice, options: subjects)

    @Test(arguments: [
        ("1, 3", ["wiskunde", "scheikunde"]), ("1,3", ["wiskunde", "scheikunde"]), ("3, 1", ["wiskunde", "scheikunde"]),
        ("1-3", ["wiskunde", "natuurkunde", "scheikunde"]), ("1 - 3", ["wiskunde", "natuurkunde", "scheikunde"]),
        ("3-1", ["wiskunde", "natuurkunde", "scheikunde"]), ("2 t/m 4", ["natuurkunde", "scheikunde", "nederlands"]),
        ("1 3 5", ["wiskunde", "scheikunde", "lo"]), ("1-2, 5", ["wiskunde", "natuurkunde", "lo"]),
        ("wiskunde en natuurkunde", ["wiskunde", "natuurkunde"]), ("Maths and Physics", ["wiskunde", "natuurkunde"]),
        ("wiskunde & gym", ["wiskunde", "lo"]), ("wiskunde&gym", ["wiskunde", "lo"]),
        ("wiskunde; nederlands", ["wiskunde", "nederlands"]), ("wiskunde\nnederlands", ["wiskunde", "nederlands"]),
        ("1, 1, wiskunde", ["wiskunde"]), ("Lichamelijke opvoeding, wiskude", ["wiskunde", "lo"]),
        ("natuurkünde en Chemistry", ["natuurkunde", "scheikunde"]), ("gym", ["lo"]), ("1, 2,", ["wiskunde", "natuurkunde"]),
        ("schei, 1 en ned", ["wiskunde", "scheikunde", "nederlands"]),
    ])
    func lists(input: String, expected: [String]) throws {
        #expect(try answer(input, spec) == .list(expected))
    }

    @Test func labelsContainingEnAreTakenWhole() throws {
        let spec = InputSpec(type: .multichoice, options: [
            ChoiceOption(value: "rw", label: LocalizedText(nl: "Rekenen en wiskunde", en: "Arithmetic and mathematics")),
            ChoiceOption(value: "taal", label: LocalizedText(nl: "Taal", en: "Language")),
            ChoiceOption(value: "wiskunde", label: LocalizedText(nl: "Wiskunde", en: "Mathematics")),
        ])
        #expect(try answer("Rekenen en wiskunde", spec) == .list(["rw"]))
        #expect(try answer("rekenen en wiskunde, taal", spec) == .list(["rw", "taal"]))
        #expect(try answer("taal en wiskunde", spec) == .list(["taal", "wiskunde"]))
    }

    @Test func unknownPartIsNamed() throws {
        let text = try reason("1, geschiedenis", spec)
        #expect(text.nl.contains("“geschiedenis” staat niet tussen de opties"))
        #expect(text.en.contains("“geschiedenis” is not one of the options"))
        #expect(try reason("wiskunde en tekenen", spec).nl.contains("“tekenen”"))
    }

    @Test func rangeBeyondTheOptions() throws {
        let text = try reason("1-9", spec)
        #expect(text.nl.contains("er zijn maar 5 opties"))
        #expect(text.en.contains("there are only 5 options"))
        #expect(try reason("1-999999", spec).en.contains("only 5 options"))
    }

    @Test func ambiguousPart() throws {
        #expect(try reason("1, phys", spec).en.contains("“Physics” or “Physical education”"))
    }

    @Test func nothingChosen() throws {
        let text = try reason("", spec)
        #expect(text.nl.contains("Kies minstens 1 optie"))
        #expect(text.en.contains("Choose at least 1 option"))
        #expect(try answer("", InputSpec(type: .multichoice, options: subjects, minChoices: 0)) == .list([]))
    }

    @Test func minimumAndMaximum() throws {
        let atLeastTwo = InputSpec(type: .multichoice, options: subjects, minChoices: 2)
        #expect(try reason("1", atLeastTwo).nl == "Kies minstens 2 opties (je koos er 1).")
        #expect(try reason("1", atLeastTwo).en == "Choose at least 2 options (you chose 1).")
        #expect(try answer("1, 1, 2", atLeastTwo) == .list(["wiskunde", "natuurkunde"]))

        let atMostTwo = InputSpec(type: .multichoice, options: subjects, maxChoices: 2)
        #expect(try reason("1-3", atMostTwo).nl == "Kies hoogstens 2 opties (je koos er 3).")
        #expect(try reason("1-3", atMostTwo).en == "Choose at most 2 options (you chose 3).")

        let exactlyTwo = InputSpec(type: .multichoice, options: subjects, minChoices: 2, maxChoices: 2)
        #expect(try reason("1", exactlyTwo).nl == "Kies precies 2 opties (je koos er 1).")
        #expect(try answer("2 en 1", exactlyTwo) == .list(["wiskunde", "natuurkunde"]))
    }
}

@Suite("Folding and edit distance")
struct FoldingAndDistanceTests {
    @Test(arguments: [
        ("Natuurkünde!", "natuurkunde"), ("  Lichamelijke   opvoeding ", "lichamelijke opvoeding"),
        ("zo'n", "zon"), ("onderwijs/mbo", "onderwijs mbo"), ("ÉÉN", "een"), ("e-mail", "e mail"),
        ("Crème brûlée", "creme brulee"), ("", ""),
    ])
    func folding(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(arguments: [
        ("wiskunde", "wiskude", 2, 1), ("abcd", "abdc", 1, 1), ("ca", "abc", 3, 3), ("", "abc", 3, 3),
        ("kitten", "sitting", 3, 3), ("same", "same", 0, 0), ("abcdef", "badcfe", 3, 3),
        ("natuurkunde", "natuurkünde", 1, 1),
    ] as [(String, String, Int, Int)])
    func distance(a: String, b: String, limit: Int, expected: Int) {
        #expect(EditDistance.optimalStringAlignment(a, b, limit: limit) == expected)
        #expect(EditDistance.optimalStringAlignment(b, a, limit: limit) == expected)
    }

    @Test(arguments: [("abc", "", 2), ("kitten", "sitting", 2), ("aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbb", 2),
                      ("wiskunde", "scheikunde", 3), ("abc", "abd", -1)])
    func aboveTheLimitIsNil(a: String, b: String, limit: Int) {
        #expect(EditDistance.optimalStringAlignment(a, b, limit: limit) == nil)
    }

    /// The banded, early-exiting version must agree with the plain full-table algorithm.
    @Test func agreesWithTheFullTable() {
        let words = ["", "a", "ab", "ba", "abc", "acb", "cab", "wiskunde", "wiskude", "wsikunde", "natuurkunde",
                     "scheikunde", "kaart", "kaars", "taart", "aabbcc", "abcabc", "physics", "physical"]
        for a in words {
            for b in words {
                let full = Self.fullTable(a, b)
                for limit in 0...5 {
                    let expected = full <= limit ? full : nil
                    #expect(EditDistance.optimalStringAlignment(a, b, limit: limit) == expected, "\(a) \(b) \(limit)")
                }
            }
        }
    }

    private static func fullTable(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in stride(from: 1, through: s.count, by: 1) {
            for j in stride(from: 1, through: t.count, by: 1) {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }
}

@Suite("Choice options")
struct ChoiceOptionCodingTests {
    @Test func aliasesMayBeLeftOut() throws {
        let json = #"{"value": "teacher", "label": {"nl": "Docent", "en": "Teacher"}}"#
        let option = try JSONDecoder().decode(ChoiceOption.self, from: Data(json.utf8))
        #expect(option == ChoiceOption(value: "teacher", label: LocalizedText(nl: "Docent", en: "Teacher")))
    }
}
