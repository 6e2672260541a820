import Foundation
import TwinLanguage

/// Reads `date` answers: ISO (`2026-12-06`), Dutch day-month-year (`6-12-2026`, `6/12/2026`,
/// `6.12.2026`), written months in both languages (`zaterdag 6 dec. 2026`, `December 6, 2026`),
/// a day and month without a year (`6 december`, `6-12`), and `vandaag`/`today`,
/// `morgen`/`tomorrow`, `gisteren`/`yesterday`.
enum DateAnswerParser {
    /// Parses a day and checks it against the question's earliest and latest day.
    static func parse(_ text: String, spec: InputSpec, today: LocalDate) -> Result<Value, InputRejection> {
        switch read(text, today: today) {
        case .failure(let rejection):
            return .failure(rejection)
        case .success(let date):
            if let rejection = rangeRejection(date, spec) { return .failure(rejection) }
            return .success(.date(date))
        }
    }

    /// Reads a day without applying any bounds.
    static func read(_ text: String, today: LocalDate) -> Result<LocalDate, InputRejection> {
        let lowered = TextFolding.foldCaseAndAccents(text).trimmingCharacters(in: .whitespacesAndNewlines)
        if let offset = relativeDays[TextFolding.fold(lowered)] {
            guard let date = shift(today, byDays: offset) else { return .failure(notADate) }
            return .success(date)
        }
        var tokens = lowered.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        tokens.removeAll { token in
            let word = token.trimmingCharacters(in: fullStops)
            return CalendarNames.weekdays.contains(word) || fillerWords.contains(word)
        }
        guard !tokens.isEmpty else { return .failure(notADate) }
        let numericCharacters = tokens.allSatisfy { $0.allSatisfy { isDigit($0) || isSeparator($0) } }
        if numericCharacters, tokens.contains(where: { $0.contains(where: isSeparator) }) {
            // `6 - 12 - 2026` is the same as `6-12-2026`.
            return readNumeric(tokens.joined(), today: today)
        }
        return readWords(tokens, today: today)
    }

    // MARK: - Forms

    private static let relativeDays: [String: Int] = [
        "vandaag": 0, "today": 0,
        "morgen": 1, "tomorrow": 1,
        "gisteren": -1, "yesterday": -1,
        "overmorgen": 2, "day after tomorrow": 2,
        "eergisteren": -2, "day before yesterday": -2,
    ]

    /// Words around a date that carry no information: `op 6 december`, `the 6th of December`.
    private static let fillerWords: Set<String> = ["op", "on", "the", "of"]

    private static let fullStops = CharacterSet(charactersIn: ".")

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    private static func isSeparator(_ c: Character) -> Bool { c == "-" || c == "/" || c == "." }

    /// `2026-12-06`, `6-12-2026`, `6/12/2026`, `6.12.2026`, `6-12`.
    private static func readNumeric(_ text: String, today: LocalDate) -> Result<LocalDate, InputRejection> {
        let separators = Set(text.filter(isSeparator))
        guard separators.count == 1, let separator = separators.first else { return .failure(notADate) }
        var parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        if separator == ".", parts.count > 1, parts.last == "" { parts.removeLast() }
        // At most four digits per part also keeps the conversions below from overflowing.
        guard parts.allSatisfy({ (1...4).contains($0.count) }) else { return .failure(notADate) }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return .failure(notADate) }

        switch parts.count {
        case 3 where parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2:
            return make(year: numbers[0], month: numbers[1], day: numbers[2], dayFirst: nil)
        case 3 where parts[0].count <= 2 && parts[1].count <= 2:
            if parts[2].count <= 2 { return .failure(twoDigitYear) }
            guard parts[2].count == 4 else { return .failure(notADate) }
            return make(year: numbers[2], month: numbers[1], day: numbers[0], dayFirst: true)
        case 2 where parts[0].count <= 2 && parts[1].count <= 2:
            return make(year: today.year, month: numbers[1], day: numbers[0], dayFirst: false)
        default:
            return .failure(notADate)
        }
    }

    /// One word of a written date.
    private enum Word {
        case number(Int, digits: Int)
        case month(Int)
    }

    /// `6 december 2026`, `6 dec. 2026`, `December 6, 2026`, `6th of December`, `6 december`.
    private static func readWords(_ tokens: [String], today: LocalDate) -> Result<LocalDate, InputRejection> {
        var words: [Word] = []
        for token in tokens {
            let word = token.trimmingCharacters(in: fullStops)
            if let month = CalendarNames.months[word] {
                words.append(.month(month))
            } else if let (number, digits) = readNumber(word) {
                words.append(.number(number, digits: digits))
            } else {
                return .failure(notADate)
            }
        }
        let day: Int, month: Int, year: (value: Int, digits: Int)?
        switch words.count {
        case 2:
            guard let (d, m) = dayAndMonth(words[0], words[1]) else { return .failure(notADate) }
            (day, month, year) = (d, m, nil)
        case 3:
            guard let (d, m) = dayAndMonth(words[0], words[1]),
                  case .number(let y, let digits) = words[2] else { return .failure(notADate) }
            (day, month, year) = (d, m, (y, digits))
        default:
            return .failure(notADate)
        }
        guard let year else { return make(year: today.year, month: month, day: day, dayFirst: nil) }
        if year.digits <= 2 { return .failure(twoDigitYear) }
        guard year.digits == 4 else { return .failure(notADate) }
        return make(year: year.value, month: month, day: day, dayFirst: nil)
    }

    /// The day and month from `6 december` or `december 6`.
    private static func dayAndMonth(_ first: Word, _ second: Word) -> (day: Int, month: Int)? {
        switch (first, second) {
        case (.number(let day, let digits), .month(let month)) where digits <= 2: return (day, month)
        case (.month(let month), .number(let day, let digits)) where digits <= 2: return (day, month)
        default: return nil
        }
    }

    /// A number of at most four digits, or a day with an ordinal ending (`6th`, `6e`, `6de`).
    private static func readNumber(_ word: String) -> (Int, digits: Int)? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th", "ste", "de", "e"] where word.hasSuffix(suffix) {
            let stem = word.dropLast(suffix.count)
            if (1...2).contains(stem.count), stem.allSatisfy(isDigit) {
                digits = stem
                break
            }
        }
        guard (1...4).contains(digits.count), digits.allSatisfy(isDigit), let value = Int(digits)
        else { return nil }
        return (value, digits.count)
    }

    /// Builds the day, explaining what is wrong when it does not exist.
    ///
    /// - Parameter dayFirst: `true` for a numeric day-month-year form, where a month above 12
    ///   usually means the participant wrote the month first; `false` for day-month without a
    ///   year; `nil` where the order is not in doubt.
    private static func make(year: Int, month: Int, day: Int, dayFirst: Bool?) -> Result<LocalDate, InputRejection> {
        guard (1...9999).contains(year), day >= 1 else { return .failure(notADate) }
        guard (1...12).contains(month) else {
            if let dayFirst, (1...12).contains(day), (13...31).contains(month) {
                let example = dayFirst ? "\(month)-\(day)-\(year)" : "\(month)-\(day)"
                return .failure(InputRejection(
                    nl: "Schrijf eerst de dag en dan de maand, zoals \(example).",
                    en: "Write the day first and then the month, like \(example)."))
            }
            return .failure(notADate)
        }
        let days = LocalDate.daysIn(month: month, year: year)
        guard day <= days, let date = LocalDate(year: year, month: month, day: day) else {
            func monthName(_ language: Language) -> String {
                CalendarNames.monthName(month, in: language).capitalized
            }
            return .failure(InputRejection(
                nl: "\(monthName(.nl)) \(year) heeft maar \(days) dagen. Controleer de dag.",
                en: "\(monthName(.en)) \(year) has only \(days) days. Please check the day."))
        }
        return .success(date)
    }

    /// The day `days` after `date`, through day numbers so that month and year ends need no
    /// special cases.
    private static func shift(_ date: LocalDate, byDays days: Int) -> LocalDate? {
        // Civil-from-days (Howard Hinnant), the inverse of `LocalDate.ordinal`.
        let z = date.ordinal + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return LocalDate(year: year, month: month, day: day)
    }

    // MARK: - Reasons

    private static let notADate = InputRejection(
        nl: "Typ een datum, bijvoorbeeld 6-12-2026 of 6 december 2026.",
        en: "Type a date, for example 6-12-2026 or 6 December 2026.")

    private static let twoDigitYear = InputRejection(
        nl: "Schrijf het jaar voluit, bijvoorbeeld 6-12-2026.",
        en: "Write the year in full, for example 6-12-2026.")

    private static func rangeRejection(_ date: LocalDate, _ spec: InputSpec) -> InputRejection? {
        let tooEarly = spec.minDate.map { date < $0 } ?? false
        let tooLate = spec.maxDate.map { date > $0 } ?? false
        guard tooEarly || tooLate else { return nil }
        func f(_ date: LocalDate, _ language: Language) -> String { CalendarNames.format(date, in: language) }
        switch (spec.minDate, spec.maxDate) {
        case let (low?, high?):
            return InputRejection(nl: "Kies een datum tussen \(f(low, .nl)) en \(f(high, .nl)).",
                                  en: "Choose a date between \(f(low, .en)) and \(f(high, .en)).")
        case let (low?, nil):
            return InputRejection(nl: "Kies een datum op of na \(f(low, .nl)).",
                                  en: "Choose a date on or after \(f(low, .en)).")
        case let (nil, high?):
            return InputRejection(nl: "Kies een datum op of voor \(f(high, .nl)).",
                                  en: "Choose a date on or before \(f(high, .en)).")
        case (nil, nil):
            return nil
        }
    }
}
