import Yams

/// Reading helpers over Yams nodes that know where each node is written.
extension Node {
    /// The node's location in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The text of a scalar node.
    var scalarText: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }

    /// Whether the scalar was written in quotes (expression offsets then start one further).
    var isQuotedScalar: Bool {
        if case .scalar(let s) = self { return s.style == .singleQuoted || s.style == .doubleQuoted }
        return false
    }

    /// The key–value pairs of a mapping node, keys as text.
    var mappingPairs: [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let m) = self else { return nil }
        return m.map { pair in (pair.key.scalarText ?? "", pair.key, pair.value) }
    }

    /// The elements of a sequence node.
    var sequenceElements: [Node]? {
        if case .sequence(let s) = self { return Array(s) }
        return nil
    }

    /// How many nodes this node expands to, stopping early past `limit`.
    func expandedCount(limit: Int) -> Int {
        var count = 0
        var stack: [Node] = [self]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch node {
            case .mapping(let m):
                for pair in m {
                    stack.append(pair.key)
                    stack.append(pair.value)
                }
            case .sequence(let s):
                stack.append(contentsOf: s)
            case .scalar, .alias:
                break
            }
        }
        return count
    }

    /// A short name of the node's kind for messages.
    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping (key: value)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
