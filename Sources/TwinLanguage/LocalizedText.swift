/// A user-facing text in every supported language.
///
/// Dialog scripts must give both translations; the linter reports a missing one. At run time a
/// missing translation falls back to the other language rather than showing nothing.
public struct LocalizedText: Codable, Sendable, Hashable {
    /// The Dutch text.
    public var nl: String
    /// The English text.
    public var en: String

    /// Creates a text from its two translations.
    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The text in `language`, falling back to the other translation when this one is empty.
    public func text(in language: Language) -> String {
        switch language {
        case .nl: return nl.isEmpty ? en : nl
        case .en: return en.isEmpty ? nl : en
        }
    }

    /// Creates a text by choosing the translation per language.
    public init(_ translate: (Language) -> String) {
        self.init(nl: translate(.nl), en: translate(.en))
    }
}
