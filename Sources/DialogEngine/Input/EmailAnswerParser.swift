import Foundation

/// Reads `email` answers with a pragmatic check: catching typing mistakes matters here, not
/// following every corner of RFC 5322 (quoted local parts, IP-address domains).
enum EmailAnswerParser {
    /// The longest address that fits in the SMTP forward path.
    static let maximumLength = 254
    /// The longest local part SMTP allows.
    static let maximumLocalLength = 64

    /// Parses an address, lower-casing the domain (which is case-insensitive) but keeping the
    /// local part as typed (which strictly is not).
    static func parse(_ text: String) -> Result<Value, InputRejection> {
        var address = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        // What mail programs put around a copied address, and a sentence's final full stop.
        if address.lowercased().hasPrefix("mailto:") { address = address.dropFirst("mailto:".count) }
        if address.hasPrefix("<"), address.hasSuffix(">") { address = address.dropFirst().dropLast() }
        if address.hasSuffix(".") { address = address.dropLast() }

        if address.contains(where: \.isWhitespace) {
            return .failure(InputRejection(
                nl: "Een e-mailadres heeft geen spaties. Typ het adres, bijvoorbeeld naam@school.nl.",
                en: "An e-mail address has no spaces. Type the address, for example name@school.nl."))
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(InputRejection(
                nl: "Een e-mailadres bevat precies één @, bijvoorbeeld naam@school.nl.",
                en: "An e-mail address contains exactly one @, for example name@school.nl."))
        }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard address.count <= maximumLength, isValidLocal(local), isValidDomain(domain) else {
            return .failure(invalid)
        }
        return .success(.text("\(local)@\(domain)"))
    }

    private static let invalid = InputRejection(
        nl: "Dat lijkt geen geldig e-mailadres. Typ het adres, bijvoorbeeld naam@school.nl.",
        en: "That does not look like a valid e-mail address. Type it like name@school.nl.")

    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-")

    private static func isValidLocal(_ local: Substring) -> Bool {
        !local.isEmpty && local.count <= maximumLocalLength
            && !local.hasPrefix(".") && !local.hasSuffix(".") && !local.contains("..")
            && local.allSatisfy { $0.isLetter || $0.isNumber || localSymbols.contains($0) }
    }

    private static func isValidDomain(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2,
              topLevel.allSatisfy(\.isLetter) || topLevel.hasPrefix("xn--") else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
