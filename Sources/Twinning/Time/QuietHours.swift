public import Foundation

/// The hours in which the assistant does not start a conversation: by default the evening and
/// the night (18:00 to 08:00) and the weekend, in the programme's time zone. A direct message
/// that falls in them is held until they end — never dropped.
public struct QuietHours: Sendable, Hashable {
    /// The minute of the day the quiet hours begin (18:00 is 1080).
    public var startMinute: Int
    /// The minute of the day they end (08:00 is 480); earlier than the start when they span
    /// midnight. Equal to the start: no quiet hours in the day.
    public var endMinute: Int
    /// Whether Saturday and Sunday are quiet all day.
    public var weekends: Bool
    /// The programme's time zone, in which the hours and the weekend are read.
    public var timeZone: TimeZone

    /// Creates quiet hours.
    public init(startMinute: Int = 18 * 60, endMinute: Int = 8 * 60, weekends: Bool = true,
                timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt) {
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.weekends = weekends
        self.timeZone = timeZone
    }

    /// No quiet hours at all: everything goes at once.
    public static let none = QuietHours(startMinute: 0, endMinute: 0, weekends: false, timeZone: .gmt)

    /// Whether `date` falls in the quiet hours.
    public func isQuiet(at date: Date) -> Bool {
        if weekends, isWeekend(date) { return true }
        guard startMinute != endMinute else { return false }
        let minute = minuteOfDay(date)
        return startMinute < endMinute
            ? minute >= startMinute && minute < endMinute
            : minute >= startMinute || minute < endMinute
    }

    /// The first moment at or after `date` that is not quiet: `date` itself when it is not.
    public func nextAllowed(after date: Date) -> Date {
        var candidate = date
        // Each step jumps to the end of the quiet stretch it is in: at most a weekend and a
        // night, so a handful of steps; the bound only guards against a calendar surprise.
        for _ in 0..<16 where isQuiet(at: candidate) {
            candidate = endOfQuietStretch(containing: candidate)
        }
        return candidate
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Saturday or Sunday in the programme's time zone (not the locale's weekend).
    private func isWeekend(_ date: Date) -> Bool {
        let weekday = calendar.component(.weekday, from: date)
        return weekday == 1 || weekday == 7
    }

    /// The minute of the day on the wall clock of the programme's time zone.
    private func minuteOfDay(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// `minute` o'clock on the wall clock of the day `offset` days after `date`'s — read as the
    /// clock shows it, so that a day with a daylight-saving change still ends its night at 08:00.
    private func wallClock(_ minute: Int, daysAfter offset: Int, from date: Date) -> Date {
        let calendar = self.calendar
        let day = calendar.date(byAdding: .day, value: offset, to: calendar.startOfDay(for: date)) ?? date
        return calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: day)
            ?? day.addingTimeInterval(TimeInterval(minute * 60))
    }

    /// The next moment after `date` at which one reason for quiet ends: the end of the night,
    /// or the Monday after the weekend.
    private func endOfQuietStretch(containing date: Date) -> Date {
        if weekends, isWeekend(date) {
            // The next day, at the end of its night if it has one.
            let endOfNight = startMinute != endMinute && endMinute < startMinute ? endMinute : 0
            return wallClock(endOfNight, daysAfter: 1, from: date)
        }
        return minuteOfDay(date) < endMinute ? wallClock(endMinute, daysAfter: 0, from: date) : wallClock(endMinute, daysAfter: 1, from: date)
    }
}
