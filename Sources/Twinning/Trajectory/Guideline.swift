public import TwinLanguage

/// Checks a plan against the programme's guideline and explains, with the programme guide's reasoning,
/// what it advises. Advice never blocks: participants may keep their choice and say why.
public enum Guideline {
    /// Three months, the strongly recommended minimum.
    public static let minimumWeeks = 13
    /// Six to eight meetings.
    public static let meetings = 6...8
    /// At least 20 hours per participant.
    public static let minimumHours = 20.0

    /// The rules the plan does not meet, in a fixed order.
    public static func deviations(weeks: Int, meetings: Int, hours: Double, hasLongTermGoals: Bool) -> [GuidelineRule] {
        var rules: [GuidelineRule] = []
        if weeks < minimumWeeks { rules.append(.shortDuration) }
        if meetings < Self.meetings.lowerBound { rules.append(.fewMeetings) }
        if meetings > Self.meetings.upperBound { rules.append(.manyMeetings) }
        if hours < minimumHours { rules.append(.fewHours) }
        if hasLongTermGoals, weeks <= minimumWeeks { rules.append(.longTermGoalsShortTrajectory) }
        return rules
    }

    /// The advice for a rule, in Dutch and English, with the programme guide's reasoning.
    public static func advice(_ rule: GuidelineRule) -> LocalizedText {
        switch rule {
        case .shortDuration:
            return LocalizedText(nl: "De richtlijn is een traject van minimaal drie maanden (13 weken); dat wordt sterk aanbevolen. Korter lukt alleen als jullie vooral in korte tijd verrast willen worden, met een paar ontmoetingen.",
                    en: "The guideline is a trajectory of at least three months (13 weeks), which is strongly recommended. Shorter only works if you mainly want a quick, inspiring experience with a few meetings.")
        case .fewMeetings:
            return LocalizedText(nl: "De richtlijn is zes tot acht ontmoetingen. Met minder ontmoetingen blijft het vaak bij een eerste kennismaking en komen jullie minder toe aan samen doen en leren.",
                    en: "The guideline is six to eight meetings. With fewer meetings it often stays a first acquaintance, with less time to do and learn things together.")
        case .manyMeetings:
            return LocalizedText(nl: "De richtlijn is zes tot acht ontmoetingen. Meer kan, maar kijk of het naast jullie gewone werk haalbaar blijft; maak er goede afspraken over met je leidinggevende.",
                    en: "The guideline is six to eight meetings. More is possible, but check that it stays feasible next to your regular work, and agree on it with your manager.")
        case .fewHours:
            return LocalizedText(nl: "De richtlijn is een tijdsinvestering van minimaal 20 uur per deelnemer. Drie maanden en 20 uur leveren vooral het 'laaghangend fruit' op; met minder tijd wordt ook dat lastig.",
                    en: "The guideline is a time investment of at least 20 hours per participant. Three months and 20 hours mostly yield the 'low-hanging fruit'; with less time even that gets hard.")
        case .longTermGoalsShortTrajectory:
            return LocalizedText(nl: "Jullie hebben langetermijndoelen, maar een kort traject. Voor langetermijndoelen is het voor te stellen dat jullie langer aan elkaar verbonden zijn: sommige opbrengsten vragen intensiever of langduriger contact.",
                    en: "You have long-term goals but a short trajectory. Long-term goals suggest staying connected for longer: some results need more intensive or longer contact.")
        }
    }
}
