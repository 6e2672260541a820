extension Language {
    /// A day written out as a participant reads it: "7 december 2026", "December 7, 2026";
    /// `nil` for a month outside 1...12.
    public func writtenDate(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month) else { return nil }
        switch self {
        case .nl: return "\(day) \(Self.dutchMonths[month - 1]) \(year)"
        case .en: return "\(Self.englishMonths[month - 1]) \(day), \(year)"
        }
    }

    /// A day given as `YYYY-MM-DD` written out (`writtenDate(year:month:day:)`); `nil` when it
    /// is not such a day.
    public func writtenDate(iso: String) -> String? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard parts.count == 3, (1...31).contains(parts[2]) else { return nil }
        return writtenDate(year: parts[0], month: parts[1], day: parts[2])
    }

    private static let dutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                                      "augustus", "september", "oktober", "november", "december"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"]
}
