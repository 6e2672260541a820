import Foundation

extension Language {
    /// `number` as a participant reads it: without a trailing `.0`, at most two decimals, with a
    /// decimal comma in Dutch ("2,5") and a point in English ("2.5"); "—" for a number that is
    /// not finite.
    public func format(_ number: Double) -> String {
        guard number.isFinite else { return "—" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        var text = String(format: "%.2f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return self == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
