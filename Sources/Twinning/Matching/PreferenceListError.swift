/// Why preference lists cannot be matched: an entry that names nobody, or somebody twice.
///
/// `side` is the side whose list is wrong, `member` the index of the list's owner and
/// `position` the index within the list, all 0-based.
public enum PreferenceListError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The entry is not an index of the other side (which has `limit` members).
    case outOfRange(side: MatrixSide, member: Int, position: Int, value: Int, limit: Int)
    /// The entry repeats one at `firstPosition` of the same list.
    case duplicate(side: MatrixSide, member: Int, position: Int, value: Int, firstPosition: Int)

    public var description: String {
        switch self {
        case .outOfRange(let side, let member, let position, let value, let limit):
            let other = side == .rows ? "column" : "row"
            return "the preferences of \(side == .rows ? "row" : "column") \(member) name \(other) \(value) at place \(position), but the \(other)s are numbered 0 to \(limit - 1)"
        case .duplicate(let side, let member, let position, let value, let firstPosition):
            let other = side == .rows ? "column" : "row"
            return "the preferences of \(side == .rows ? "row" : "column") \(member) name \(other) \(value) twice (at places \(firstPosition) and \(position)); rank everyone once"
        }
    }
}
