import LineEditor
import Testing

@Suite("Edit buffer and history")
struct EditBufferTests {
    @Test("insert, move by character and word, delete, kill and yank")
    func editing() {
        var buffer = EditBuffer()
        buffer.insert("Ağaoğlu-Émile")
        buffer.moveToStart()
        buffer.insert("Zoë ")
        buffer.moveToEnd()
        #expect(buffer.text == "Zoë Ağaoğlu-Émile")
        buffer.moveWordLeft()
        #expect(buffer.cursor == "Zoë Ağaoğlu-".count)
        buffer.deleteWordBackward()
        #expect(buffer.text == "Zoë Émile")
        buffer.moveToEnd()
        buffer.yank()
        #expect(buffer.text == "Zoë ÉmileAğaoğlu-")
        buffer.killToStart()
        #expect(buffer.text.isEmpty)
        buffer.yank()
        #expect(buffer.text == "Zoë ÉmileAğaoğlu-")
        buffer.moveToStart()
        buffer.moveWordRight()
        buffer.killToEnd()
        #expect(buffer.text == "Zoë")
        buffer.deleteBackward()
        buffer.moveLeft()
        buffer.deleteForward()
        #expect(buffer.text == "Z")
    }

    @Test("a combining mark typed after a letter joins it; the cursor never splits a character")
    func combining() {
        var buffer = EditBuffer()
        buffer.insert("Zoe")
        buffer.insert("\u{308}")
        #expect(buffer.characters.count == 3)
        #expect(buffer.text == "Zo\u{65}\u{308}")
        #expect(buffer.text == "Zoë")
        buffer.deleteBackward()
        #expect(buffer.text == "Zo")
    }

    @Test("transpose swaps around the cursor, at the end the last two")
    func transpose() {
        var buffer = EditBuffer("ab")
        buffer.transpose()
        #expect(buffer.text == "ba")
        buffer = EditBuffer("abc")
        buffer.moveToStart()
        buffer.moveRight()
        buffer.transpose()
        #expect(buffer.text == "bac")
        #expect(buffer.cursor == 2)
    }

    @Test("the history goes back and forth and gives back the line being written")
    func history() {
        var history = LineHistory(capacity: 3)
        for line in ["ja", "Anna", "Anna", "", "docent", "Erasmus"] { history.add(line) }
        #expect(history.entries == ["Anna", "docent", "Erasmus"], "no empty lines, no repeats, at most the capacity")
        #expect(history.previous(current: "half") == "Erasmus")
        #expect(history.previous(current: "Erasmus") == "docent")
        #expect(history.previous(current: "docent") == "Anna")
        #expect(history.previous(current: "Anna") == nil)
        #expect(history.next() == "docent")
        #expect(history.next() == "Erasmus")
        #expect(history.next() == "half")
        #expect(history.next() == nil)
    }
}
