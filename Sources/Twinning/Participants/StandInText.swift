public import TwinLanguage

/// How the anonymous stand-in of an erased person (`erased:…`) is shown where a name would be:
/// never as its id, always in the reader's language.
public enum StandInText {
    /// What is shown instead of an erased person's name.
    public static let erasedParticipant = LocalizedText(nl: "(verwijderde deelnemer)", en: "(erased participant)")

    /// The mark of a running pair whose partner was erased.
    public static let decisionNeeded = LocalizedText(
        nl: "partner doet niet meer mee, beslissing nodig ('Een duo zonder partner afhandelen')",
        en: "partner no longer takes part, decision needed ('Settle a pair whose partner left')")

    /// The name to show for `id` when it has no profile: the stand-in's words for an erased
    /// person, the id for anyone else (who has not finished the intake).
    public static func name(_ id: ParticipantID, in language: Language) -> String {
        id.isErasedStandIn ? erasedParticipant.text(in: language) : id.description
    }
}
