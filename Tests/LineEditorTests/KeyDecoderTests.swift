import LineEditor
import Testing

@Suite("Key decoder")
struct KeyDecoderTests {
    private func keys(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.decode(bytes) + decoder.flush()
    }

    @Test("UTF-8 characters of two, three and four bytes, split over reads")
    func utf8() {
        var decoder = KeyDecoder()
        let bytes = Array("Zoë Ağaoğlu-Émile 名🙂".utf8)
        var decoded: [Key] = []
        for byte in bytes { decoded += decoder.decode([byte]) }
        #expect(decoded == "Zoë Ağaoğlu-Émile 名🙂".map { Key.character($0) })
        #expect(!decoder.isWaitingForMore)
    }

    @Test("invalid UTF-8 becomes U+FFFD instead of being dropped or repaired")
    func invalidUTF8() {
        #expect(keys([0x41, 0xFF, 0x42]) == [.character("A"), .character("\u{FFFD}"), .character("B")])
        #expect(keys([0xC3, 0x41]) == [.character("\u{FFFD}"), .character("A")], "a lead byte without its continuation")
        #expect(keys([0xE2, 0x82]) == [.character("\u{FFFD}")], "an unfinished character at a pause")
    }

    @Test("control keys of Emacs-style editing")
    func controlKeys() {
        #expect(keys([0x01, 0x05, 0x02, 0x06, 0x03, 0x04, 0x0B, 0x15, 0x17, 0x19, 0x14, 0x0C, 0x10, 0x0E, 0x1A, 0x7F, 0x08])
                == [.home, .end, .left, .right, .interrupt, .endOfFile, .killToEnd, .killToStart, .deleteWordBackward,
                    .yank, .transpose, .clearScreen, .up, .down, .suspend, .backspace, .backspace])
    }

    @Test("Enter as CR, LF or CR LF is one Enter each")
    func enter() {
        #expect(keys([0x61, 0x0D, 0x0A, 0x62, 0x0A, 0x63, 0x0D]) == [.character("a"), .enter, .character("b"), .enter, .character("c"), .enter])
    }

    @Test("escape sequences of xterm, VT220, the Linux console and SS3")
    func escapeSequences() {
        let esc: UInt8 = 0x1B
        func seq(_ text: String) -> [UInt8] { [esc] + Array(text.utf8) }
        #expect(keys(seq("[A") + seq("[B") + seq("[C") + seq("[D")) == [.up, .down, .right, .left])
        #expect(keys(seq("OA") + seq("OD") + seq("OH") + seq("OF")) == [.up, .left, .home, .end])
        #expect(keys(seq("[H") + seq("[F") + seq("[1~") + seq("[4~") + seq("[7~") + seq("[8~")) == [.home, .end, .home, .end, .home, .end])
        #expect(keys(seq("[3~")) == [.delete])
        #expect(keys(seq("[1;5C") + seq("[1;5D") + seq("[1;3C") + seq("b") + seq("f") + seq("d")) == [.wordRight, .wordLeft, .wordRight, .wordLeft, .wordRight, .deleteWordForward])
        #expect(keys([esc, 0x7F]) == [.deleteWordBackward])
        #expect(keys(seq("[15~") + seq("[5~")) == [.ignored, .ignored], "F5 and Page Up mean nothing here")
    }

    @Test("a lone Escape waits for more, and is ignored after the pause")
    func loneEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.isWaitingForMore)
        #expect(decoder.flush() == [.ignored])
        #expect(decoder.decode([0x61]) == [.character("a")])
    }

    @Test("a bracketed paste is one text; its line breaks and tabs become spaces")
    func bracketedPaste() {
        let pasted = "\u{1B}[200~Eerste regel\r\ntweede\tregel\u{07}\nderde\u{1B}[201~"
        #expect(keys(Array(pasted.utf8) + [0x0D]) == [.paste("Eerste regel tweede regel derde"), .enter])
    }

    @Test("a control sequence without end is dropped after a bounded length")
    func runawaySequence() {
        let bytes: [UInt8] = [0x1B, 0x5B] + Array(repeating: 0x31, count: 40) + [0x61]
        let decoded = keys(bytes)
        #expect(decoded.contains(.character("a")))
        #expect(decoded.filter { if case .character = $0 { return true } else { return false } }.count <= 24)
    }
}
