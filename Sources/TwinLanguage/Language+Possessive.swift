extension Language {
    /// The possessive of a first name in this language, as in "Anna's wens" or "Anna's wish".
    ///
    /// Dutch spelling: `'s` after a final a, i, o, u, y or accented vowel (Anna's, Timo's,
    /// René's, Zoë's), only `'` after a final s, x or z (Kees', Max'), else a plain `s` (Brams, Annes).
    /// English: `'s`, or only `'` after a final s (James').
    public func possessive(of name: String) -> String {
        let lower = name.lowercased()
        guard let last = lower.last else { return name }
        switch self {
        case .nl:
            if "sxz".contains(last) || lower.hasSuffix("sh") || lower.hasSuffix("ce") { return name + "'" }
            if "aiouyéèáóúëïüâêô".contains(last) { return name + "'s" }
            return name + "s"
        case .en:
            return last == "s" ? name + "'" : name + "'s"
        }
    }
}
