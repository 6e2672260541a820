import Twinning

/// How `jobtwin match` prints an assignment of a score matrix.
enum MatchReport {
    /// `total: …`, then `row → column  (score …)` per pair in row order, ids aligned, then
    /// who stays unpaired, if anyone.
    static func text(_ assignment: Assignment, _ matrix: ScoreMatrix) -> String {
        var output = "total: \(number(assignment.total))\n"
        let rowWidth = assignment.pairs.map { matrix.rowIDs[$0.row].count }.max() ?? 0
        let columnWidth = assignment.pairs.map { matrix.columnIDs[$0.column].count }.max() ?? 0
        for pair in assignment.pairs {
            output += padded(matrix.rowIDs[pair.row], to: rowWidth)
            output += " → "
            output += padded(matrix.columnIDs[pair.column], to: columnWidth)
            output += "  (score \(number(pair.score)))\n"
        }
        if matrix.rowIDs.count != matrix.columnIDs.count {
            let rows = matrix.rowIDs.count > matrix.columnIDs.count
            var paired = [Bool](repeating: false, count: rows ? matrix.rowIDs.count : matrix.columnIDs.count)
            for pair in assignment.pairs { paired[rows ? pair.row : pair.column] = true }
            let ids = rows ? matrix.rowIDs : matrix.columnIDs
            let unpaired = ids.indices.filter { !paired[$0] }.map { ids[$0] }
            output += "unpaired \(rows ? "rows" : "columns"): \(unpaired.joined(separator: ", "))\n"
        }
        return output
    }

    /// `{"total": …, "pairs": [{"row": …, "column": …, "score": …}, …]}` on one line, pairs in
    /// row order.
    static func json(_ assignment: Assignment, _ matrix: ScoreMatrix) -> String {
        var output = "{\"total\": \(number(assignment.total)), \"pairs\": ["
        for (index, pair) in assignment.pairs.enumerated() {
            if index > 0 { output += ", " }
            output += "{\"row\": \(jsonString(matrix.rowIDs[pair.row])), \"column\": \(jsonString(matrix.columnIDs[pair.column])), \"score\": \(number(pair.score))}"
        }
        output += "]}\n"
        return output
    }

    /// A score as a person and JSON both read it: whole numbers without `.0`, others in the
    /// shortest form that reads back as the same `Double`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            // Also turns -0 into 0.
            return String(Int64(value))
        }
        return value.description
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// `text` followed by spaces up to `width` characters.
    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
