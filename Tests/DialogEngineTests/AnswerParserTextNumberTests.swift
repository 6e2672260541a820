import Foundation
import Testing
import DialogEngine
import TwinLanguage

/// The day every test in this file treats as today: Sunday 15 March 2026.
private func today() throws -> LocalDate {
    try #require(LocalDate(year: 2026, month: 3, day: 15))
}

private func parse(_ text: String, _ spec: InputSpec) throws -> Value {
    try AnswerParser.parse(text, as: spec, today: today()).get()
}

private func rejection(_ text: String, _ spec: InputSpec) throws -> InputRejection {
    let result = AnswerParser.parse(text, as: spec, today: try today())
    guard case .failure(let rejection) = result else {
        Issue.record("\"\(text)\" was accepted as \(result), expected a rejection")
        throw CancellationError()
    }
    return rejection
}

@Suite("Input types")
struct InputTypeTests {
    @Test(arguments: [
        (InputType.text, ValueType.text), (.integer, .integer), (.number, .number), (.date, .date),
        (.yesno, .bool), (.choice, .text), (.multichoice, .list), (.email, .text),
    ])
    func slotType(type: InputType, expected: ValueType) {
        #expect(type.slotType == expected)
    }

    @Test func everyTypeHasASlotType() {
        #expect(InputType.allCases.count == 8)
    }

    @Test func specRoundTripsThroughJSON() throws {
        let spec = InputSpec(
            type: .multichoice, minLength: 2, maxLength: 20, min: 1, max: 9.5,
            minDate: LocalDate(iso: "2026-01-01"), maxDate: LocalDate(iso: "2026-12-31"),
            options: [ChoiceOption(value: "a", label: LocalizedText(nl: "A", en: "A"), aliases: ["alpha"])],
            minChoices: 1, maxChoices: 2)
        let data = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(InputSpec.self, from: data) == spec)
    }

    @Test func specDecodesTheDialogFileSpelling() throws {
        let json = #"{"type": "date", "min": "2026-01-01", "max": "2026-12-31"}"#
        let spec = try JSONDecoder().decode(InputSpec.self, from: Data(json.utf8))
        #expect(spec.minDate == LocalDate(iso: "2026-01-01"))
        #expect(spec.maxDate == LocalDate(iso: "2026-12-31"))
        #expect(spec.options.isEmpty)

        let text = #"{"type": "text", "max_length": 120}"#
        #expect(try JSONDecoder().decode(InputSpec.self, from: Data(text.utf8)) == InputSpec(type: .text, maxLength: 120))
    }
}

@Suite("Text answers")
struct TextAnswerTests {
    @Test(arguments: ["Anna de Vries", "  Anna de Vries  ", "Anna de Vries\n", "\tAnna de Vries"])
    func trimmed(input: String) throws {
        #expect(try parse(input, InputSpec(type: .text)) == .text("Anna de Vries"))
    }

    @Test func keepsLinesAndTemplates() throws {
        let answer = "Eerste regel\nTweede regel met {{profile.name}}"
        #expect(try parse(answer, InputSpec(type: .text)) == .text(answer))
    }

    @Test(arguments: ["", "   ", "\n"])
    func emptyIsRejected(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .text)).reason
        #expect(reason.nl == "Typ een antwoord.")
        #expect(reason.en == "Please type an answer.")
    }

    @Test func emptyIsAcceptedWithMinimumZero() throws {
        #expect(try parse("  ", InputSpec(type: .text, minLength: 0)) == .text(""))
    }

    @Test func tooShortNamesTheMinimum() throws {
        let reason = try rejection("ab", InputSpec(type: .text, minLength: 3)).reason
        #expect(reason.nl.contains("minstens 3 tekens"))
        #expect(reason.en.contains("at least 3 characters"))
        #expect(try parse("abc", InputSpec(type: .text, minLength: 3)) == .text("abc"))
    }

    @Test func tooLongNamesTheMaximum() throws {
        let spec = InputSpec(type: .text, maxLength: 10)
        #expect(try parse("0123456789", spec) == .text("0123456789"))
        let reason = try rejection("0123456789X", spec).reason
        #expect(reason.nl.contains("maximaal 10 tekens"))
        #expect(reason.en.contains("at most 10 characters"))
    }

    @Test func defaultMaximumIs2000() throws {
        let spec = InputSpec(type: .text)
        #expect(try parse(String(repeating: "a", count: 2000), spec).textValue?.count == 2000)
        let reason = try rejection(String(repeating: "a", count: 2001), spec).reason
        #expect(reason.nl.contains("maximaal 2.000 tekens"))
        #expect(reason.en.contains("at most 2,000 characters"))
    }

    @Test func lengthCountsVisibleCharacters() throws {
        let spec = InputSpec(type: .text, maxLength: 3)
        #expect(try parse("e\u{301}e\u{301}e\u{301}", spec).textValue?.count == 3)
        #expect(try parse("👩‍💻👩‍💻👩‍💻", spec) == .text("👩‍💻👩‍💻👩‍💻"))
    }
}

@Suite("Integer answers")
struct IntegerAnswerTests {
    @Test(arguments: [
        ("12", 12), ("-3", -3), ("+4", 4), ("\u{2212}5", -5), (" 7 ", 7), ("12.", 12),
        ("12 weken", 12), ("8 keer", 8), ("8x", 8), ("8 x", 8), ("20 uur per week", 20),
        ("acht", 8), ("acht keer", 8), ("één", 1), ("een week", 1), ("Twaalf weken", 12),
        ("twintig", 20), ("nul", 0), ("twenty", 20), ("Twelve weeks", 12), ("one", 1),
        ("ongeveer 12", 12), ("about 6 times", 6), ("~10", 10),
    ])
    func accepted(input: String, expected: Int) throws {
        #expect(try parse(input, InputSpec(type: .integer)) == .integer(expected))
    }

    @Test(arguments: ["2,5", "2.5", "12,0", "1.000", "-0,5 keer"])
    func decimalsAreRejected(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .integer)).reason
        #expect(reason.nl.contains("heel getal"))
        #expect(reason.en.contains("whole number"))
    }

    @Test(arguments: ["", "veel", "12 of 13", "12-15", "een paar weken", "1e5", "twaalf of dertien",
                      "½", "IV", "- drie", "12 weken en 3 dagen"])
    func notANumber(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .integer)).reason
        #expect(reason.nl == "Typ een heel getal, bijvoorbeeld 12.")
        #expect(reason.en == "Type a whole number, for example 12.")
    }

    @Test func notANumberNamesTheRange() throws {
        let reason = try rejection("veel", InputSpec(type: .integer, min: 1, max: 50)).reason
        #expect(reason.nl == "Typ een heel getal tussen 1 en 50.")
        #expect(reason.en == "Type a whole number between 1 and 50.")
    }

    @Test(arguments: ["0", "51", "-1", "honderd"])
    func outsideTheRange(input: String) throws {
        let spec = InputSpec(type: .integer, min: 1, max: 50)
        let reason = try rejection(input, spec).reason
        if input == "honderd" {
            #expect(reason.nl == "Typ een heel getal tussen 1 en 50.")
        } else {
            #expect(reason.nl == "Typ een getal tussen 1 en 50.")
            #expect(reason.en == "Type a number between 1 and 50.")
        }
    }

    @Test(arguments: [("1", 1), ("50", 50), ("acht keer", 8)])
    func insideTheRange(input: String, expected: Int) throws {
        #expect(try parse(input, InputSpec(type: .integer, min: 1, max: 50)) == .integer(expected))
    }

    @Test func onlyAMinimum() throws {
        let reason = try rejection("1", InputSpec(type: .integer, min: 2)).reason
        #expect(reason.nl == "Typ een getal van minstens 2.")
        #expect(reason.en == "Type a number of at least 2.")
    }

    @Test func onlyAMaximum() throws {
        let reason = try rejection("11", InputSpec(type: .integer, max: 10)).reason
        #expect(reason.nl == "Typ een getal van hoogstens 10.")
        #expect(reason.en == "Type a number of at most 10.")
    }

    @Test func hugeNumbersAreRejectedNotCrashing() throws {
        let reason = try rejection("99999999999999999999999", InputSpec(type: .integer)).reason
        #expect(reason.en.contains("too large"))
    }
}

@Suite("Number answers")
struct NumberAnswerTests {
    @Test(arguments: [
        ("19.5", 19.5), ("19,5", 19.5), ("20 uur", 20), ("20", 20), ("-0,25", -0.25), ("0,5", 0.5),
        (",5", 0.5), ("3 uur per week", 3), ("twee uur", 2), ("12,75 uur", 12.75), ("0.125", 0.125),
        ("-0", 0), ("ca. 4,5 uur", 4.5),
    ])
    func accepted(input: String, expected: Double) throws {
        #expect(try parse(input, InputSpec(type: .number)) == .number(expected))
    }

    @Test(arguments: ["½", "19,5,5", "1.000,5", "abc", "", "19,5-20", "3 of 4 uur"])
    func notANumber(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .number)).reason
        #expect(reason.nl == "Typ een getal, bijvoorbeeld 19,5.")
        #expect(reason.en == "Type a number, for example 19.5.")
    }

    @Test(arguments: ["2.500", "1,000", "-1.250"])
    func thousandsSeparatorsAreAmbiguous(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .number)).reason
        #expect(reason.nl.contains("2500"))
        #expect(reason.en.contains("thousands"))
    }

    @Test func rangeUsesEachLanguagesDecimalMark() throws {
        let spec = InputSpec(type: .number, min: 0.5, max: 40.5)
        let reason = try rejection("41", spec).reason
        #expect(reason.nl == "Typ een getal tussen 0,5 en 40,5.")
        #expect(reason.en == "Type a number between 0.5 and 40.5.")
        #expect(try parse("40,5", spec) == .number(40.5))
        #expect(try parse("0.5", spec) == .number(0.5))
    }
}

@Suite("Yes/no answers")
struct YesNoAnswerTests {
    @Test(arguments: ["ja", "Ja", "JA!", "j", "yes", "Y", "jazeker", "klopt", "ok", "OK.", "oké", "Okay",
                      "zeker", "yep", "true", "ja hoor", "Ja, zeker."])
    func yes(input: String) throws {
        #expect(try parse(input, InputSpec(type: .yesno)) == .bool(true))
    }

    @Test(arguments: ["nee", "N", "no", "nope", "neen", "false", "Nee.", "nee, dank je"])
    func no(input: String) throws {
        #expect(try parse(input, InputSpec(type: .yesno)) == .bool(false))
    }

    @Test(arguments: ["", "misschien", "ja maar niet op dinsdag", "maybe", "jaa", "1", "ja nee"])
    func otherwiseAskedAgain(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .yesno)).reason
        #expect(reason.nl == "Antwoord met ja of nee.")
        #expect(reason.en == "Answer yes or no.")
    }
}

@Suite("E-mail answers")
struct EmailAnswerTests {
    @Test(arguments: [
        ("anna@school.nl", "anna@school.nl"),
        ("  Anna.de.Vries@School.NL ", "Anna.de.Vries@school.nl"),
        ("mailto:a.b@c.nl", "a.b@c.nl"),
        ("<piet+job@mail.example.com>", "piet+job@mail.example.com"),
        ("jan@school.nl.", "jan@school.nl"),
        ("o'brien@example.ie", "o'brien@example.ie"),
    ])
    func accepted(input: String, expected: String) throws {
        #expect(try parse(input, InputSpec(type: .email)) == .text(expected))
    }

    @Test(arguments: ["", "anna", "anna@", "@school.nl", "anna@school", "anna@@school.nl", "an na@school.nl",
                      "anna@school..nl", "anna@-school.nl", "anna@school.n", ".anna@school.nl",
                      "a@b@c.nl", "anna,piet@school.nl"])
    func rejected(input: String) throws {
        let reason = try rejection(input, InputSpec(type: .email)).reason
        #expect(reason.nl.contains("naam@school.nl"))
        #expect(reason.en.contains("name@school.nl"))
    }

    @Test func longerThan254IsRejected() throws {
        // 4 labels of 60 letters: `a@` plus this domain is 248 characters, ten more is too long.
        let domain = (0..<4).map { _ in String(repeating: "d", count: 60) }.joined(separator: ".") + ".nl"
        #expect(try parse("a@" + domain, InputSpec(type: .email)) == .text("a@" + domain))
        _ = try rejection(String(repeating: "a", count: 10) + "@" + domain, InputSpec(type: .email))
    }
}
