/// Builds the syntax tree of an expression by recursive descent, one function per precedence
/// level: or, and, not, comparison, additive, multiplicative, unary minus, primary.
///
/// Nesting is bounded twice over: on the way down (brackets, prefix operators and calls) so that
/// the parser's own recursion cannot exhaust the stack, and on the way up (the finished tree's
/// depth, which long operator chains also raise) so that type checking and evaluation, which
/// recurse over the tree, cannot either.
struct ExpressionParser {
    /// A parsed subtree with its depth: operators, calls and bracket pairs on its deepest path.
    private struct Parsed {
        let node: ExpressionNode
        let depth: Int
    }

    private let tokens: [ExpressionToken]
    private var index = 0
    private var nesting = 0

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    /// The syntax tree of `source`, or the first syntax error in it.
    static func parse(_ source: String) throws(ExpressionError) -> ExpressionNode {
        let length = source.count
        guard length <= Expression.maximumLength else {
            throw ExpressionError(
                message: "the expression is \(length) characters long; the limit is \(Expression.maximumLength), so split it into simpler conditions or steps",
                offset: Expression.maximumLength)
        }
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(of: source))
        if parser.current.kind == .end {
            throw ExpressionError(message: "the expression is empty; write a condition or a value, e.g. plan.weeks >= 13", offset: 0)
        }
        let parsed = try parser.parseOr()
        guard parser.current.kind == .end else { throw parser.trailingError() }
        return parsed.node
    }

    // MARK: - Precedence levels

    private mutating func parseOr() throws(ExpressionError) -> Parsed {
        var left = try parseAnd()
        while current.kind == .or {
            let op = advance()
            let right = try parseAnd()
            left = try combine(.binary(.or, left.node, right.node, offset: op.offset), left, right, at: op.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Parsed {
        var left = try parseNot()
        while current.kind == .and {
            let op = advance()
            let right = try parseNot()
            left = try combine(.binary(.and, left.node, right.node, offset: op.offset), left, right, at: op.offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Parsed {
        guard current.kind == .not else { return try parseComparison() }
        let op = advance()
        try enter(at: op.offset)
        defer { nesting -= 1 }
        let operand = try parseNot()
        return try combine(.unary(.not, operand.node, offset: op.offset), operand, at: op.offset)
    }

    private mutating func parseComparison() throws(ExpressionError) -> Parsed {
        let left = try parseAdditive()
        guard let op = current.binaryOperator, op.isComparison else { return left }
        let opToken = advance()
        let right = try parseAdditive()
        if let next = current.binaryOperator, next.isComparison {
            throw ExpressionError(
                message: "comparisons cannot be chained; join them with 'and', as in a < b and b < c",
                offset: current.offset)
        }
        return try combine(.binary(op, left.node, right.node, offset: opToken.offset), left, right, at: opToken.offset)
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Parsed {
        var left = try parseMultiplicative()
        while let op = current.binaryOperator, op == .add || op == .subtract {
            let opToken = advance()
            let right = try parseMultiplicative()
            left = try combine(.binary(op, left.node, right.node, offset: opToken.offset), left, right, at: opToken.offset)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Parsed {
        var left = try parseUnary()
        while let op = current.binaryOperator, op == .multiply || op == .divide || op == .remainder {
            let opToken = advance()
            let right = try parseUnary()
            left = try combine(.binary(op, left.node, right.node, offset: opToken.offset), left, right, at: opToken.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Parsed {
        guard current.kind == .minus else { return try parsePrimary() }
        let op = advance()
        try enter(at: op.offset)
        defer { nesting -= 1 }
        let operand = try parseUnary()
        return try combine(.unary(.negate, operand.node, offset: op.offset), operand, at: op.offset)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Parsed {
        let token = current
        switch token.kind {
        case .integer(let i):
            advance()
            return Parsed(node: .literal(.integer(i), offset: token.offset), depth: 0)
        case .decimal(let d):
            advance()
            return Parsed(node: .literal(.number(d), offset: token.offset), depth: 0)
        case .text(let s):
            advance()
            return Parsed(node: .literal(.text(s), offset: token.offset), depth: 0)
        case .true, .false, .null:
            advance()
            let value: Value = token.kind == .null ? .null : .bool(token.kind == .true)
            return Parsed(node: .literal(value, offset: token.offset), depth: 0)
        case .leftBracket:
            return try parseList()
        case .leftParen:
            advance()
            try enter(at: token.offset)
            defer { nesting -= 1 }
            let inner = try parseOr()
            try expectClosing(.rightParen, "')'", opening: token, context: "")
            // A bracket pair adds no node but counts towards the depth, so that the limit means
            // the same whether an author nests with brackets or with operators.
            guard inner.depth < Expression.maximumDepth else { throw Self.tooDeep(at: token.offset) }
            return Parsed(node: inner.node, depth: inner.depth + 1)
        case .name(let name):
            advance()
            if current.kind == .leftParen { return try parseCall(name: token) }
            return Parsed(node: .slot(name, offset: token.offset), depth: 0)
        default:
            throw missingValueError()
        }
    }

    private mutating func parseList() throws(ExpressionError) -> Parsed {
        let open = advance()
        var elements: [String] = []
        if current.kind == .rightBracket {
            advance()
            return Parsed(node: .literal(.list(elements), offset: open.offset), depth: 0)
        }
        while true {
            guard case .text(let element) = current.kind else {
                if current.kind == .end { throw Self.unclosed(open, "']'") }
                throw ExpressionError(
                    message: "a list holds only texts in quotes, as in ['a', 'b']; found \(current.display)",
                    offset: current.offset)
            }
            elements.append(element)
            advance()
            if current.kind == .comma {
                advance()
                continue
            }
            try expectClosing(.rightBracket, "']'", opening: open, context: " or ',' between the texts of the list")
            return Parsed(node: .literal(.list(elements), offset: open.offset), depth: 0)
        }
    }

    private mutating func parseCall(name: ExpressionToken) throws(ExpressionError) -> Parsed {
        guard let function = ExpressionFunction(name: name.spelling) else {
            throw ExpressionError(
                message: "unknown function '\(name.spelling)'; the functions are \(ExpressionFunction.knownNames)",
                offset: name.offset)
        }
        let open = advance()
        try enter(at: name.offset)
        defer { nesting -= 1 }
        var arguments: [Parsed] = []
        if current.kind == .rightParen {
            advance()
        } else {
            while true {
                arguments.append(try parseOr())
                if current.kind == .comma {
                    advance()
                    continue
                }
                try expectClosing(.rightParen, "')'", opening: open, context: " or ',' between the arguments of \(function.name)()")
                break
            }
        }
        guard arguments.count == function.arity else {
            throw ExpressionMessages.arity(function, found: arguments.count, at: name.offset)
        }
        if function == .isSet, let argument = arguments.first {
            guard case .slot = argument.node else {
                throw ExpressionError(
                    message: "is_set() needs a slot name, as in is_set(profile.email), not a computed value",
                    offset: argument.node.start)
            }
        }
        let depth = (arguments.map(\.depth).max() ?? 0) + 1
        guard depth <= Expression.maximumDepth else { throw Self.tooDeep(at: name.offset) }
        return Parsed(node: .call(function, arguments.map(\.node), offset: name.offset), depth: depth)
    }

    // MARK: - Helpers

    private var current: ExpressionToken {
        // The token list always ends with `.end` and the parser never moves past it.
        tokens[min(index, tokens.count - 1)]
    }

    @discardableResult
    private mutating func advance() -> ExpressionToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func enter(at offset: Int) throws(ExpressionError) {
        nesting += 1
        guard nesting <= Expression.maximumDepth else { throw Self.tooDeep(at: offset) }
    }

    private func combine(_ node: ExpressionNode, _ children: Parsed..., at offset: Int) throws(ExpressionError) -> Parsed {
        let depth = (children.map(\.depth).max() ?? 0) + 1
        guard depth <= Expression.maximumDepth else { throw Self.tooDeep(at: offset) }
        return Parsed(node: node, depth: depth)
    }

    private mutating func expectClosing(
        _ kind: ExpressionToken.Kind, _ symbol: String, opening: ExpressionToken, context: String
    ) throws(ExpressionError) {
        if current.kind == kind {
            advance()
            return
        }
        if current.kind == .end { throw Self.unclosed(opening, symbol) }
        throw ExpressionError(
            message: "expected \(symbol)\(context) to close the '\(opening.spelling)' at offset \(opening.offset), but found \(current.display)",
            offset: current.offset)
    }

    private static func unclosed(_ opening: ExpressionToken, _ symbol: String) -> ExpressionError {
        ExpressionError(message: "this '\(opening.spelling)' is never closed; add a \(symbol)", offset: opening.offset)
    }

    private static func tooDeep(at offset: Int) -> ExpressionError {
        ExpressionError(
            message: "the expression is nested too deeply (more than \(Expression.maximumDepth) levels of brackets, operators and function calls); split it into simpler conditions or steps",
            offset: offset)
    }

    private func missingValueError() -> ExpressionError {
        let token = current
        let previous = index > 0 ? tokens[index - 1] : nil
        if token.kind == .end, let previous {
            return ExpressionError(
                message: "the expression ends too early: \(previous.display) needs a value after it",
                offset: token.offset)
        }
        if token.kind == .rightParen, let previous, previous.kind == .leftParen {
            return ExpressionError(message: "empty brackets; put an expression between '(' and ')'", offset: token.offset)
        }
        if token.kind == .not {
            return ExpressionError(
                message: "'not' can only start a condition here; put it in brackets, as in a == (not b)",
                offset: token.offset)
        }
        let after = previous.map { " after \($0.display)" } ?? ""
        return ExpressionError(
            message: "expected a value (a number, a text, a slot name or a bracket)\(after), but found \(token.display)",
            offset: token.offset)
    }

    private func trailingError() -> ExpressionError {
        let token = current
        if token.kind == .rightParen {
            return ExpressionError(message: "there is no '(' for this ')'; remove it or add a '(' before it", offset: token.offset)
        }
        if token.kind == .not, index + 1 < tokens.count, tokens[index + 1].kind == .in {
            return ExpressionError(
                message: "'not in' does not exist; write not (x in list)",
                offset: token.offset)
        }
        return ExpressionError(
            message: "\(token.display) cannot follow a complete expression; join the parts with an operator such as 'and', 'or' or '+'",
            offset: token.offset)
    }
}
