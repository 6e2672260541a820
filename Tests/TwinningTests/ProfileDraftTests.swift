import Foundation
import Testing
import Twinning

/// Turning intake answers into a profile is the domain's decision.
@Suite("Profile drafts")
struct ProfileDraftTests {
    static func complete() -> ProfileDraft {
        var draft = ProfileDraft()
        draft.name = "Anna"
        draft.side = "teacher"
        draft.organization = "Erasmus College"
        draft.role = "docent wiskunde"
        draft.field = "other"
        draft.fieldOther = "sterrenkunde"
        draft.educationTypes = ["vmbo"]
        draft.companyTypes = ["ict"]
        draft.motivations = ["other_world"]
        draft.criteria = ["subject", "open"]
        draft.subjectPreference = "no_preference"
        draft.region = "Rotterdam"
        draft.openProfile = true
        return draft
    }

    @Test("a complete draft becomes a profile with consent recorded at that moment")
    func complete() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let profile = try Self.complete().profile(at: now, consentVersion: "v7", previousConsent: nil).get()
        #expect(profile.side == .teacher)
        #expect(profile.fieldOther == "sterrenkunde")
        #expect(profile.criteria == [.subject, .open])
        #expect(profile.subjectPreference == .noPreference)
        #expect(profile.openMatchingConsent == Consent(givenAt: now, textVersion: "v7"))
    }

    @Test("consent keeps its original date when the profile stays open, and is dropped when it closes")
    func consent() throws {
        let earlier = Consent(givenAt: Date(timeIntervalSince1970: 1), textVersion: "v1")
        let kept = try Self.complete().profile(at: Date(), consentVersion: "v2", previousConsent: earlier).get()
        #expect(kept.openMatchingConsent == earlier)
        var closed = Self.complete()
        closed.openProfile = false
        #expect(try closed.profile(at: Date(), consentVersion: "v2", previousConsent: earlier).get().openMatchingConsent == nil)
    }

    @Test("missing or unknown answers are named")
    func problems() {
        var draft = Self.complete()
        draft.region = "  "
        #expect(throws: ProfileProblem.missing("region")) { try draft.profile(at: Date(), consentVersion: "v", previousConsent: nil).get() }
        draft = Self.complete()
        draft.side = "pilot"
        #expect(throws: ProfileProblem.unknownValue(field: "side", value: "pilot")) {
            try draft.profile(at: Date(), consentVersion: "v", previousConsent: nil).get()
        }
        draft = Self.complete()
        draft.criteria = []
        #expect(throws: ProfileProblem.missing("criteria")) { try draft.profile(at: Date(), consentVersion: "v", previousConsent: nil).get() }
    }

    @Test("a field other than `other` drops the free-text field")
    func fieldOther() throws {
        var draft = Self.complete()
        draft.field = "mathematics"
        #expect(try draft.profile(at: Date(), consentVersion: "v", previousConsent: nil).get().fieldOther == nil)
    }

    @Test("the manual clock moves only when told")
    func manualClock() {
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        clock.advance(days: 14)
        #expect(clock.now() == Date(timeIntervalSince1970: 14 * 86_400))
    }
}
