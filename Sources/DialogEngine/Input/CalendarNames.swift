import TwinLanguage

/// The names of months and weekdays in both languages, as participants spell them.
enum CalendarNames {
    /// Folded month spellings (full names and the usual abbreviations) to month numbers.
    static let months: [String: Int] = {
        let spellings: [(Int, [String])] = [
            (1, ["januari", "january", "jan"]),
            (2, ["februari", "february", "feb", "febr"]),
            (3, ["maart", "march", "mrt", "mar"]),
            (4, ["april", "apr"]),
            (5, ["mei", "may"]),
            (6, ["juni", "june", "jun"]),
            (7, ["juli", "july", "jul"]),
            (8, ["augustus", "august", "aug"]),
            (9, ["september", "sep", "sept"]),
            (10, ["oktober", "october", "okt", "oct"]),
            (11, ["november", "nov"]),
            (12, ["december", "dec"]),
        ]
        var table: [String: Int] = [:]
        for (month, names) in spellings {
            for name in names { table[name] = month }
        }
        return table
    }()

    /// Folded weekday spellings; a weekday in a date is ignored, the day number decides.
    static let weekdays: Set<String> = [
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "ma", "di", "wo", "do", "vr", "vrij", "za", "zat", "zo", "zon",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// The month's name as written in a sentence: `december` in Dutch, `December` in English.
    static func monthName(_ month: Int, in language: Language) -> String {
        let dutch = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                     "september", "oktober", "november", "december"]
        let english = ["January", "February", "March", "April", "May", "June", "July", "August",
                       "September", "October", "November", "December"]
        let names = language == .nl ? dutch : english
        return names.indices.contains(month - 1) ? names[month - 1] : String(month)
    }

    /// A day as written in a sentence: `6 december 2026` / `6 December 2026`.
    static func format(_ date: LocalDate, in language: Language) -> String {
        "\(date.day) \(monthName(date.month, in: language)) \(date.year)"
    }
}
