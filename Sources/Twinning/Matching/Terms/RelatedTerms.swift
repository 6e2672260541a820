import TwinLanguage


/// Which words in a participant's own description of their prior education, target group or
/// position mean something related: the table that lets matching see that
/// `lerarenopleiding natuurkunde` and `werktuigbouwkunde aan de TU Delft` are close, or that
/// `vmbo-leerlingen` and `(v)mbo-stagiairs` are the same kind of people.
///
/// The table is data, written by people (`Dialogs/matching/terms.yaml`); this type only reads
/// texts against it. Two texts are related on a family when both mention one of its terms.
public struct RelatedTerms: Sendable, Hashable {
    /// The families of studies, subjects and positions (prior education and `functie`).
    public var studies: [TermFamily]
    /// The families of target groups: the people someone teaches or works with.
    public var targetGroups: [TermFamily]

    /// Creates a table.
    public init(studies: [TermFamily] = [], targetGroups: [TermFamily] = []) {
        self.studies = studies
        self.targetGroups = targetGroups
    }

    /// An empty table: nothing counts as related.
    public static let empty = RelatedTerms()

    /// The table with `other`'s families added: a family of the same id gets `other`'s terms
    /// added (and its label, when `other` gives one); new families are appended.
    public func merged(with other: RelatedTerms) -> RelatedTerms {
        RelatedTerms(studies: Self.merge(studies, other.studies), targetGroups: Self.merge(targetGroups, other.targetGroups))
    }

    private static func merge(_ base: [TermFamily], _ extra: [TermFamily]) -> [TermFamily] {
        var result = base
        for family in extra {
            if let index = result.firstIndex(where: { $0.id == family.id }) {
                result[index].terms += family.terms.filter { !result[index].terms.contains($0) }
                if !family.label.nl.isEmpty { result[index].label = family.label }
            } else {
                result.append(family)
            }
        }
        return result
    }
}
