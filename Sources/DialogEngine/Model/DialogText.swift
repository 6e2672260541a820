public import TwinLanguage

/// A user-facing text of a dialog: one translation pair, or variants chosen by a condition.
///
/// The first variant whose `when` holds is used; the last variant has no condition, so there is
/// always a text to show.
public struct DialogText: Sendable, Hashable {
    /// One candidate text.
    public struct Variant: Sendable, Hashable {
        /// When this variant applies; `nil` for the fallback.
        public var condition: ScriptExpression?
        /// The translations.
        public var text: LocalizedText
        /// Where the variant is written.
        public var location: SourceLocation
        /// The texts split into their placeholders once, at load, rather than at every turn.
        public let templates: [Language: Template]

        /// Creates a variant.
        public init(condition: ScriptExpression?, text: LocalizedText, location: SourceLocation) {
            self.condition = condition
            self.text = text
            self.location = location
            var templates: [Language: Template] = [:]
            for language in Language.allCases { templates[language] = Template(text.text(in: language)) }
            self.templates = templates
        }

        /// The parsed text in `language` (falling back like `LocalizedText.text(in:)`).
        public func template(in language: Language) -> Template {
            templates[language] ?? Template(text.text(in: language))
        }
    }

    /// The candidates, in order.
    public var variants: [Variant]

    /// A text without variants.
    public init(_ text: LocalizedText, at location: SourceLocation) {
        variants = [Variant(condition: nil, text: text, location: location)]
    }

    /// A text with variants.
    public init(variants: [Variant]) {
        self.variants = variants
    }
}
