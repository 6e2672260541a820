/// Splits an expression's source into tokens.
///
/// Works on `Character`s so that offsets count characters as an author sees them, which is what
/// the loader adds to a YAML column.
struct ExpressionLexer {
    private let characters: [Character]
    private var position = 0

    private static let keywords: [String: ExpressionToken.Kind] = [
        "and": .and, "or": .or, "not": .not, "in": .in,
        "true": .true, "false": .false, "null": .null,
    ]

    private init(_ source: String) {
        characters = Array(source)
    }

    /// All tokens of `source`, ending with an `.end` token at the source's length.
    static func tokens(of source: String) throws(ExpressionError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(source)
        var tokens: [ExpressionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionError) -> ExpressionToken {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard let c = peek() else { return ExpressionToken(kind: .end, offset: start, spelling: "") }
        if Self.isDigit(c) { return try number() }
        if Self.isIdentifierStart(c) { return try name() }
        position += 1
        switch c {
        case "'", "\"": return try text(quote: c, start: start)
        case "(": return token(.leftParen, from: start)
        case ")": return token(.rightParen, from: start)
        case "[": return token(.leftBracket, from: start)
        case "]": return token(.rightBracket, from: start)
        case ",": return token(.comma, from: start)
        case "+": return token(.plus, from: start)
        case "-": return token(.minus, from: start)
        case "*": return token(.star, from: start)
        case "/": return token(.slash, from: start)
        case "%": return token(.percent, from: start)
        case "<": return token(take("=") ? .lessOrEqual : .less, from: start)
        case ">": return token(take("=") ? .greaterOrEqual : .greater, from: start)
        case "=":
            guard take("=") else {
                throw ExpressionError(message: "a single '=' does not compare; write '==' to compare two values", offset: start)
            }
            return token(.equal, from: start)
        case "!":
            guard take("=") else {
                throw ExpressionError(message: "'!' is not an operator; write 'not' to negate a condition, or '!=' for 'not equal'", offset: start)
            }
            return token(.notEqual, from: start)
        case "&":
            throw ExpressionError(message: "'&' is not an operator; write 'and' to join two conditions", offset: start)
        case "|":
            throw ExpressionError(message: "'|' is not an operator; write 'or' to join two conditions", offset: start)
        case ".":
            throw ExpressionError(message: "unexpected '.'; a decimal number needs a digit before the '.', as in 0.5, and a slot name starts with a letter", offset: start)
        default:
            throw ExpressionError(message: "unexpected character '\(c)'; expressions use numbers, texts in quotes, slot names, operators and brackets", offset: start)
        }
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        position + ahead < characters.count ? characters[position + ahead] : nil
    }

    private mutating func take(_ expected: Character) -> Bool {
        guard peek() == expected else { return false }
        position += 1
        return true
    }

    private func token(_ kind: ExpressionToken.Kind, from start: Int) -> ExpressionToken {
        ExpressionToken(kind: kind, offset: start, spelling: String(characters[start..<position]))
    }

    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = position
        while let c = peek(), Self.isDigit(c) { position += 1 }
        var isDecimal = false
        if peek() == "." {
            guard let after = peek(1), Self.isDigit(after) else {
                throw ExpressionError(message: "a decimal number needs digits after the '.', as in 19.5", offset: position)
            }
            isDecimal = true
            position += 1
            while let c = peek(), Self.isDigit(c) { position += 1 }
        }
        let spelling = String(characters[start..<position])
        if isDecimal {
            guard let value = Double(spelling), value.isFinite else {
                throw ExpressionError(message: "the number \(spelling) is too large", offset: start)
            }
            return ExpressionToken(kind: .decimal, offset: start, spelling: spelling, literal: .number(value))
        }
        guard let value = Int(spelling) else {
            throw ExpressionError(message: "the whole number \(spelling) is too large; the largest is \(Int.max)", offset: start)
        }
        return ExpressionToken(kind: .integer, offset: start, spelling: spelling, literal: .integer(value))
    }

    private mutating func name() throws(ExpressionError) -> ExpressionToken {
        let start = position
        var segmentStart = position
        while true {
            while let c = peek(), Self.isIdentifierPart(c) { position += 1 }
            let segment = String(characters[segmentStart..<position])
            let isPath = segmentStart > start || peek() == "."
            if isPath, Self.keywords[segment] != nil {
                throw ExpressionError(
                    message: "'\(segment)' is a word of the expression language and cannot be part of a slot name",
                    offset: segmentStart)
            }
            guard peek() == "." else { break }
            position += 1
            guard let c = peek(), Self.isIdentifierStart(c) else {
                throw ExpressionError(
                    message: "a slot name cannot end with '.' or have a part that starts with a digit; write it like profile.side",
                    offset: position)
            }
            segmentStart = position
        }
        let spelling = String(characters[start..<position])
        return ExpressionToken(kind: Self.keywords[spelling] ?? .name, offset: start, spelling: spelling)
    }

    private mutating func text(quote: Character, start: Int) throws(ExpressionError) -> ExpressionToken {
        var value = ""
        while let c = peek() {
            position += 1
            if c == quote {
                return ExpressionToken(
                    kind: .text, offset: start, spelling: String(characters[start..<position]), literal: .text(value))
            }
            guard c == "\\" else {
                value.append(c)
                continue
            }
            guard let escaped = peek() else { break }
            guard escaped == "'" || escaped == "\"" || escaped == "\\" else {
                throw ExpressionError(
                    message: "unknown escape '\\\(escaped)' in a text; only \\', \\\" and \\\\ are allowed",
                    offset: position - 1)
            }
            value.append(escaped)
            position += 1
        }
        throw ExpressionError(
            message: "this text is never closed; add a \(quote) at its end",
            offset: start)
    }

    // ASCII only, matching the loader's rule for slot names.
    private static func isDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
        return a >= 48 && a <= 57
    }

    private static func isIdentifierStart(_ c: Character) -> Bool {
        guard let a = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
        return (a >= 65 && a <= 90) || (a >= 97 && a <= 122) || a == 95
    }

    private static func isIdentifierPart(_ c: Character) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }
}
