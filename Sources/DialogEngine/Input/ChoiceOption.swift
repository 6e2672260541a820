/// One option of a choice question.
public struct ChoiceOption: Sendable, Hashable, Codable {
    /// The stable identifier stored in the slot; never shown, so labels can change freely.
    public var value: String
    /// What the participant sees, in both languages.
    public var label: LocalizedText
    /// Extra spellings that also select this option (`leraar` for `Docent`).
    public var aliases: [String]

    /// Creates an option.
    public init(value: String, label: LocalizedText, aliases: [String] = []) {
        self.value = value
        self.label = label
        self.aliases = aliases
    }

    private enum CodingKeys: String, CodingKey {
        case value, label, aliases
    }

    /// Decodes an option; `aliases` may be left out, as it usually is in dialog files.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(String.self, forKey: .value)
        label = try c.decode(LocalizedText.self, forKey: .label)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }
}
