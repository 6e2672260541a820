/// A place in a dialog script, for diagnostics: `Dialogs/intake.yaml:12:5`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as the author named it (relative paths stay relative).
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same place moved `offset` characters to the right, for a problem inside a scalar.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
