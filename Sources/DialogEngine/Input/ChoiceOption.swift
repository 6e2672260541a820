public import TwinLanguage

/// One option of a choice question.
public struct ChoiceOption: Sendable, Hashable, Codable {
    /// The stable identifier stored in the slot; never shown, so labels can change freely.
    public var value: String { didSet { folded = nil } }
    /// What the participant sees, in both languages.
    public var label: LocalizedText { didSet { folded = nil } }
    /// Extra spellings that also select this option (`leraar` for `Docent`).
    public var aliases: [String] { didSet { folded = nil } }
    /// The spellings folded when the option was made; dropped when it is changed (a label
    /// filled in for one turn), whose spellings are then folded only if an answer is matched.
    private var folded: ChoiceSpellings?

    /// The option's spellings as answers are compared with them.
    var spellings: ChoiceSpellings {
        folded ?? ChoiceSpellings(value: value, label: label, aliases: aliases)
    }

    /// Creates an option.
    public init(value: String, label: LocalizedText, aliases: [String] = []) {
        self.value = value
        self.label = label
        self.aliases = aliases
        folded = ChoiceSpellings(value: value, label: label, aliases: aliases)
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
