import DialogEngine
import Testing

/// Evaluation: every operator and function, null semantics, short-circuiting, and the errors
/// thrown (never traps) when a slot holds another type than declared or a result overflows.
@Suite("Expression evaluation")
struct ExpressionEvaluationTests {
    private static let slots: [String: Value] = [
        "profile.name": .text("Anna"),
        "profile.side": .text("teacher"),
        "profile.criteria": .list(["subject", "region"]),
        "empty.list": .list([]),
        "empty.text": .text(""),
        "participant.coordinator": .bool(true),
        "plan.weeks": .integer(13),
        "plan.hours": .number(2.5),
        "plan.start": LocalDate(year: 2026, month: 1, day: 5).map(Value.date) ?? .null,
        "plan.end": LocalDate(year: 2026, month: 3, day: 1).map(Value.date) ?? .null,
        "nothing": .null,
    ]

    private func value(_ source: String, _ slots: [String: Value] = Self.slots) throws -> Value {
        try Expression.parse(source).evaluate { slots[$0] ?? .null }
    }

    /// The error evaluation throws for `source` (which must parse), or `nil` when it succeeds.
    private func evaluationError(_ source: String, _ slots: [String: Value]) throws -> ExpressionError? {
        let expression = try Expression.parse(source)
        do {
            _ = try expression.evaluate { slots[$0] ?? .null }
            return nil
        } catch {
            return error
        }
    }

    @Test("arithmetic", arguments: [
        ("1 + 2", Value.integer(3)),
        ("7 - 10", .integer(-3)),
        ("6 * 7", .integer(42)),
        ("7 / 2", .number(3.5)),
        ("6 / 3", .number(2)),
        ("7 % 3", .integer(1)),
        ("-7 % 3", .integer(-1)),
        ("1 + 2.5", .number(3.5)),
        ("2.5 * 2", .number(5)),
        ("2.5 - 1", .number(1.5)),
        ("plan.weeks + 1", .integer(14)),
        ("plan.hours * 2", .number(5)),
        ("plan.weeks / 2", .number(6.5)),
        ("-plan.weeks", .integer(-13)),
        ("-plan.hours", .number(-2.5)),
        ("- -3", .integer(3)),
        ("1 + 2 * 3", .integer(7)),
        ("(1 + 2) * 3", .integer(9)),
        ("10 - 4 - 3", .integer(3)),
        ("2 * -3", .integer(-6)),
        ("'a' + 'b'", .text("ab")),
        ("profile.name + '!'", .text("Anna!")),
        ("'' + empty.text", .text("")),
    ])
    func arithmetic(source: String, expected: Value) throws {
        #expect(try value(source) == expected)
    }

    @Test("division and remainder by zero give null", arguments: [
        "1 / 0", "1.5 / 0", "1 / 0.0", "0 / 0", "5 % 0", "plan.weeks / (plan.weeks - 13)",
    ])
    func divisionByZero(source: String) throws {
        #expect(try value(source) == .null)
    }

    @Test("null spreads through arithmetic and functions", arguments: [
        "nothing + 1", "1 - nothing", "nothing * 2", "nothing / 2", "2 / nothing", "nothing % 2",
        "-nothing", "nothing + 'a'", "'a' + null", "null + null",
        "lower(nothing)", "round(nothing)", "min(nothing, 1)", "max(1, null)", "min(null, null)",
        "(nothing + 1) * 2",
    ])
    func nullPropagates(source: String) throws {
        #expect(try value(source) == .null)
    }

    @Test("comparisons", arguments: [
        ("1 < 2", true),
        ("2 < 2", false),
        ("2 <= 2", true),
        ("3 > 4", false),
        ("4 > 3", true),
        ("3 >= 3.0", true),
        ("2.5 < 3", true),
        ("3 < 2.5", false),
        ("plan.hours <= plan.weeks", true),
        ("'a' < 'b'", true),
        ("'b' <= 'a'", false),
        ("plan.start < plan.end", true),
        ("plan.end <= plan.start", false),
        ("plan.end >= plan.end", true),
        ("1 == 1.0", true),
        ("1.5 == 1", false),
        ("1 != 2", true),
        ("'a' == 'a'", true),
        ("'a' == 'A'", false),
        ("lower('A') == 'a'", true),
        ("true == true", true),
        ("true != false", true),
        ("profile.criteria == ['subject', 'region']", true),
        ("profile.criteria == ['region', 'subject']", false),
        ("plan.start == plan.start", true),
        ("plan.start != plan.end", true),
        ("profile.side == 'teacher'", true),
    ])
    func comparison(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test("null equals only null and never orders", arguments: [
        ("nothing == null", true),
        ("null == null", true),
        ("nothing != null", false),
        ("1 == null", false),
        ("null == 0", false),
        ("'' == null", false),
        ("empty.list == null", false),
        ("'a' != null", true),
        ("nothing < 1", false),
        ("nothing <= 1", false),
        ("nothing > 1", false),
        ("nothing >= 1", false),
        ("1 > null", false),
        ("nothing <= nothing", false),
        ("plan.start < nothing", false),
    ])
    func nullComparison(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test("membership", arguments: [
        ("'subject' in profile.criteria", true),
        ("'x' in profile.criteria", false),
        ("'Subject' in profile.criteria", false),
        ("nothing in profile.criteria", false),
        ("'a' in nothing", false),
        ("'a' in []", false),
        ("'a' in ['b', 'a']", true),
        ("not 'x' in profile.criteria", true),
    ])
    func membership(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test("logic treats null as false", arguments: [
        ("true and true", true),
        ("true and false", false),
        ("false or true", true),
        ("false or false", false),
        ("not true", false),
        ("not false", true),
        ("not null", true),
        ("not nothing", true),
        ("null and true", false),
        ("true and null", false),
        ("null or true", true),
        ("null or null", false),
        ("not 1 == 2 and 2 > 1", true),
        ("participant.coordinator and plan.weeks >= 13", true),
    ])
    func logic(source: String, expected: Bool) throws {
        #expect(try value(source) == .bool(expected))
    }

    @Test("and/or do not evaluate their right side when the left decides")
    func shortCircuit() throws {
        // The right sides would throw: an integer is not a condition.
        #expect(try value("false and plan.weeks") == .bool(false))
        #expect(try value("nothing and plan.weeks") == .bool(false))
        #expect(try value("true or plan.weeks") == .bool(true))

        var read: [String] = []
        let expression = try Expression.parse("false and a or true or b")
        let result = try expression.evaluate { path in
            read.append(path)
            return .null
        }
        #expect(result == .bool(true))
        #expect(read.isEmpty)
    }

    @Test("functions", arguments: [
        ("count(profile.criteria)", Value.integer(2)),
        ("count(nothing)", .integer(0)),
        ("count(empty.list)", .integer(0)),
        ("count(['a'])", .integer(1)),
        ("contains(profile.criteria, 'region')", .bool(true)),
        ("contains(profile.criteria, 'x')", .bool(false)),
        ("contains(nothing, 'x')", .bool(false)),
        ("contains(nothing, 1)", .bool(false)),
        ("contains(profile.criteria, nothing)", .bool(false)),
        ("is_set(profile.name)", .bool(true)),
        ("is_set(empty.text)", .bool(true)),
        ("is_set(nothing)", .bool(false)),
        ("is_set(empty.list)", .bool(false)),
        ("is_set(profile.criteria)", .bool(true)),
        ("is_set(participant.coordinator)", .bool(true)),
        ("is_set(never.mentioned)", .bool(false)),
        ("min(3, 5)", .integer(3)),
        ("max(3, 5)", .integer(5)),
        ("min(-3, 5)", .integer(-3)),
        ("min(2, 2.5)", .number(2)),
        ("max(2, 2.5)", .number(2.5)),
        ("max(plan.weeks, plan.hours)", .number(13)),
        ("round(2.5)", .integer(3)),
        ("round(-2.5)", .integer(-3)),
        ("round(2.4)", .integer(2)),
        ("round(2.6)", .integer(3)),
        ("round(7)", .integer(7)),
        ("round(plan.weeks / 4)", .integer(3)),
        ("lower('ÀbC')", .text("àbc")),
        ("lower(profile.name)", .text("anna")),
        ("'it\\'s' + \" \\\"ok\\\"\"", .text("it's \"ok\"")),
    ])
    func function(source: String, expected: Value) throws {
        #expect(try value(source) == expected)
    }

    @Test("isTrue: only true holds", arguments: [
        ("true", true),
        ("false", false),
        ("null", false),
        ("nothing", false),
        ("1", false),
        ("'true'", false),
        ("plan.weeks >= 13", true),
        ("plan.weeks > 13", false),
        ("is_set(profile.name) and profile.side == 'teacher'", true),
    ])
    func isTrue(source: String, expected: Bool) throws {
        #expect(try Expression.parse(source).isTrue { Self.slots[$0] ?? .null } == expected)
    }

    // MARK: - Errors at run time

    @Test("a slot holding another type than declared throws a clear error", arguments: [
        // `wrong` holds a text where a number or a condition was declared
        ("wrong + 1", 6, "'+' adds two numbers or joins two texts; found text and integer"),
        ("wrong * 2", 6, "'*' needs two numbers; found text and integer"),
        ("wrong > 1", 6, "'>' compares two numbers, two dates or two texts; found text and integer"),
        ("wrong == 1", 6, "'==' compares two values of the same type (or a value with null); found text and integer"),
        ("-wrong", 0, "'-' needs a number; found text"),
        ("wrong and true", 6, "'and' joins two conditions (bool values); found text"),
        ("false or wrong", 6, "'or' joins two conditions (bool values); found text"),
        ("not wrong", 0, "'not' needs a condition (a bool value); found text"),
        ("number in ['a']", 7, "'in' checks whether a text is in a list, as in 'a' in profile.criteria; found number and list"),
        ("'a' in wrong", 4, "'in' checks whether a text is in a list, as in 'a' in profile.criteria; found text and text"),
        ("count(wrong)", 6, "count() needs a list; found text"),
        ("contains(wrong, 'a')", 9, "contains() needs a list and a text, as in contains(profile.criteria, 'subject'); found text and text"),
        ("contains(['a'], number)", 16, "contains() needs a list and a text, as in contains(profile.criteria, 'subject'); found list and number"),
        ("min(wrong, 1)", 4, "min() needs two numbers; found text and integer"),
        ("max(1, wrong)", 7, "max() needs two numbers; found integer and text"),
        ("round(wrong)", 6, "round() needs a number; found text"),
        ("lower(number)", 6, "lower() needs a text; found number"),
        ("number % 2", 7, "'%' needs two whole numbers (integers); found number and integer"),
        ("true < false", 5, "'<' compares two numbers, two dates or two texts; found bool and bool"),
        // evaluation does not depend on a prior type check
        ("1 + 'a'", 2, "'+' adds two numbers or joins two texts; found integer and text"),
    ])
    func runtimeTypeMismatch(source: String, offset: Int, message: String) throws {
        let slots: [String: Value] = ["wrong": .text("13"), "number": .number(2.5)]
        let error = try #require(try evaluationError(source, slots), "'\(source)' should throw")
        #expect(error.offset == offset, "\(error)")
        #expect(error.message == message + " when the dialog ran (a slot holds a different type of value than declared)", "\(error)")
    }

    @Test("results too large for their type throw instead of trapping", arguments: [
        ("9223372036854775807 + 1", 20),
        ("-9223372036854775807 - 2", 21),
        ("9223372036854775807 * 2", 20),
        ("-smallest", 0),
        ("big * big", 4),
        ("big + big", 4),
        ("-big / tiny", 5),
        ("round(big)", 6),
    ])
    func overflow(source: String, offset: Int) throws {
        let slots: [String: Value] = ["smallest": .integer(Int.min), "big": .number(1e308), "tiny": .number(1e-308)]
        let error = try #require(try evaluationError(source, slots), "'\(source)' should throw")
        #expect(error.offset == offset, "\(error)")
        #expect(error.message.contains("too large"), "\(error)")
    }

    @Test("the smallest integer's remainder by -1 is 0, not a trap")
    func remainderOfSmallestInteger() throws {
        #expect(try value("smallest % -1", ["smallest": .integer(Int.min)]) == .integer(0))
    }

    @Test("round rejects what is not a finite number")
    func roundNonFinite() throws {
        for number in [Double.infinity, -Double.infinity, Double.nan] {
            let error = try #require(try evaluationError("round(x)", ["x": .number(number)]))
            #expect(error.offset == 6)
        }
    }
}
