import Foundation
import GRDB

/// A date bound as the SQLite store has always written its dates — GRDB's text form,
/// `yyyy-MM-dd HH:mm:ss.SSS` in UTC — but made with arithmetic instead of a `DateFormatter`.
///
/// GRDB formats a bound `Date` through Foundation's `DateFormatter`, which on Linux goes
/// through ICU: 5–10 µs a date. Every turn binds three to five dates (the session's, the
/// answers', the processed request's) inside SQLite's single writer, where that was a fifth of
/// a turn's time. The text is the same to the byte (a test compares the two over many dates),
/// so rows written either way sort and compare alike; a date outside 1970–9999, which no turn
/// writes, is left to GRDB.
struct StoredDate: DatabaseValueConvertible {
    /// The date to store.
    let date: Date

    init(_ date: Date) {
        self.date = date
    }

    var databaseValue: DatabaseValue {
        Self.text(date).map(\.databaseValue) ?? date.databaseValue
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredDate? {
        Date.fromDatabaseValue(dbValue).map(StoredDate.init)
    }

    /// `date` as `yyyy-MM-dd HH:mm:ss.SSS` in UTC, or nil outside 1970–9999.
    ///
    /// The milliseconds are worked out as Foundation hands them to ICU — the seconds since
    /// 1970, times 1000 — and rounded to the nearest, as GRDB's text has them.
    static func text(_ date: Date) -> String? {
        let milliseconds = ((date.timeIntervalSinceReferenceDate + 978_307_200.0) * 1000.0 + 0.5).rounded(.down)
        guard milliseconds >= 0, milliseconds < 253_402_300_800_000 else { return nil }
        let total = Int64(milliseconds)
        let days = total / 86_400_000
        let inDay = total % 86_400_000
        let (year, month, day) = civil(daysSince1970: days)
        return String(unsafeUninitializedCapacity: 23) { buffer in
            func put(_ value: Int64, width: Int, at start: Int) {
                var value = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[start + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            buffer[10] = UInt8(ascii: " ")
            put(inDay / 3_600_000, width: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(inDay / 60_000 % 60, width: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(inDay / 1_000 % 60, width: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(inDay % 1_000, width: 3, at: 20)
            return 23
        }
    }

    /// The Gregorian year, month and day of a day counted from 1970-01-01 (not before it), after
    /// Howard Hinnant's `civil_from_days`.
    private static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
