import TwinLanguage

/// Small pieces of wording shared by the rejection reasons, so that every reason counts,
/// quotes and lists in the same way in both languages.
enum ReasonFormatting {
    /// A whole number with the thousands grouping of `language`: `10.000` / `10,000`.
    static func count(_ n: Int, in language: Language) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                grouped.append(language.text(nl: ".", en: ","))
            }
            grouped.append(digit)
        }
        return n < 0 ? "-" + grouped : grouped
    }

    /// `n` followed by the singular or plural noun: `1 teken`, `3 tekens`.
    static func count(_ n: Int, _ singular: String, _ plural: String, in language: Language) -> String {
        "\(count(n, in: language)) \(n == 1 ? singular : plural)"
    }

    /// A participant's text in curly quotes, shortened when it is long so that a pasted page
    /// does not come back as a whole page.
    static func quoted(_ text: String) -> String {
        let limit = 40
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "“\(shown)”"
    }

    /// `“A” of “B”`, `“A”, “B” of “C”` with the conjunction of `language`.
    static func alternatives(_ items: [String], in language: Language) -> String {
        let quotedItems = items.map(quoted)
        let conjunction = language.text(nl: " of ", en: " or ")
        guard let last = quotedItems.last else { return "" }
        if quotedItems.count == 1 { return last }
        return quotedItems.dropLast().joined(separator: ", ") + conjunction + last
    }

    /// A bound of a number question as the participant would write it (`19,5` in Dutch).
    static func number(_ value: Double, in language: Language) -> String {
        Value.format(value, in: language)
    }
}
