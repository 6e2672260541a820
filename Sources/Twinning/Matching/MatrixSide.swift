/// One of the two sides of a score matrix: its rows or its columns.
public enum MatrixSide: String, Sendable, Hashable {
    /// The rows (the first column of a score file holds their ids).
    case rows
    /// The columns (the header of a score file holds their ids).
    case columns

    /// The other side.
    public var other: MatrixSide { self == .rows ? .columns : .rows }
}
