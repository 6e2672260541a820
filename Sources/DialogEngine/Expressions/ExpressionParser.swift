/// Builds the syntax tree of an expression by precedence climbing: `parseExpression(above:)`
/// handles every binary operator, so that a bracket pair costs three stack frames however many
/// precedence levels the grammar has.
///
/// Functions that do not recurse are kept out of line (`@inline(never)`): every level of nesting
/// repeats the frames of the recursive ones, so those must stay small.
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

    // Binding strength, lowest first; `not` sits between `and` and the comparisons, so that
    // `not a == b` negates the comparison and `a == not b` is refused.
    private static let notPrecedence = 3

    private static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: return 4
        case .add, .subtract: return 5
        case .multiply, .divide, .remainder: return 6
        }
    }

    private let tokens: [ExpressionToken]
    // The kinds again, apart: checking a kind then copies one byte instead of a whole token,
    // which keeps the frames of the recursive functions small in unoptimised builds.
    private let kinds: [ExpressionToken.Kind]
    private let offsets: [Int]
    private var index = 0
    private var nesting = 0

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
        self.kinds = tokens.map(\.kind)
        self.offsets = tokens.map(\.offset)
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
        if parser.kind == .end {
            throw ExpressionError(message: "the expression is empty; write a condition or a value, e.g. plan.weeks >= 13", offset: 0)
        }
        let parsed = try parser.parseExpression(above: 0)
        guard parser.kind == .end else { throw parser.trailingError() }
        return parsed.node
    }

    // MARK: - Grammar

    /// An expression whose binary operators all bind at least as strongly as `minimum`.
    private mutating func parseExpression(above minimum: Int) throws(ExpressionError) -> Parsed {
        var left: Parsed
        if kind == .not {
            guard minimum <= Self.notPrecedence else { throw missingValueError() }
            left = try parseNot()
        } else {
            left = try parseUnary()
        }
        var leftIsComparison = false
        while let op = kind.binaryOperator, Self.precedence(op) >= minimum {
            if op.isComparison, leftIsComparison { throw Self.chainedComparison(at: offsets[index]) }
            let offset = advance()
            // One level up on the right makes equal-precedence operators group to the left.
            let right = try parseExpression(above: Self.precedence(op) + 1)
            left = try combine(.binary(op, left.node, right.node, offset: offset), left, right, at: offset)
            leftIsComparison = op.isComparison
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Parsed {
        let offset = advance()
        try enter(at: offset)
        defer { nesting -= 1 }
        let operand = try parseExpression(above: Self.notPrecedence)
        return try combine(.unary(.not, operand.node, offset: offset), operand, at: offset)
    }

    /// A unary minus or a primary: a literal, a slot, a call, a list or a bracketed expression.
    /// Only dispatches, since every bracket level repeats its frame.
    private mutating func parseUnary() throws(ExpressionError) -> Parsed {
        switch kind {
        case .minus: return try parseNegation()
        case .leftParen: return try parseParenthesised()
        case .leftBracket: return try parseList()
        case .name where nextKind == .leftParen: return try parseCall()
        default: return Parsed(node: try parseLeaf(), depth: 0)
        }
    }

    private mutating func parseNegation() throws(ExpressionError) -> Parsed {
        let offset = advance()
        try enter(at: offset)
        defer { nesting -= 1 }
        let operand = try parseUnary()
        return try combine(.unary(.negate, operand.node, offset: offset), operand, at: offset)
    }

    private mutating func parseParenthesised() throws(ExpressionError) -> Parsed {
        let open = index
        let offset = advance()
        try enter(at: offset)
        defer { nesting -= 1 }
        let inner = try parseExpression(above: 0)
        try expectClosing(.rightParen, "')'", opening: open, context: "")
        // A bracket pair adds no node but counts towards the depth, so that the limit means the
        // same whether an author nests with brackets or with operators.
        guard inner.depth < Expression.maximumDepth else { throw Self.tooDeep(at: offset) }
        return Parsed(node: inner.node, depth: inner.depth + 1)
    }

    @inline(never)
    private mutating func parseLeaf() throws(ExpressionError) -> ExpressionNode {
        let token = current
        let value: Value
        switch token.kind {
        case .integer, .decimal, .text: value = token.literal
        case .true: value = .bool(true)
        case .false: value = .bool(false)
        case .null: value = .null
        case .name:
            advance()
            return .slot(token.spelling, offset: token.offset)
        default:
            throw missingValueError()
        }
        advance()
        return .literal(value, offset: token.offset)
    }

    @inline(never)
    private mutating func parseList() throws(ExpressionError) -> Parsed {
        let open = index
        let offset = advance()
        var elements: [String] = []
        if kind == .rightBracket {
            advance()
            return Parsed(node: .literal(.list(elements), offset: offset), depth: 0)
        }
        while true {
            guard kind == .text, case .text(let element) = current.literal else {
                if kind == .end { throw Self.unclosed(tokens[open], "']'") }
                throw ExpressionError(
                    message: "a list holds only texts in quotes, as in ['a', 'b']; found \(current.display)",
                    offset: current.offset)
            }
            elements.append(element)
            advance()
            if kind == .comma {
                advance()
                continue
            }
            try expectClosing(.rightBracket, "']'", opening: open, context: " or ',' between the texts of the list")
            return Parsed(node: .literal(.list(elements), offset: offset), depth: 0)
        }
    }

    private mutating func parseCall() throws(ExpressionError) -> Parsed {
        let function = try function(named: index)
        let offset = advance()
        let open = index
        advance()
        try enter(at: offset)
        defer { nesting -= 1 }
        var arguments: [Parsed] = []
        if kind == .rightParen {
            advance()
        } else {
            while true {
                arguments.append(try parseExpression(above: 0))
                if kind == .comma {
                    advance()
                    continue
                }
                try expectClosing(.rightParen, "')'", opening: open, context: " or ',' between the arguments of \(function.name)()")
                break
            }
        }
        return try Self.call(function, arguments, at: offset)
    }

    @inline(never)
    private func function(named nameIndex: Int) throws(ExpressionError) -> ExpressionFunction {
        let name = tokens[nameIndex]
        guard let function = ExpressionFunction(name: name.spelling) else {
            throw ExpressionError(
                message: "unknown function '\(name.spelling)'; the functions are \(ExpressionFunction.knownNames)",
                offset: name.offset)
        }
        return function
    }

    @inline(never)
    private static func call(_ function: ExpressionFunction, _ arguments: [Parsed], at offset: Int) throws(ExpressionError) -> Parsed {
        guard arguments.count == function.arity else {
            throw ExpressionMessages.arity(function, found: arguments.count, at: offset)
        }
        if function == .isSet, let argument = arguments.first {
            guard case .slot = argument.node else {
                throw ExpressionError(
                    message: "is_set() needs a slot name, as in is_set(profile.email), not a computed value",
                    offset: argument.node.start)
            }
        }
        let depth = (arguments.map(\.depth).max() ?? 0) + 1
        guard depth <= Expression.maximumDepth else { throw tooDeep(at: offset) }
        return Parsed(node: .call(function, arguments.map(\.node), offset: offset), depth: depth)
    }

    // MARK: - Helpers

    // The token list always ends with `.end`, and `advance` never moves past it.
    private var current: ExpressionToken {
        tokens[index]
    }

    private var kind: ExpressionToken.Kind {
        kinds[index]
    }

    private var nextKind: ExpressionToken.Kind {
        kinds[min(index + 1, kinds.count - 1)]
    }

    /// Moves past the current token and returns its offset.
    @discardableResult
    private mutating func advance() -> Int {
        let offset = offsets[index]
        if index < tokens.count - 1 { index += 1 }
        return offset
    }

    private mutating func enter(at offset: Int) throws(ExpressionError) {
        nesting += 1
        guard nesting <= Expression.maximumDepth else { throw Self.tooDeep(at: offset) }
    }

    @inline(never)
    private func combine(_ node: ExpressionNode, _ children: Parsed..., at offset: Int) throws(ExpressionError) -> Parsed {
        let depth = (children.map(\.depth).max() ?? 0) + 1
        guard depth <= Expression.maximumDepth else { throw Self.tooDeep(at: offset) }
        return Parsed(node: node, depth: depth)
    }

    @inline(never)
    private mutating func expectClosing(
        _ kind: ExpressionToken.Kind, _ symbol: String, opening openingIndex: Int, context: String
    ) throws(ExpressionError) {
        if self.kind == kind {
            advance()
            return
        }
        let opening = tokens[openingIndex]
        if self.kind == .end { throw Self.unclosed(opening, symbol) }
        throw ExpressionError(
            message: "expected \(symbol)\(context) to close the '\(opening.spelling)', but found \(current.display)",
            offset: current.offset)
    }

    private static func chainedComparison(at offset: Int) -> ExpressionError {
        ExpressionError(
            message: "comparisons cannot be chained; join them with 'and', as in a < b and b < c",
            offset: offset)
    }

    private static func unclosed(_ opening: ExpressionToken, _ symbol: String) -> ExpressionError {
        ExpressionError(message: "this '\(opening.spelling)' is never closed; add a \(symbol)", offset: opening.offset)
    }

    private static func tooDeep(at offset: Int) -> ExpressionError {
        ExpressionError(
            message: "the expression is nested too deeply (more than \(Expression.maximumDepth) levels of brackets, operators and function calls); split it into simpler conditions or steps",
            offset: offset)
    }

    @inline(never)
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

    @inline(never)
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
