import DialogEngine
import Testing

/// Type checking: the type of every operator and function, and type errors that name the
/// operator or function, the types found and the exact offset.
@Suite("Expression type checker")
struct ExpressionTypeCheckTests {
    private static let slots: [String: ValueType] = [
        "profile.name": .text,
        "profile.side": .text,
        "profile.criteria": .list,
        "participant.coordinator": .bool,
        "plan.weeks": .integer,
        "plan.hours": .number,
        "plan.start": .date,
        "plan.end": .date,
        "answer": .integer,
        "misc": .any,
    ]

    private func type(_ source: String) throws -> ValueType {
        try Expression.parse(source).typeCheck { Self.slots[$0] }
    }

    /// The error `typeCheck` throws for `source` (which must parse), or `nil` when it passes.
    private func typeError(_ source: String) throws -> ExpressionError? {
        let expression = try Expression.parse(source)
        do {
            _ = try expression.typeCheck { Self.slots[$0] }
            return nil
        } catch {
            return error
        }
    }

    @Test("well-typed expressions and their types", arguments: [
        // literals and slots
        ("12", ValueType.integer),
        ("19.5", .number),
        ("'a'", .text),
        ("true", .bool),
        ("null", .any),
        ("['a']", .list),
        ("[]", .list),
        ("plan.start", .date),
        ("answer", .integer),
        // arithmetic
        ("plan.weeks + 1", .integer),
        ("plan.weeks + plan.hours", .number),
        ("plan.weeks - 1", .integer),
        ("plan.weeks * 2", .integer),
        ("plan.hours * 2", .number),
        ("plan.weeks / 2", .number),
        ("6 / 3", .number),
        ("plan.weeks % 2", .integer),
        ("-plan.weeks", .integer),
        ("-plan.hours", .number),
        ("-null", .any),
        ("profile.name + ' x'", .text),
        ("null + 1", .integer),
        ("null * 1.5", .number),
        ("null + null", .any),
        ("'a' + null", .text),
        ("null % 2", .integer),
        ("misc + 1", .integer),
        // comparisons
        ("plan.weeks < plan.hours", .bool),
        ("plan.hours <= 3", .bool),
        ("plan.start <= plan.end", .bool),
        ("profile.name > 'a'", .bool),
        ("plan.weeks >= 13", .bool),
        ("null < plan.start", .bool),
        ("plan.weeks == 2.0", .bool),
        ("profile.name == null", .bool),
        ("null != plan.start", .bool),
        ("profile.criteria == ['a']", .bool),
        ("participant.coordinator != false", .bool),
        ("plan.start == plan.end", .bool),
        ("'a' in profile.criteria", .bool),
        ("null in profile.criteria", .bool),
        ("'a' in null", .bool),
        // logic
        ("participant.coordinator and plan.weeks > 1", .bool),
        ("participant.coordinator or false", .bool),
        ("not participant.coordinator", .bool),
        ("not null", .bool),
        ("null or true", .bool),
        ("answer >= 2 and answer <= 52", .bool),
        // functions
        ("count(profile.criteria)", .integer),
        ("count(null)", .integer),
        ("contains(profile.criteria, 'a')", .bool),
        ("contains(null, profile.name)", .bool),
        ("is_set(profile.name)", .bool),
        ("is_set(profile.criteria)", .bool),
        ("is_set(misc)", .bool),
        ("min(1, 2)", .integer),
        ("max(plan.weeks, 2)", .integer),
        ("max(1, 2.5)", .number),
        ("min(plan.weeks, plan.hours)", .number),
        ("min(null, 2)", .integer),
        ("round(plan.hours)", .integer),
        ("round(3)", .integer),
        ("lower(profile.name)", .text),
        ("lower(profile.name) == 'anna'", .bool),
    ])
    func wellTyped(source: String, expected: ValueType) throws {
        #expect(try type(source) == expected)
    }

    @Test("type errors name the operator or function, the types and the offset", arguments: [
        // arithmetic
        ("profile.name + 1", 13, "'+' adds two numbers or joins two texts; found text and integer"),
        ("1 + ['a']", 2, "'+' adds two numbers or joins two texts; found integer and list"),
        ("true + true", 5, "'+' adds two numbers or joins two texts; found bool and bool"),
        ("1 - 'a'", 2, "'-' needs two numbers; found integer and text"),
        ("'a' * 2", 4, "'*' needs two numbers; found text and integer"),
        ("'a' / 'b'", 4, "'/' needs two numbers; found text and text"),
        ("plan.hours % 2", 11, "'%' needs two whole numbers (integers); found number and integer"),
        ("plan.weeks % 2.0", 11, "'%' needs two whole numbers (integers); found integer and number"),
        ("-profile.name", 0, "'-' needs a number; found text"),
        ("(plan.weeks + 1) * 'x'", 17, "'*' needs two numbers; found integer and text"),
        // ordering
        ("plan.weeks < 'a'", 11, "'<' compares two numbers, two dates or two texts; found integer and text"),
        ("participant.coordinator < true", 24, "'<' compares two numbers, two dates or two texts; found bool and bool"),
        ("plan.start > 3", 11, "'>' compares two numbers, two dates or two texts; found date and integer"),
        ("profile.criteria <= profile.criteria", 17, "'<=' compares two numbers, two dates or two texts; found list and list"),
        ("plan.start >= profile.name", 11, "'>=' compares two numbers, two dates or two texts; found date and text"),
        // equality
        ("profile.name == 1", 13, "'==' compares two values of the same type (or a value with null); found text and integer"),
        ("plan.start != 'x'", 11, "'!=' compares two values of the same type (or a value with null); found date and text"),
        ("plan.weeks == participant.coordinator", 11, "'==' compares two values of the same type (or a value with null); found integer and bool"),
        // membership
        ("1 in profile.criteria", 2, "'in' checks whether a text is in a list, as in 'a' in profile.criteria; found integer and list"),
        ("'a' in profile.name", 4, "'in' checks whether a text is in a list, as in 'a' in profile.criteria; found text and text"),
        // logic
        ("plan.weeks and true", 11, "'and' joins two conditions (bool values); found integer and bool"),
        ("true or 'x'", 5, "'or' joins two conditions (bool values); found bool and text"),
        ("not plan.weeks", 0, "'not' needs a condition (a bool value); found integer"),
        // functions: the offset is the offending argument's start
        ("count(plan.weeks)", 6, "count() needs a list; found integer"),
        ("count(profile.name)", 6, "count() needs a list; found text"),
        ("contains('a', 'a')", 9, "contains() needs a list and a text, as in contains(profile.criteria, 'subject'); found text and text"),
        ("contains(profile.criteria, 1)", 27, "contains() needs a list and a text, as in contains(profile.criteria, 'subject'); found list and integer"),
        ("min('a', 1)", 4, "min() needs two numbers; found text and integer"),
        ("max(1, plan.start)", 7, "max() needs two numbers; found integer and date"),
        ("round(profile.name)", 6, "round() needs a number; found text"),
        ("lower(plan.weeks)", 6, "lower() needs a text; found integer"),
        ("lower(plan.weeks * 2)", 6, "lower() needs a text; found integer"),
        // an error inside an argument is reported where it is
        ("lower(1 + 'a')", 8, "'+' adds two numbers or joins two texts; found integer and text"),
        ("round(plan.weeks + profile.name)", 17, "'+' adds two numbers or joins two texts; found integer and text"),
    ])
    func typeError(source: String, offset: Int, message: String) throws {
        let error = try #require(try typeError(source), "'\(source)' should not type-check")
        #expect(error.offset == offset, "\(error)")
        #expect(error.message == message, "\(error)")
    }

    @Test("unknown slots are errors at the slot's offset", arguments: [
        ("profile.nmae == 'x'", 0, "profile.nmae"),
        ("1 + other", 4, "other"),
        ("is_set(nope)", 7, "nope"),
        ("true or nope", 8, "nope"),
        ("count(nope.list)", 6, "nope.list"),
        ("not (a.b)", 5, "a.b"),
    ])
    func unknownSlot(source: String, offset: Int, path: String) throws {
        let error = try #require(try typeError(source))
        #expect(error.offset == offset)
        #expect(error.message == "unknown slot '\(path)'; check its spelling, or ask or set it in a dialog")
    }

    @Test("answer is an ordinary slot path: the caller decides where it is known")
    func answerIsUpToTheCaller() throws {
        let rule = try Expression.parse("answer >= 2")
        #expect(rule.slotReferences == ["answer"])
        #expect(try rule.typeCheck { $0 == "answer" ? .number : nil } == .bool)
        #expect(throws: ExpressionError(message: "unknown slot 'answer'; check its spelling, or ask or set it in a dialog", offset: 0)) {
            try rule.typeCheck { _ in nil }
        }
    }

    @Test("the type checker asks for every slot the expression reads")
    func asksForEverySlot() throws {
        var asked: [String] = []
        let expression = try Expression.parse("is_set(a) and b > 1 or c == d")
        _ = try expression.typeCheck { path in
            asked.append(path)
            return path == "a" ? .text : .integer
        }
        #expect(Set(asked) == expression.slotReferences)
        #expect(Set(asked) == ["a", "b", "c", "d"])
    }
}
