import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The actions of phase 1's intake: recording consent for processing, saving the profile and
/// opening or closing it for open matching.
enum ProfileActions {
    /// The version of the open-matching consent text in the dialogs; recorded with every
    /// consent so that it is known what a participant agreed to. Change it when the text changes.
    static let consentVersion = "open-matching-2026-11"

    /// The version of the privacy statement shown before the consent question for processing
    /// (Dialogs/consent.yaml, step `statement`); recorded with every decision so that it is known
    /// what a participant agreed to. Change it when the text changes. A decision taken where the
    /// installation keeps raw conversation texts (the statement then says so) is recorded with
    /// `+texts` appended.
    ///
    /// - `processing-2026-11`: the first statement.
    /// - `processing-2026-12`: adds that an unfinished sign-up or a no is erased once the person
    ///   has not been in touch for a while (`retention.inactive_without_profile_days`).
    static let processingConsentVersion = "processing-2026-12b"

    static let signatures: [ActionSignature] = [
        ActionSignature(
            name: "record_consent",
            summary: "Records the participant's decision about a purpose (`processing`) with the time and the version of the text shown; returns whether consent is now given.",
            parameters: [.init("purpose", .text), .init("given", .bool)],
            result: .bool),
        ActionSignature(
            name: "save_profile",
            summary: "Checks the intake answers and saves them as the participant's profile; true when saved.",
            parameters: [
                .init("name", .text), .init("side", .text), .init("organization", .text), .init("role", .text),
                .init("field", .text), .init("field_other", .text, optional: true),
                .init("education_type", .list), .init("company_type", .list),
                .init("background", .text, optional: true), .init("target_group", .text, optional: true),
                .init("motivation", .list), .init("criteria", .list), .init("subject_preference", .text),
                .init("region", .text), .init("open_profile", .bool),
            ],
            result: .bool),
        ActionSignature(
            name: "set_open_profile",
            summary: "Opens (true) or closes (false) the participant's profile for open matching; returns the new state.",
            parameters: [.init("open", .bool)],
            result: .bool),
    ]

    /// Appends the participant's decision about `purpose` to their consent history. An unknown
    /// purpose (a custom dialog's typo) records nothing and returns false with a warning.
    static func recordConsent(_ call: ActionCall, participant: ParticipantID, in tx: any TwinTransaction, now: Date,
                              keepsTexts: Bool) throws -> ActionResult {
        guard let purpose = call["purpose"].textValue.flatMap(ConsentPurpose.init(rawValue:)) else {
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, LocalizedText(
                nl: "Je keuze kon niet worden vastgelegd. Meld dit aan de coördinator van het programma.",
                en: "Your choice could not be recorded. Please tell the programme's coordinator."))])
        }
        let given = call["given"].boolValue ?? false
        let version = processingConsentVersion + (keepsTexts ? "+texts" : "")
        try tx.record(ConsentDecision(purpose: purpose, textVersion: version, given: given, recordedAt: now), for: participant)
        return ActionResult(value: .bool(given))
    }

    static func saveProfile(_ call: ActionCall, participant: ParticipantID, in tx: any TwinTransaction, now: Date) throws -> ActionResult {
        // Defence in depth: a custom dialog that skips the consent question cannot store a profile.
        guard try tx.hasConsent(.processing, of: participant) else {
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, LocalizedText(
                nl: "Je profiel is niet opgeslagen: je hebt (nog) geen toestemming gegeven om je gegevens te bewaren, en zonder die toestemming houdt het programma geen profiel bij.",
                en: "Your profile has not been saved: you have not (yet) consented to your data being kept, and without that consent the programme keeps no profile."))])
        }
        var draft = ProfileDraft()
        draft.name = call["name"].textValue
        draft.side = call["side"].textValue
        draft.organization = call["organization"].textValue
        draft.role = call["role"].textValue
        draft.field = call["field"].textValue
        draft.fieldOther = call["field_other"].textValue
        draft.educationTypes = call["education_type"].listValue ?? []
        draft.companyTypes = call["company_type"].listValue ?? []
        draft.background = call["background"].textValue
        draft.targetGroup = call["target_group"].textValue
        draft.motivations = call["motivation"].listValue ?? []
        draft.criteria = call["criteria"].listValue ?? []
        draft.subjectPreference = call["subject_preference"].textValue
        draft.region = call["region"].textValue
        draft.openProfile = call["open_profile"].boolValue ?? false
        let previous = try tx.profile(participant)
        switch draft.profile(at: now, consentVersion: consentVersion, previousConsent: previous?.openMatchingConsent) {
        case .success(let profile):
            try tx.save(profile, for: participant)
            return ActionResult(value: .bool(true))
        case .failure(let problem):
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, LocalizedText(
                nl: "Je profiel is nog niet compleet (\(problem)); vul de ontbrekende antwoorden aan.",
                en: "Your profile is not complete yet (\(problem)); please fill in the missing answers."))])
        }
    }

    static func setOpenProfile(_ call: ActionCall, participant: ParticipantID, in tx: any TwinTransaction, now: Date) throws -> ActionResult {
        let open = call["open"].boolValue ?? false
        guard var profile = try tx.profile(participant) else {
            return ActionResult(value: .bool(false), messages: [OutputMessage(.warning, LocalizedText(
                nl: "Je hebt nog geen profiel; maak eerst je profiel af.",
                en: "You have no profile yet; please complete your profile first."))])
        }
        if open {
            if profile.openMatchingConsent == nil {
                profile.openMatchingConsent = Consent(givenAt: now, textVersion: consentVersion)
            }
        } else {
            profile.openMatchingConsent = nil
        }
        profile.updatedAt = now
        try tx.save(profile, for: participant)
        return ActionResult(value: .bool(open))
    }
}
