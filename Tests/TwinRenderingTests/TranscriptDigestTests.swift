import Testing
import TwinLanguage
import TwinRendering
import TwinReply
import Twinning

/// `TranscriptDigest`: which lines a page already shows, by their number and digest.
@Suite("Transcript digest")
struct TranscriptDigestTests {
    static let lines = [ChatLine(from: .assistant, text: "Hoe heet je?"), ChatLine(from: .participant, text: "Anna"),
                        ChatLine(from: .assistant, text: "Waar werk je?"), ChatLine(from: .participant, text: "Erasmus College")]

    @Test("the lines shown are counted when their digest is the first lines' digest, and not otherwise")
    func linesShown() {
        let two = TranscriptDigest.of(Self.lines[..<2])
        #expect(two.count == 16 && two.allSatisfy(\.isHexDigit))
        #expect(TranscriptDigest.linesShown("2.\(two)", of: Self.lines) == 2)
        #expect(TranscriptDigest.linesShown("4.\(TranscriptDigest.of(Self.lines[...]))", of: Self.lines) == 4)
        // Another answer, another speaker, more lines than there are, nothing, or nonsense: none.
        var changed = Self.lines
        changed[1].text = "Bram"
        #expect(TranscriptDigest.linesShown("2.\(two)", of: changed) == 0)
        changed = Self.lines
        changed[1].from = .assistant
        #expect(TranscriptDigest.linesShown("2.\(two)", of: changed) == 0)
        #expect(TranscriptDigest.linesShown("5.\(two)", of: Self.lines) == 0)
        #expect(TranscriptDigest.linesShown(nil, of: Self.lines) == 0)
        #expect(TranscriptDigest.linesShown("0.\(TranscriptDigest.of([]))", of: Self.lines) == 0)
        #expect(TranscriptDigest.linesShown("two.\(two)", of: Self.lines) == 0)
        #expect(TranscriptDigest.linesShown("2", of: Self.lines) == 0)
        // The same lines, the same digest, in every process: FNV-1a, not a seeded hasher.
        #expect(TranscriptDigest.of([]) == "cbf29ce484222325")
    }

    @Test("a page with earlier lines shown carries only the later ones, and the whole transcript's number and digest")
    func pageFromLine() {
        let reply = Reply(participant: "web:anna", messages: [Reply.Message(.info, "Welk vak geef je?")], prompt: nil, phase: .matching, language: .nl, turn: 5)
        let page = WebRenderer.page(reply, transcript: Self.lines, historyFrom: 2, csrf: "c")
        #expect(page.contains("data-lines=\"4\" data-digest=\"\(TranscriptDigest.of(Self.lines[...]))\" data-from=\"2\""))
        #expect(!page.contains("Hoe heet je?") && page.contains("Waar werk je?") && page.contains("Erasmus College"))
        let whole = WebRenderer.page(reply, transcript: Self.lines, csrf: "c")
        #expect(whole.contains("Hoe heet je?") && !whole.contains("data-from"))
    }
}
