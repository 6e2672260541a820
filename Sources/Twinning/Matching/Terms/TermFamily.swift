public import TwinLanguage

/// One family of related terms, with its name for explanations.
public struct TermFamily: Sendable, Hashable {
    /// A stable id (`natuurkunde_techniek`), for merging a coordinator's additions.
    public var id: String
    /// The family's name in both languages, shown in a match's reasons.
    public var label: LocalizedText
    /// The terms, as written in the table.
    public var terms: [String]

    /// Creates a family.
    public init(id: String, label: LocalizedText, terms: [String]) {
        self.id = id
        self.label = label
        self.terms = terms
    }
}
