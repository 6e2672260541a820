public import TwinLanguage

/// The programme's phases in words a participant understands.
public enum PhaseText {
    /// The phase's name: "matching", "kennismaking" / "getting acquainted", ….
    public static func name(_ phase: Phase) -> LocalizedText {
        switch phase {
        case .matching: return LocalizedText(nl: "matching", en: "matching")
        case .kennismaking: return LocalizedText(nl: "kennismaking", en: "getting acquainted")
        case .activiteiten: return LocalizedText(nl: "activiteiten", en: "activities")
        case .afronding: return LocalizedText(nl: "afronding", en: "closing evaluation")
        case .afgerond: return LocalizedText(nl: "afgerond", en: "closed")
        }
    }

    /// Where a participant is in the programme, as `status` says it first: "Je bent in fase 1
    /// van 4: matching."
    public static func place(_ phase: Phase, coordinator: Bool) -> LocalizedText {
        if coordinator {
            return LocalizedText(nl: "Je bent coördinator van het programma.", en: "You are a coordinator of the programme.")
        }
        let name = Self.name(phase)
        guard let number = phase.number else {
            return LocalizedText(nl: "Je traject is afgerond.", en: "Your trajectory is closed.")
        }
        return LocalizedText(nl: "Je bent in fase \(number) van \(Phase.count): \(name.nl).",
                             en: "You are in phase \(number) of \(Phase.count): \(name.en).")
    }
}
