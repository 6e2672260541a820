/// One lexical unit of an expression, with the character offset it starts at.
struct ExpressionToken: Sendable {
    /// What the token is. Payload-free, so that the parser's many kind checks stay cheap.
    enum Kind: Sendable, Hashable {
        case integer, decimal, text
        /// A slot path or function name: identifiers joined by dots, spelled as written.
        case name
        case and, or, not, `in`, `true`, `false`, null
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case plus, minus, star, slash, percent
        case end
    }

    /// What the token is.
    let kind: Kind
    /// The 0-based character offset of its first character.
    let offset: Int
    /// The token exactly as written, for error messages.
    let spelling: String
    /// The value of an integer, decimal or text token (with escapes resolved); `.null` otherwise.
    let literal: Value

    /// Creates a token; `literal` only for integer, decimal and text tokens.
    init(kind: Kind, offset: Int, spelling: String, literal: Value = .null) {
        self.kind = kind
        self.offset = offset
        self.spelling = spelling
        self.literal = literal
    }

    /// The token as an error message names it: `'+'`, `the text 'abc'`, `the end of the expression`.
    var display: String {
        switch kind {
        case .end: return "the end of the expression"
        case .text: return "the text \(Self.shorten(spelling))"
        default: return "'\(Self.shorten(spelling))'"
        }
    }

    // A long text in a message would hide the point of the message.
    private static func shorten(_ text: String) -> String {
        text.count > 30 ? String(text.prefix(27)) + "…" : text
    }
}

extension ExpressionToken.Kind {
    /// The binary operator this kind of token spells, if any.
    var binaryOperator: BinaryOperator? {
        switch self {
        case .or: return .or
        case .and: return .and
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        case .in: return .in
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .remainder
        default: return nil
        }
    }
}
