import DialogEngine
import Testing

/// Parsing: precedence, literals, slot references, syntax errors with their offsets, and the
/// length and depth limits that protect the engine from pathological scripts.
@Suite("Expression parser")
struct ExpressionParserTests {
    /// Parses `source` and renders it fully bracketed, which makes the tree's shape visible.
    private func shape(_ source: String) throws -> String {
        try Expression.parse(source).root.description
    }

    /// The error `parse` throws for `source`, or `nil` when it parses.
    private func parseError(_ source: String) -> ExpressionError? {
        do {
            _ = try Expression.parse(source)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Precedence

    @Test("precedence and associativity", arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 * 2 + 3", "((1 * 2) + 3)"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("1 - 2 + 3", "((1 - 2) + 3)"),
        ("8 / 4 / 2", "((8 / 4) / 2)"),
        ("7 % 3 * 2", "((7 % 3) * 2)"),
        ("1 + 7 % 3", "(1 + (7 % 3))"),
        ("-2 * 3", "((-2) * 3)"),
        ("- -2", "(-(-2))"),
        ("-a.b % 2", "((-a.b) % 2)"),
        ("2 * -3", "(2 * (-3))"),
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("a or b or c", "((a or b) or c)"),
        ("a and b and c", "((a and b) and c)"),
        ("not a and b", "((not a) and b)"),
        ("not a or b", "((not a) or b)"),
        ("not a == b", "(not (a == b))"),
        ("not not a", "(not (not a))"),
        ("a and not b", "(a and (not b))"),
        ("not (a or b)", "(not (a or b))"),
        ("a + 1 < b * 2", "((a + 1) < (b * 2))"),
        ("a == b + 1", "(a == (b + 1))"),
        ("a != b and c >= d", "((a != b) and (c >= d))"),
        ("a <= b or c > d", "((a <= b) or (c > d))"),
        ("'x' in l or false", "(('x' in l) or false)"),
        ("'x' + y in l", "(('x' + y) in l)"),
        ("not 'x' in l", "(not ('x' in l))"),
        ("a.b.c >= 1.5", "(a.b.c >= 1.5)"),
        ("min(a, b + 1) == max(1, 2)", "(min(a, (b + 1)) == max(1, 2))"),
        ("x != null", "(x != null)"),
        ("((1))", "1"),
    ])
    func precedence(source: String, expected: String) throws {
        #expect(try shape(source) == expected)
    }

    // MARK: - Literals and names

    @Test("literals", arguments: [
        ("12", Value.integer(12)),
        ("0", .integer(0)),
        ("007", .integer(7)),
        ("19.5", .number(19.5)),
        ("0.25", .number(0.25)),
        ("'text'", .text("text")),
        ("\"text\"", .text("text")),
        ("''", .text("")),
        ("'it\\'s'", .text("it's")),
        ("\"say \\\"hi\\\"\"", .text("say \"hi\"")),
        ("'back\\\\slash'", .text("back\\slash")),
        ("\"it's\"", .text("it's")),
        ("'say \"hi\"'", .text("say \"hi\"")),
        ("'Zoë in de klas'", .text("Zoë in de klas")),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("['a', \"b\"]", .list(["a", "b"])),
        ("[ 'a' ]", .list(["a"])),
        ("[]", .list([])),
    ])
    func literal(source: String, expected: Value) throws {
        let expression = try Expression.parse(source)
        guard case .literal(let value, let offset) = expression.root else {
            Issue.record("\(source) did not parse to a literal: \(expression.root)")
            return
        }
        #expect(value == expected)
        #expect(offset == 0)
    }

    @Test("slot paths and their offsets")
    func slotPaths() throws {
        let expression = try Expression.parse("  profile.side_2 == x")
        guard case .binary(.equal, .slot(let path, let pathOffset), .slot(let other, let otherOffset), let offset) = expression.root else {
            Issue.record("unexpected tree \(expression.root)")
            return
        }
        #expect(path == "profile.side_2")
        #expect(pathOffset == 2)
        #expect(other == "x")
        #expect(otherOffset == 20)
        #expect(offset == 17)
    }

    @Test("node offsets point at operators, names and tokens")
    func nodeOffsets() throws {
        let expression = try Expression.parse("not (a  +  -b) and count(l) > 1")
        guard case .binary(.and, let lhs, let rhs, let andOffset) = expression.root,
              case .unary(.not, let sum, let notOffset) = lhs,
              case .binary(.add, let a, let negation, let plusOffset) = sum,
              case .unary(.negate, _, let minusOffset) = negation,
              case .binary(.greater, let call, _, let greaterOffset) = rhs,
              case .call(.count, _, let callOffset) = call else {
            Issue.record("unexpected tree \(expression.root)")
            return
        }
        #expect(andOffset == 15)
        #expect(notOffset == 0)
        #expect(plusOffset == 8)
        #expect(minusOffset == 11)
        #expect(greaterOffset == 28)
        #expect(callOffset == 19)
        #expect(a.offset == 5)
        #expect(sum.start == 5)
    }

    @Test("whitespace of any kind separates tokens")
    func whitespace() throws {
        #expect(try shape("  1+2  ") == "(1 + 2)")
        #expect(try shape("a\n  and\tb") == "(a and b)")
        #expect(try shape("count ( l )") == "count(l)")
    }

    @Test("every function parses with its arity", arguments: [
        ("count(l)", "count(l)"),
        ("contains(l, 'x')", "contains(l, 'x')"),
        ("is_set(profile.email)", "is_set(profile.email)"),
        ("min(1, 2)", "min(1, 2)"),
        ("max(a, 2.5)", "max(a, 2.5)"),
        ("round(a / 2)", "round((a / 2))"),
        ("lower(name)", "lower(name)"),
    ])
    func functions(source: String, expected: String) throws {
        #expect(try shape(source) == expected)
    }

    @Test("slot references include answer and is_set arguments, not literals or functions")
    func slotReferences() throws {
        let expression = try Expression.parse(
            "profile.side == 'teacher' and is_set(plan.weeks) or count(profile.criteria) > answer")
        #expect(expression.slotReferences == ["profile.side", "plan.weeks", "profile.criteria", "answer"])
        #expect(try Expression.parse("1 + 2 * 3").slotReferences.isEmpty)
        #expect(try Expression.parse("'profile.side' in ['plan.weeks']").slotReferences.isEmpty)
        #expect(try Expression.parse("a + a * a").slotReferences == ["a"])
    }

    @Test("is_set arguments are asked about, not read")
    func isSetArguments() throws {
        let expression = try Expression.parse("is_set(a) and (is_set(b) or b > c)")
        #expect(expression.slotReferences == ["a", "b", "c"])
        #expect(expression.isSetArguments == ["a", "b"])
        #expect(expression.valueReferences == ["b", "c"])
        #expect(try Expression.parse("a + 1").isSetArguments.isEmpty)
    }

    @Test("an expression keeps its source and compares by content")
    func identity() throws {
        let first = try Expression.parse("a  +  1")
        let second = try Expression.parse("a  +  1")
        #expect(first.source == "a  +  1")
        #expect(first.description == "a  +  1")
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(try Expression.parse("a + 1") != first)
    }

    // MARK: - Syntax errors

    @Test("syntax errors point at the offending character", arguments: [
        // empty
        ("", 0, "empty"),
        ("   ", 0, "empty"),
        // unterminated strings and bad escapes
        ("'abc", 0, "never closed"),
        ("a == 'abc", 5, "never closed"),
        ("\"abc'", 0, "never closed"),
        ("'abc\\'", 0, "never closed"),
        ("'a\\nb'", 2, "unknown escape"),
        // trailing garbage
        ("1 2", 2, "'2' cannot follow a complete expression"),
        ("a == b c", 7, "'c' cannot follow"),
        ("a 'x'", 2, "the text 'x' cannot follow"),
        ("a not in b", 2, "'not in' does not exist"),
        // missing operands
        ("1 +", 3, "ends too early"),
        ("1 + ", 4, "ends too early"),
        ("a and", 5, "ends too early"),
        ("not", 3, "ends too early"),
        ("-", 1, "ends too early"),
        ("* 2", 0, "expected a value"),
        ("1 + * 2", 4, "expected a value"),
        ("and", 0, "expected a value"),
        ("a == not b", 5, "'not' can only start"),
        ("a ==", 4, "ends too early"),
        // unbalanced brackets
        ("(1 + 2", 0, "never closed"),
        ("((1 + 2)", 0, "never closed"),
        ("(a and (b or c)", 0, "never closed"),
        ("1 + 2)", 5, "no '('"),
        (")", 0, "expected a value"),
        ("(1 2)", 3, "expected ')'"),
        ("()", 1, "empty brackets"),
        // comparisons do not chain
        ("a < b < c", 6, "cannot be chained"),
        ("a == b == c", 7, "cannot be chained"),
        ("1 < 2 in l", 6, "cannot be chained"),
        // operators from other languages
        ("a = b", 2, "'=='"),
        ("!a", 0, "'not'"),
        ("a && b", 2, "'and'"),
        ("a || b", 2, "'or'"),
        ("a @ b", 2, "unexpected character '@'"),
        ("a # b", 2, "unexpected character '#'"),
        // numbers
        ("1.", 1, "digits after"),
        ("1.x", 1, "digits after"),
        (".5", 0, "digit before"),
        ("99999999999999999999", 0, "too large"),
        // names
        ("profile.", 8, "cannot end with '.'"),
        ("profile.2x", 8, "starts with a digit"),
        ("profile.and", 8, "word of the expression language"),
        ("true.x", 0, "word of the expression language"),
        ("a..b", 2, "cannot end with '.'"),
        ("café", 3, "unexpected character 'é'"),
        // functions
        ("foo(1)", 0, "unknown function 'foo'"),
        ("a.b(1)", 0, "unknown function 'a.b'"),
        ("count()", 0, "count() takes 1 argument"),
        ("min(1)", 0, "min() takes 2 arguments, as in min(a, b); found 1"),
        ("round(1, 2)", 0, "round() takes 1 argument"),
        ("a + contains(l)", 4, "contains() takes 2 arguments"),
        ("count(a", 5, "never closed"),
        ("count(a b)", 8, "expected ')' or ','"),
        ("count(a,)", 8, "expected a value"),
        ("is_set('a')", 7, "is_set() needs a slot name"),
        ("is_set(a + b)", 7, "is_set() needs a slot name"),
        // lists
        ("[1, 2]", 1, "only texts"),
        ("['a', b]", 6, "only texts"),
        ("['a'", 0, "never closed"),
        ("['a',", 0, "never closed"),
        ("['a' 'b']", 5, "expected ']'"),
        ("['a',]", 5, "only texts"),
    ])
    func syntaxError(source: String, offset: Int, fragment: String) throws {
        let error = try #require(parseError(source), "'\(source)' should not parse")
        #expect(error.offset == offset, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }

    @Test("the unknown-function error lists every function")
    func unknownFunctionListsKnownOnes() throws {
        let error = try #require(parseError("length(l)"))
        #expect(error.message == "unknown function 'length'; the functions are count, contains, is_set, min, max, round, lower")
        #expect(error.offset == 0)
    }

    @Test("an error's description carries its offset")
    func errorDescription() throws {
        let error = try #require(parseError("1 +"))
        #expect(error.description.hasPrefix("offset 3: "))
    }

    // MARK: - Limits

    @Test("expressions up to 2,000 characters parse; longer ones are refused")
    func lengthLimit() throws {
        let fits = "'" + String(repeating: "x", count: Expression.maximumLength - 2) + "'"
        #expect(fits.count == 2_000)
        #expect(try Expression.parse(fits).source == fits)

        let tooLong = "'" + String(repeating: "x", count: Expression.maximumLength - 1) + "'"
        let error = try #require(parseError(tooLong))
        #expect(error.offset == 2_000)
        #expect(error.message.contains("2001 characters long; the limit is 2000"))

        let huge = String(repeating: "(", count: 1_000_000)
        #expect(parseError(huge)?.offset == 2_000)
    }

    /// An expression nested `levels` deep by each kind of nesting, with the offset at which the
    /// 65th level opens.
    private static func nested(_ kind: String, _ levels: Int) -> (source: String, offsetOfLevel65: Int) {
        switch kind {
        case "brackets":
            return (String(repeating: "(", count: levels) + "1" + String(repeating: ")", count: levels), 64)
        case "not":
            return (String(repeating: "not ", count: levels) + "true", 64 * 4)
        case "minus":
            return (String(repeating: "-", count: levels) + "1", 64)
        case "calls":
            return (String(repeating: "round(", count: levels) + "1" + String(repeating: ")", count: levels), 64 * 6)
        case "chain":
            // `1+1+…` has no brackets, but its tree is as deep as the chain is long.
            return ("1" + String(repeating: "+1", count: levels), 2 * 65 - 1)
        default:
            // `-(-(…))`: each pair is two levels; an odd count gets one extra pair of brackets.
            let pairs = "-(" + String(repeating: "-(", count: levels / 2 - 1)
            let even = pairs + "1" + String(repeating: ")", count: levels / 2)
            return (levels % 2 == 0 ? even : "(" + even + ")", 64)
        }
    }

    @Test("nesting up to 64 levels is fine, 65 is refused at the level that exceeds it",
          arguments: ["brackets", "not", "minus", "calls", "chain", "mixed"])
    func depthLimit(kind: String) throws {
        let fits = Self.nested(kind, 64)
        let expression = try Expression.parse(fits.source)
        _ = try expression.typeCheck { _ in nil }
        _ = try expression.evaluate(slot: { _ in .null })

        let tooDeep = Self.nested(kind, 65)
        let error = try #require(parseError(tooDeep.source))
        #expect(error.message.contains("nested too deeply"), "\(error)")
        #expect(error.offset == tooDeep.offsetOfLevel65, "\(error)")
    }

    @Test("pathological nesting within the length limit is refused without exhausting the stack", arguments: [
        String(repeating: "(", count: 1_999),
        String(repeating: "(", count: 999) + String(repeating: ")", count: 999),
        String(repeating: "-", count: 1_999) + "1",
        String(repeating: "not ", count: 499) + "a",
        "1" + String(repeating: "+1", count: 999),
        "a" + String(repeating: " or a", count: 399),
        String(repeating: "[", count: 1_999),
        String(repeating: "min(1,", count: 333),
    ])
    func pathologicalNesting(source: String) throws {
        let error = try #require(parseError(source))
        #expect(error.offset <= source.count)
    }
}
