import TwinLanguage
import Testing
@testable import TwinServer

/// The interim answers of a turn past its reply deadline, in each language and in both.
@Suite("Interim reply texts")
struct InterimReplyTextTests {
    @Test("an unknown language shows Dutch and English; a known one only itself")
    func languages() {
        let both = InterimReplyText.onItsWay(nil)
        #expect(both.contains("onderweg") && both.contains("on its way"))
        #expect(!InterimReplyText.onItsWay(.nl).contains("on its way"))
        #expect(!InterimReplyText.onItsWay(.en).contains("onderweg"))
        let received = InterimReplyText.received(nil, status: "**status**")
        #expect(received.contains("ontvangen") && received.contains("received") && received.contains("**status**"))
        #expect(InterimReplyText.received(.en, status: "`/jobtwin status`") ==
                "✅ Your message was received and is being handled. Send `/jobtwin status` in a moment to see where you are.")
        let failed = InterimReplyText.failed(nil)
        #expect(failed.contains("opnieuw") && failed.contains("again"))
    }
}
