/// One option of a choice question.
public struct ChoiceOption: Sendable, Hashable, Codable {
    /// The stable identifier stored in the slot; never shown, so labels can change freely.
    public var value: String { didSet { spellings = Self.fold(value, label, aliases) } }
    /// What the participant sees, in both languages.
    public var label: LocalizedText { didSet { spellings = Self.fold(value, label, aliases) } }
    /// Extra spellings that also select this option (`leraar` for `Docent`).
    public var aliases: [String] { didSet { spellings = Self.fold(value, label, aliases) } }
    /// The option's spellings as answers are compared with them, kept up to date with the
    /// three properties above.
    private(set) var spellings: ChoiceSpellings

    /// Creates an option.
    public init(value: String, label: LocalizedText, aliases: [String] = []) {
        self.value = value
        self.label = label
        self.aliases = aliases
        spellings = Self.fold(value, label, aliases)
    }

    private static func fold(_ value: String, _ label: LocalizedText, _ aliases: [String]) -> ChoiceSpellings {
        ChoiceSpellings(value: value, label: label, aliases: aliases)
    }

    /// Options are equal when value, labels and aliases are; the spellings follow from them.
    public static func == (a: ChoiceOption, b: ChoiceOption) -> Bool {
        a.value == b.value && a.label == b.label && a.aliases == b.aliases
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(label)
        hasher.combine(aliases)
    }

    private enum CodingKeys: String, CodingKey {
        case value, label, aliases
    }

    /// Encodes value, label and aliases (the spellings are derived, not stored).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(label, forKey: .label)
        try c.encode(aliases, forKey: .aliases)
    }

    /// Decodes an option; `aliases` may be left out, as it usually is in dialog files.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(value: try c.decode(String.self, forKey: .value),
                  label: try c.decode(LocalizedText.self, forKey: .label),
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }
}
