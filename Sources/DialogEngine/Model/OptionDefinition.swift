import TwinLanguage
import Foundation

/// An option of a choice question as written: the option itself and when it is shown.
public struct OptionDefinition: Sendable, Hashable {
    /// The option (stable value, translated label, aliases).
    public var option: ChoiceOption
    /// Shown only when this holds; `nil` for always.
    public var condition: ScriptExpression?
    /// Whether the option is listed and numbered. An unlisted option (`listed: false`) is
    /// accepted by its value, label and aliases while its condition holds, but takes no number
    /// and is not among the prompt's options — for something that waits now and then, so that
    /// the numbers of the listed options never move (the dialog names its keyword itself).
    public var listed: Bool
    /// Where the option is written.
    public var location: SourceLocation
    /// Whether the label holds `{{slot}}` placeholders to fill when it is shown.
    public let labelHasTemplates: Bool
    /// The label's templates, parsed once at load, when it has placeholders.
    let labelTemplates: (nl: Template, en: Template)?

    /// Creates an option definition.
    public init(option: ChoiceOption, condition: ScriptExpression?, listed: Bool = true, location: SourceLocation) {
        self.option = option
        self.condition = condition
        self.listed = listed
        self.location = location
        self.labelHasTemplates = option.label.nl.contains("{{") || option.label.en.contains("{{")
        labelTemplates = labelHasTemplates ? (Template(option.label.nl), Template(option.label.en)) : nil
    }

    /// Definitions are equal when what they define is; the parsed templates follow from it.
    public static func == (a: OptionDefinition, b: OptionDefinition) -> Bool {
        a.option == b.option && a.condition == b.condition && a.listed == b.listed && a.location == b.location
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(option)
        hasher.combine(condition)
        hasher.combine(listed)
        hasher.combine(location)
    }
}
