import Foundation
import GRDB
import Testing
@testable import TwinStore

/// `StoredDate` writes what GRDB's own `Date` binding writes, byte for byte, so that rows
/// written either way compare alike in SQL (`at < ?`, `ORDER BY`).
@Suite struct StoredDateTests {
    private func grdbText(_ date: Date) -> String? {
        String.fromDatabaseValue(date.databaseValue)
    }

    @Test func matchesGRDBOverManyDates() {
        var generator = SystemRandomNumberGenerator()
        var dates: [Date] = []
        // Anywhere between 1970 and 2200, to the sub-millisecond.
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<7_258_118_400, using: &generator)))
        }
        // Close to a millisecond's, a second's and a day's edge, where cutting and rounding differ.
        for _ in 0..<5_000 {
            let second = Double(Int.random(in: 1_600_000_000...1_900_000_000, using: &generator))
            let millisecond = Double(Int.random(in: 0...999, using: &generator)) / 1000
            for nudge in [0, 1e-7, -1e-7, 4.9e-4, 5e-4, 5.1e-4, 9.99e-4] {
                dates.append(Date(timeIntervalSince1970: second + millisecond + nudge))
            }
        }
        // Leap days, ends of months and years, the turn of centuries.
        for text in ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z", "2100-02-28T23:59:59Z",
                     "2100-03-01T00:00:00Z", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            if let date = ISO8601DateFormatter().date(from: text) { dates.append(date) }
        }
        var mismatches: [String] = []
        for date in dates where StoredDate.text(date) != grdbText(date) {
            mismatches.append("\(date.timeIntervalSince1970): \(StoredDate.text(date) ?? "nil") ≠ \(grdbText(date) ?? "nil")")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(dates.count) differ, e.g. \(mismatches.prefix(5))")
    }

    @Test func leavesDatesOutsideItsRangeToGRDB() {
        let early = Date(timeIntervalSince1970: -86_400 * 365)
        #expect(StoredDate.text(early) == nil)
        #expect(StoredDate(early).databaseValue == early.databaseValue)
    }

    @Test func readsBackAsTheDateToTheMillisecond() throws {
        let date = Date(timeIntervalSince1970: 1_796_000_000.123_456)
        let back = try #require(Date.fromDatabaseValue(StoredDate(date).databaseValue))
        #expect(abs(back.timeIntervalSince1970 - 1_796_000_000.123) < 1e-6)
    }
}
