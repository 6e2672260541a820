import Foundation
import Synchronization

/// The calendar day last looked up, with the instants it starts and ends in its time zone, so
/// that `LocalDate(_:in:)` answers from memory for any moment of that day. Day boundaries come
/// from the calendar itself, so a day of 23 or 25 hours (summer time) is right too.
enum RecentDay {
    private struct Window: Sendable {
        var day: LocalDate
        var start: Date
        var end: Date
        var timeZone: TimeZone
    }

    private static let window = Mutex<Window?>(nil)

    /// The day remembered, when `date` falls in it and it was looked up in `timeZone`.
    static func day(containing date: Date, in timeZone: TimeZone) -> LocalDate? {
        window.withLock { window in
            guard let window, date >= window.start, date < window.end, window.timeZone == timeZone else { return nil }
            return window.day
        }
    }

    /// Remembers `day`, which runs from `start` up to `end` in `timeZone`.
    static func remember(_ day: LocalDate, from start: Date, until end: Date, in timeZone: TimeZone) {
        window.withLock { $0 = Window(day: day, start: start, end: end, timeZone: timeZone) }
    }
}
