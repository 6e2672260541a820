import DialogEngine
import Twinning
import TwinLanguage

/// The texts of the signal actions (time estimate, click question, a knelpunt raised), in both
/// languages.
enum SignalText {
    static let noPlanEstimate = LocalizedText(
        nl: "Er is nog geen planning. Schat samen met je partner in hoeveel uur je nodig hebt, en neem dat mee naar je leidinggevende.",
        en: "There is no plan yet. Estimate with your partner how many hours you need, and take that to your manager.")

    static let reportSent = LocalizedText(
        nl: "Je melding is vastgelegd en de coördinator krijgt hem, met je eigen woorden, zodat die contact met je kan opnemen. Je partner krijgt er geen bericht over.",
        en: "Your report is recorded and the coordinator gets it, in your own words, so that they can get in touch with you. Your partner is not told about it.")

    /// The plan's hours as the realistic time estimate for the manager.
    static func timeEstimate(_ plan: Plan) -> LocalizedText {
        let weeks = max(plan.weeks, 1)
        let perWeek = (plan.hours / Double(weeks) * 10).rounded() / 10
        return LocalizedText { language in
            let hours = Value.format(plan.hours, in: language), weekly = Value.format(perWeek, in: language)
            return language.text(
                nl: "Jullie planning gaat uit van \(hours) uur per deelnemer in \(plan.weeks) weken, met \(plan.meetings) ontmoetingen: gemiddeld zo'n \(weekly) uur per week. Geef je leidinggevende dat realistische beeld van de tijd die je nodig hebt, inclusief voorbereiding en reistijd.",
                en: "Your plan assumes \(hours) hours per participant over \(plan.weeks) weeks, with \(plan.meetings) meetings: about \(weekly) hours a week on average. Give your manager that realistic estimate of the time you need, including preparation and travel.")
        }
    }

    /// The answer to the click question, with what helps when the click is missing.
    static func clickAdvice(_ answer: ClickAnswer) -> LocalizedText {
        switch answer {
        case .yes:
            return LocalizedText(
                nl: "Fijn! Een persoonlijke klik staat aan de basis van een geslaagd traject. Gebruik die energie: kies activiteiten waar jullie allebei zin in hebben.",
                en: "Great! A personal click is the base of a successful trajectory. Use that energy: choose activities you both look forward to.")
        case .somewhat:
            return LocalizedText(
                nl: "Een klik groeit vaak als je elkaar beter leert kennen. Vertel elkaar wat je interesseert en stem de activiteiten daarop af. Blijft het stroef, kies dan 'Er loopt iets niet' in het menu; de coördinator denkt graag mee.",
                en: "A click often grows as you get to know each other better. Tell each other what interests you and adjust the activities to it. If it stays awkward, choose 'Something isn't working' in the menu; the coordinator is glad to help.")
        case .no:
            return LocalizedText(
                nl: "Jammer, en goed dat je het zegt: zonder klik is het lastiger om je doelen te halen. Bespreek het open met je partner en kijk samen welke activiteiten jullie allebei interesseren. De coördinator ziet je antwoord (je partner niet) en kan helpen bij dat gesprek; lukt het echt niet, dan is een nieuwe match het laatste redmiddel.",
                en: "A pity, and good that you say so: without a click it is harder to reach your goals. Talk about it openly with your partner and look together for activities that interest you both. The coordinator sees your answer (your partner does not) and can help with that conversation; if it really does not work, a new match is the last resort.")
        }
    }
}
