import DialogEngine
import Testing
import Foundation

@Suite struct ZZScratchExplore {
    func dump(_ name: String, _ yaml: String) {
        let start = ContinuousClock.now
        let r = lintSource(yaml)
        print("=== \(name) (\(ContinuousClock.now - start))\n\(r.lintListing)")
    }
    @Test func syntax() {
        dump("unclosed flow", "dialog: main\ntitle: {nl: A, en: B\nsteps:\n  - end: true\n")
        dump("bad indent", "dialog: main\ntitle: {nl: A, en: B}\nsteps:\n  - say: {nl: A, en: B}\n   - end: true\n")
        dump("tab", "dialog: main\n\ttitle: x\n")
        dump("unterminated quote", "dialog: main\ntitle: {nl: A, en: B}\nsteps:\n  - say: {nl: \"abc, en: B}\n  - end: true\n")
        dump("dup key", "dialog: main\ntitle: {nl: A, en: B}\nsteps:\n  - say: {nl: A, en: B}\n  - say:\n      nl: A\n      nl: C\n")
        dump("list root", "- a\n- b\n")
        dump("scalar root", "hello\n")
        dump("empty", "")
        dump("comment", "# nothing\n")
        dump("dashes", "---\n")
        dump("two docs", "dialog: main\n---\ndialog: b\n")
        dump("undefined alias", "dialog: *x\n")
        dump("empty nl", "dialog: main\ntitle: {nl: A, en: B}\nsteps:\n  - say:\n      nl:\n      en: \"  \"\n")
        dump("opts on text", "dialog: main\ntitle: {nl: A, en: B}\nsteps:\n  - ask: a.b\n    type: text\n    prompt: {nl: A, en: B}\n    options:\n      - value: x\n        label: {nl: A, en: B}\n")
    }
    @Test func hostile() {
        dump("qqq", String(repeating: "? ", count: 10000) + "x\n")
        dump("dash tab", String(repeating: "-\t", count: 10000) + "x\n")
        dump("key bomb", """
        a0: &a0 [x, x, x, x, x, x, x, x, x, x]
        a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
        a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
        a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
        a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
        a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
        a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
        a7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
        a8: &a8 [*a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7]
        """)
    }
}
