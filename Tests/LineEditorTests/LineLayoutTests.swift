import LineEditor
import Testing

@Suite("Line layout and character widths")
struct LineLayoutTests {
    @Test("a line wraps at the terminal's width; filling a row to the edge puts the cursor on the next")
    func wrapping() {
        let layout = LineLayout(promptWidth: 2, widths: Array(repeating: 1, count: 18), columns: 10)
        #expect(layout.starts[7] == .init(row: 0, column: 9))
        #expect(layout.starts[8] == .init(row: 1, column: 0))
        #expect(layout.end == .init(row: 1, column: 10))
        #expect(layout.endForCursor == .init(row: 2, column: 0))
        #expect(layout.cursor(at: 18) == .init(row: 2, column: 0))
        #expect(layout.cursor(at: 0) == .init(row: 0, column: 2))
    }

    @Test("a wide character that does not fit goes to the next row whole")
    func wideCharacter() {
        let layout = LineLayout(promptWidth: 0, widths: [1, 1, 1, 2], columns: 4)
        #expect(layout.starts[3] == .init(row: 1, column: 0))
        #expect(layout.end == .init(row: 1, column: 2))
    }

    @Test("a prompt wider than the terminal starts the line on a later row")
    func widePrompt() {
        let layout = LineLayout(promptWidth: 25, widths: [1], columns: 10)
        #expect(layout.starts[0] == .init(row: 2, column: 5))
    }

    @Test("widths: letters with diacritics 1, combining marks in their letter, CJK and emoji 2, controls 0")
    func widths() {
        #expect(Array("Zoë Ağaoğlu-Émile").map(\.terminalColumns).allSatisfy { $0 == 1 })
        #expect(Character("e\u{301}").terminalColumns == 1)
        #expect(Character("名").terminalColumns == 2)
        #expect(Character("🙂").terminalColumns == 2)
        #expect(Character("👩‍🏫").terminalColumns == 2)
        #expect(Character("\u{7}").terminalColumns == 0)
    }
}
