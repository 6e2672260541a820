/// Why no assignment pairs every member of the smaller side: some of its members together allow
/// fewer partners than their number, so one of them would always stay unpaired (Hall's
/// condition fails for them).
///
/// The members are the ones the solver was searching from when it found no free partner within
/// reach; every partner any of them allows is listed in `partners`, and there are fewer of
/// those than members.
public struct InfeasibleAssignment: Error, Sendable, Hashable, CustomStringConvertible {
    /// The side that must be paired completely: the smaller one, rows when both are equal.
    public let side: MatrixSide
    /// Indices (0-based, ascending) on `side` that together allow too few partners.
    public let members: [Int]
    /// Every index (0-based, ascending) on the other side that any member allows; always fewer
    /// than the members.
    public let partners: [Int]

    /// A failure for the given members and the partners they allow.
    public init(side: MatrixSide, members: [Int], partners: [Int]) {
        self.side = side
        self.members = members.sorted()
        self.partners = partners.sorted()
    }

    public var description: String {
        explanation(memberName: { "#\($0)" }, partnerName: { "#\($0)" })
    }

    /// The reason in words, naming the members and partners with `memberName` and
    /// `partnerName` (ids from a score file, say); long lists are shortened.
    public func explanation(memberName: (Int) -> String, partnerName: (Int) -> String) -> String {
        let memberWord = side == .rows ? "row" : "column"
        let partnerWord = side == .rows ? "column" : "row"
        let why = side == .rows
            ? "every row needs a column of its own (there are no more rows than columns)"
            : "every column needs a row of its own (there are fewer columns than rows)"
        if members.count == 1, partners.isEmpty {
            let name = memberName(members[0])
            return "\(memberWord) \(name) allows no \(partnerWord) (all its cells are empty), but \(why); give it at least one score"
        }
        let memberList = Self.list(members.map(memberName))
        let partnerList = partners.isEmpty ? "" : " (\(Self.list(partners.map(partnerName))))"
        let count = partners.count == 1 ? "one \(partnerWord)" : "\(partners.count) \(partnerWord)s"
        return "the \(members.count) \(memberWord)s \(memberList) together allow only \(count)\(partnerList), but \(why); fill in more of their cells or leave one of them out"
    }

    /// Up to ten names joined with commas, then how many more there are.
    private static func list(_ names: [String]) -> String {
        let limit = 10
        if names.count <= limit { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
