import Testing
import DialogEngine
import TwinLanguage

/// Sunday 15 March 2026, unless a test says otherwise.
private func day(_ iso: String) throws -> LocalDate {
    try #require(LocalDate(iso: iso))
}

private func parseDate(_ text: String, _ spec: InputSpec = InputSpec(type: .date), today: String = "2026-03-15") throws -> Value {
    try AnswerParser.parse(text, as: spec, today: day(today)).get()
}

private func dateRejection(_ text: String, _ spec: InputSpec = InputSpec(type: .date)) throws -> LocalizedText {
    let result = AnswerParser.parse(text, as: spec, today: try day("2026-03-15"))
    guard case .failure(let rejection) = result else {
        Issue.record("\"\(text)\" was accepted as \(result), expected a rejection")
        throw CancellationError()
    }
    return rejection.reason
}

@Suite("Date answers")
struct AnswerParserDateTests {
    @Test(arguments: [
        ("2026-12-06", "2026-12-06"), ("2026-12-6", "2026-12-06"), ("6-12-2026", "2026-12-06"),
        ("06-12-2026", "2026-12-06"), ("6/12/2026", "2026-12-06"), ("6.12.2026", "2026-12-06"),
        ("6 - 12 - 2026", "2026-12-06"), ("6 december 2026", "2026-12-06"), ("6 December 2026", "2026-12-06"),
        ("6 dec 2026", "2026-12-06"), ("6 dec. 2026", "2026-12-06"), ("zaterdag 6 december 2026", "2026-12-06"),
        ("Zaterdag, 6 december 2026", "2026-12-06"), ("za 6 dec 2026", "2026-12-06"),
        ("op 6 december 2026", "2026-12-06"), ("6 december 2026.", "2026-12-06"),
        ("December 6, 2026", "2026-12-06"), ("Dec 6 2026", "2026-12-06"), ("Saturday, December 6, 2026", "2026-12-06"),
        ("6th of December 2026", "2026-12-06"), ("December 6th, 2026", "2026-12-06"), ("6e december 2026", "2026-12-06"),
        ("1 mrt 2026", "2026-03-01"), ("1 maart 2026", "2026-03-01"), ("1 March 2026", "2026-03-01"),
        ("3 mei 2026", "2026-05-03"), ("3 May 2026", "2026-05-03"), ("14 okt 2026", "2026-10-14"),
        ("14 Oct 2026", "2026-10-14"), ("9 sept 2026", "2026-09-09"), ("9 sep 2026", "2026-09-09"),
        ("2 feb 2026", "2026-02-02"), ("29 februari 2028", "2028-02-29"), ("31-12-2026", "2026-12-31"),
        ("1-1-2027", "2027-01-01"), ("17 augustus 2026", "2026-08-17"), ("1 jan 2026", "2026-01-01"),
    ])
    func absolute(input: String, expected: String) throws {
        #expect(try parseDate(input) == .date(day(expected)))
    }

    @Test(arguments: [
        ("6 december", "2026-12-06"), ("6 dec", "2026-12-06"), ("December 6", "2026-12-06"),
        ("6-12", "2026-12-06"), ("6/12", "2026-12-06"), ("6.12.", "2026-12-06"), ("1 januari", "2026-01-01"),
    ])
    func withoutAYearMeansThisYear(input: String, expected: String) throws {
        #expect(try parseDate(input) == .date(day(expected)))
    }

    @Test(arguments: [
        ("vandaag", "2026-03-15"), ("Today", "2026-03-15"), ("morgen", "2026-03-16"), ("tomorrow", "2026-03-16"),
        ("gisteren", "2026-03-14"), ("yesterday", "2026-03-14"), ("overmorgen", "2026-03-17"),
        ("eergisteren", "2026-03-13"), ("Vandaag!", "2026-03-15"),
    ])
    func relative(input: String, expected: String) throws {
        #expect(try parseDate(input) == .date(day(expected)))
    }

    @Test(arguments: [
        ("morgen", "2026-12-31", "2027-01-01"), ("gisteren", "2028-03-01", "2028-02-29"),
        ("gisteren", "2027-03-01", "2027-02-28"), ("yesterday", "2026-01-01", "2025-12-31"),
    ])
    func relativeAcrossMonthAndYearEnds(input: String, today: String, expected: String) throws {
        #expect(try parseDate(input, today: today) == .date(day(expected)))
    }

    @Test(arguments: [("31-04-2026", "April"), ("31 april 2026", "April"), ("31 April 2026", "April")])
    func dayThatDoesNotExist(input: String, month: String) throws {
        let reason = try dateRejection(input)
        #expect(reason.nl.contains("\(month) 2026 heeft maar 30 dagen"))
        #expect(reason.en.contains("\(month) 2026 has only 30 days"))
    }

    @Test func februaryOfACommonYear() throws {
        let reason = try dateRejection("29-02-2027")
        #expect(reason.nl.contains("Februari 2027 heeft maar 28 dagen"))
        #expect(reason.en.contains("February 2027 has only 28 days"))
        #expect(try dateRejection("32 december 2026").nl.contains("December 2026 heeft maar 31 dagen"))
    }

    @Test(arguments: ["06-12-26", "6/12/26", "6 dec 26", "December 6, 26"])
    func twoDigitYearsAreRejected(input: String) throws {
        let reason = try dateRejection(input)
        #expect(reason.nl == "Schrijf het jaar voluit, bijvoorbeeld 6-12-2026.")
        #expect(reason.en == "Write the year in full, for example 6-12-2026.")
    }

    @Test func monthFirstGetsADayFirstHint() throws {
        let reason = try dateRejection("12/31/2026")
        #expect(reason.nl.contains("eerst de dag"))
        #expect(reason.nl.contains("31-12-2026"))
        #expect(reason.en.contains("31-12-2026"))
    }

    @Test(arguments: ["", "binnenkort", "volgende week", "2026-13-01", "6-12-2026-1", "0-12-2026", "december 2026",
                      "6 12 2026", "6-12/2026", "2026", "6 decembr 2026", "6 december 2026 om 10 uur", "12345-1-1"])
    func notADate(input: String) throws {
        let reason = try dateRejection(input)
        #expect(reason.nl == "Typ een datum, bijvoorbeeld 6-12-2026 of 6 december 2026.")
        #expect(reason.en == "Type a date, for example 6-12-2026 or 6 December 2026.")
    }

    @Test func betweenTwoDays() throws {
        let spec = InputSpec(type: .date, minDate: try day("2026-01-01"), maxDate: try day("2026-12-31"))
        #expect(try parseDate("1-1-2026", spec) == .date(day("2026-01-01")))
        #expect(try parseDate("31 december 2026", spec) == .date(day("2026-12-31")))
        let reason = try dateRejection("1-1-2027", spec)
        #expect(reason.nl == "Kies een datum tussen 1 januari 2026 en 31 december 2026.")
        #expect(reason.en == "Choose a date between 1 January 2026 and 31 December 2026.")
    }

    @Test func onlyAnEarliestDay() throws {
        let spec = InputSpec(type: .date, minDate: try day("2026-03-15"))
        #expect(try parseDate("vandaag", spec) == .date(day("2026-03-15")))
        let reason = try dateRejection("gisteren", spec)
        #expect(reason.nl == "Kies een datum op of na 15 maart 2026.")
        #expect(reason.en == "Choose a date on or after 15 March 2026.")
    }

    @Test func onlyALatestDay() throws {
        let spec = InputSpec(type: .date, maxDate: try day("2026-03-15"))
        let reason = try dateRejection("morgen", spec)
        #expect(reason.nl == "Kies een datum op of voor 15 maart 2026.")
        #expect(reason.en == "Choose a date on or before 15 March 2026.")
    }
}
