#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Breaks text into rows of a terminal's width at spaces, so that words are not cut in two
/// by the terminal's own wrapping.
public enum TextWrapper {
    /// The width of standard output in columns when it is a terminal, else `nil`.
    public static func standardOutputColumns() -> Int? {
        isatty(STDOUT_FILENO) == 1 ? TerminalOutput.columns(of: STDOUT_FILENO) : nil
    }

    /// `line` in rows of at most `width` columns. Continuation rows are indented like the
    /// line's text: past its leading spaces and a list marker (`1. `, `- `, `• `). A word
    /// longer than a row is cut, as nothing else can be done with it.
    public static func wrap(_ line: String, width: Int) -> [String] {
        let width = max(10, width)
        let characters = Array(line)
        guard characters.reduce(0, { $0 + $1.terminalColumns }) > width else { return [line] }
        let indent = String(repeating: " ", count: min(width / 2, hangingIndent(characters)))
        var rows: [String] = []
        var row = ""
        var rowWidth = 0
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = word.reduce(0) { $0 + $1.terminalColumns }
            let separator = row.isEmpty || row == indent ? 0 : 1
            if rowWidth + separator + wordWidth <= width {
                if separator == 1 { row += " " }
                row += word
                rowWidth += separator + wordWidth
                continue
            }
            if !row.isEmpty, row != indent { rows.append(row) }
            row = rows.isEmpty ? "" : indent
            rowWidth = row.count
            for character in word {
                if rowWidth + character.terminalColumns > width {
                    rows.append(row)
                    row = indent
                    rowWidth = indent.count
                }
                row.append(character)
                rowWidth += character.terminalColumns
            }
        }
        if !row.isEmpty, row != indent { rows.append(row) }
        return rows
    }

    /// The columns before the text of a list item or an indented line.
    private static func hangingIndent(_ characters: [Character]) -> Int {
        var index = 0
        while index < characters.count, characters[index] == " " { index += 1 }
        var marker = index
        while marker < characters.count, characters[marker].isNumber { marker += 1 }
        if marker > index, marker < characters.count, characters[marker] == "." || characters[marker] == ")" {
            marker += 1
        } else if marker == index, index < characters.count, "-•*".contains(characters[index]) {
            marker += 1
        } else {
            return index
        }
        return marker < characters.count && characters[marker] == " " ? marker + 1 : index
    }
}
