/// A `RelatedTerms` table made ready for scoring: one matcher per list, built once per scorer.
struct PreparedTerms: Sendable {
    let table: RelatedTerms
    let studies: TermMatcher
    let targetGroups: TermMatcher

    init(_ table: RelatedTerms) {
        self.table = table
        studies = TermMatcher(table.studies)
        targetGroups = TermMatcher(table.targetGroups)
    }

    /// Whether every family has a bit of its own in a 64-bit mask; a coordinator's very long
    /// table makes the scorer compare lists instead.
    var fitMasks: Bool { table.studies.count < 63 && table.targetGroups.count < 63 }
}
