import TwinLanguage
import Testing
import DialogEngine

private func cleaned(_ raw: String, maxCharacters: Int = 10_000) throws -> String {
    try InputSanitizer.clean(raw, maxCharacters: maxCharacters).get()
}

private func rejection(_ raw: String, maxCharacters: Int = 10_000) throws -> InputRejection {
    guard case .failure(let rejection) = InputSanitizer.clean(raw, maxCharacters: maxCharacters) else {
        Issue.record("input of \(raw.count) characters was accepted")
        throw CancellationError()
    }
    return rejection
}

@Suite("Input sanitizer")
struct InputSanitizerTests {
    @Test(arguments: [
        ("ab\u{0}c\u{7}d\u{1B}e", "abcde"),           // C0 controls
        ("del\u{7F}ete", "delete"),                    // DEL
        ("c1\u{9B}\u{80}x", "c1x"),                    // C1 controls
        ("ad\u{200B}min", "admin"),                    // zero-width space
        ("a\u{200C}b\u{200D}c", "abc"),                // zero-width (non-)joiners between letters
        ("\u{200E}\u{200F}x", "x"),                    // direction marks
        ("\u{202E}exe.txt", "exe.txt"),                // right-to-left override
        ("a\u{202A}b\u{202B}c\u{202C}d\u{202D}e", "abcde"),
        ("a\u{2066}b\u{2067}c\u{2068}d\u{2069}e", "abcde"), // isolates
        ("\u{FEFF}hallo", "hallo"),                    // byte order mark
        ("word\u{2060}joiner\u{AD}", "wordjoiner"),    // other format characters
    ])
    func removesInvisibleCharacters(raw: String, expected: String) throws {
        let result = try cleaned(raw)
        #expect(Array(result.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test(arguments: [
        ("a\tb", "a b"), ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("regel 1\nregel 2", "regel 1\nregel 2"),
        ("a\u{2028}b", "a\nb"), ("  hallo \n", "hallo"), ("\n\n  twee\n\nalinea's \t", "twee\n\nalinea's"),
    ])
    func whitespace(raw: String, expected: String) throws {
        #expect(Array(try cleaned(raw).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func normalisesToNFC() throws {
        let result = try cleaned("Cafe\u{301} en natuurku\u{308}nde")
        #expect(Array(result.unicodeScalars) == Array("Caf\u{E9} en natuurk\u{FC}nde".unicodeScalars))
    }

    @Test func combiningMarkSeparatedByAnInvisibleCharacterIsComposed() throws {
        let result = try cleaned("e\u{200B}\u{301}")
        #expect(Array(result.unicodeScalars) == ["\u{E9}"])
    }

    @Test(arguments: ["{{x}}", "{{profile.name}}", "{{{{", "<b>vet</b> & 'quotes' \"dubbel\"", "# kop\n* punt"])
    func keepsTemplatesAndMarkupVerbatim(raw: String) throws {
        #expect(try cleaned(raw) == raw)
    }

    @Test(arguments: ["👩‍💻", "👨‍👩‍👧", "❤️‍🔥", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👍🏽", "Goed gedaan 🎉"])
    func keepsEmoji(raw: String) throws {
        #expect(Array(try cleaned(raw).unicodeScalars) == Array(raw.unicodeScalars))
    }

    @Test func hundredKilobytesAreRejected() throws {
        let reason = try rejection(String(repeating: "a", count: 100_000)).reason
        #expect(reason.nl.contains("maximaal 10.000 tekens"))
        #expect(reason.en.contains("at most 10,000 characters"))
    }

    @Test func aMegabyteIsRejectedToo() throws {
        _ = try rejection(String(repeating: "ab\u{200B}", count: 350_000))
    }

    @Test func theLimitIsInclusiveAndCountsCleanedCharacters() throws {
        #expect(try cleaned(String(repeating: "a", count: 10_000)).count == 10_000)
        _ = try rejection(String(repeating: "a", count: 10_001))
        #expect(try cleaned("12345" + String(repeating: "\u{200B}", count: 10), maxCharacters: 5) == "12345")
        #expect(try rejection("123456", maxCharacters: 5).reason.en.contains("at most 5 characters"))
        #expect(try cleaned("é👩‍💻", maxCharacters: 2) == "é👩‍💻")
    }

    @Test func emptyAfterCleaningIsEmpty() throws {
        #expect(try cleaned("\u{200B}\u{FEFF}  \t") == "")
    }
}
