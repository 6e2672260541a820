public import Foundation

/// Reads how long a receiver asks to wait: the `Retry-After` header (seconds, or an HTTP date),
/// or Discord's JSON `retry_after` (seconds, possibly fractional).
public enum RetryAfter {
    /// The wait in seconds asked for by `response`, measured from `now`; `nil` when it asks
    /// for nothing readable.
    public static func seconds(in response: OutboundResponse, now: Date) -> Double? {
        if let header = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces), !header.isEmpty {
            if let seconds = Double(header), seconds.isFinite, seconds >= 0 { return seconds }
            if let date = httpDate(header) { return max(0, date.timeIntervalSince(now)) }
        }
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
           let value = object["retry_after"] {
            let seconds = (value as? NSNumber)?.doubleValue ?? (value as? String).flatMap(Double.init)
            if let seconds, seconds.isFinite, seconds >= 0 { return seconds }
        }
        return nil
    }

    /// An IMF-fixdate such as `Wed, 21 Oct 2015 07:28:00 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
