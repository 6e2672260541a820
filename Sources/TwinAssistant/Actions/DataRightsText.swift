import DialogEngine
import Foundation
import Twinning
import TwinLanguage

/// The texts of a participant's own data requests in the chat — seeing what is stored and
/// having it erased — in both languages.
enum DataRightsText {
    /// The reply after the erasure, instead of the dialog's text.
    static let erased = LocalizedText(
        nl: """
            Klaar: al je gegevens zijn verwijderd — je profiel, je antwoorden, je doelen, je activiteiten en je evaluatie, en ook dit gesprek. \
            In het logboek van de coördinator staat alleen dat er iemand is verwijderd, niet wie.
            Wil je later toch (weer) meedoen? Stuur dan gewoon een nieuw bericht: je begint dan opnieuw bij de kennismaking. Bedankt voor je deelname!
            """,
        en: """
            Done: all your data has been erased — your profile, your answers, your goals, your activities and your evaluation, and this conversation too. \
            The coordinator's log only keeps that someone was erased, not who.
            Would you like to take part (again) later? Just send a new message: you will start again at the introduction. Thank you for taking part!
            """)

    /// The reply when the erasure could not be carried out (nothing was erased).
    static let erasureFailed = LocalizedText(
        nl: "Het verwijderen is niet gelukt; er is niets verwijderd. Probeer het straks opnieuw via 'Mijn gegevens' in het menu, of vraag de coördinator om het voor je te doen.",
        en: "Erasing did not work; nothing was erased. Please try again later via 'My data' in the menu, or ask the coordinator to do it for you.")

    /// The notice for the partner of a running trajectory whose partner was erased — at their own
    /// request, by the coordinator or by the retention purge; it names nobody and says nothing of
    /// why.
    static let partnerLeft = LocalizedText(
        nl: "Je Job Twinning-partner doet niet meer mee; zijn of haar gegevens zijn verwijderd. Jouw eigen doelen, activiteiten, evaluatie en jouw deel van de planning blijven gewoon bewaard. De coördinator neemt contact met je op om samen te beslissen hoe je verdergaat: opnieuw gematcht worden, of je traject alleen afronden met je eigen evaluatie.",
        en: "Your Job Twinning partner is no longer taking part; their data has been erased. Your own goals, activities, evaluation and your part of the plan are kept as they are. The coordinator will contact you to decide together how you go on: being matched again, or closing your trajectory alone with your own evaluation.")

    /// The notice for the other side of a match proposal whose other participant was erased.
    static let proposalEnded = LocalizedText(
        nl: "Het matchvoorstel gaat niet door: de andere deelnemer doet niet meer mee. Je profiel blijft staan, dus je kunt opnieuw gematcht worden.",
        en: "The match proposal will not go ahead: the other participant is no longer taking part. Your profile stays, so you can be matched again.")

    /// What the export shows first: a readable overview of what is stored.
    struct Overview {
        var profile: Profile?
        var answers: Int
        var pair: Pair?
        var partnerName: String?
        var goals: (mine: Int, joint: Int, partner: Int)
        /// Whether the participant and the partner described their expectations.
        var expectations: (mine: Bool, partner: Bool)
        var plan: Plan?
        var activities: (all: Int, mine: Int)
        var contextCheck: Bool
        var evaluation: Evaluation?
        var likes: Int
        var notices: Int
        var requests: Int
        var auditLines: Int

        /// The overview in `language`, ending with a word on the JSON that follows.
        func text(in language: Language) -> String {
            func yesNo(_ value: Bool) -> String { value ? language.text(nl: "ja", en: "yes") : language.text(nl: "nee", en: "no") }
            var lines = [language.text(nl: "Dit is wat Job Twinning over jou bewaart:", en: "This is what Job Twinning keeps about you:")]
            if let profile {
                lines.append(language.text(nl: "• Je profiel: ja (naam: \(profile.name); zichtbaar in open matching: \(yesNo(profile.isOpen)))", en: "• Your profile: yes (name: \(profile.name); visible in open matching: \(yesNo(profile.isOpen)))"))
            } else {
                lines.append(language.text(nl: "• Je profiel: nee, nog niet ingevuld", en: "• Your profile: no, not filled in yet"))
            }
            lines.append(language.text(nl: "• Je antwoorden in het gesprek: ", en: "• Your answers in the conversation: ") + "\(answers)")
            lines.append(language.text(nl: "• Je duo: ", en: "• Your pair: ") + pairText(language))
            if pair != nil {
                lines.append(language.text(nl: "• Doelen: \(goals.mine) van jou, \(goals.joint) gezamenlijk, \(goals.partner) van je partner", en: "• Goals: \(goals.mine) of yours, \(goals.joint) joint, \(goals.partner) of your partner's"))
                lines.append(language.text(nl: "• Verwachtingen: van jou \(yesNo(expectations.mine)), van je partner \(yesNo(expectations.partner))",
                                           en: "• Expectations: yours \(yesNo(expectations.mine)), your partner's \(yesNo(expectations.partner))"))
                if let plan {
                    let hours = Value.format(plan.hours, in: language)
                    lines.append(language.text(nl: "• Planning: \(plan.weeks) weken, \(plan.meetings) ontmoetingen, \(hours) uur per persoon (versie \(plan.version))", en: "• Plan: \(plan.weeks) weeks, \(plan.meetings) meetings, \(hours) hours each (version \(plan.version))"))
                } else {
                    lines.append(language.text(nl: "• Planning: nog geen", en: "• Plan: none yet"))
                }
                lines.append(language.text(nl: "• Activiteiten: \(activities.all), waarvan \(activities.mine) door jou vastgelegd", en: "• Activities: \(activities.all), \(activities.mine) of them logged by you"))
                lines.append(language.text(nl: "• Evaluatie: ", en: "• Evaluation: ") + evaluationText(language))
            }
            lines.append(language.text(nl: "• Contextcheck (afspraken met je leidinggevende): ", en: "• Context check (agreements with your manager): ")
                         + (contextCheck ? language.text(nl: "ingevuld", en: "filled in") : language.text(nl: "niet ingevuld", en: "not filled in")))
            lines.append(language.text(nl: "• Je likes en passes in open matching: ", en: "• Your likes and passes in open matching: ") + "\(likes)")
            lines.append(language.text(nl: "• Berichten die voor jou klaarstonden: ", en: "• Messages that were left for you: ") + "\(notices)")
            lines.append(language.text(nl: "• Je chatberichten van de laatste 24 uur (bewaard om dubbel verstuurde berichten te herkennen): ", en: "• Your chat messages of the last 24 hours (kept to recognise messages sent twice): ") + "\(requests)")
            lines.append(language.text(nl: "• Regels over jou in het logboek van de coördinator: ", en: "• Lines about you in the coordinator's log: ") + "\(auditLines)")
            lines.append(language.text(nl: """
                Hieronder staat alles, precies zoals het is opgeslagen, in JSON (een tekstformaat voor gegevens). Kopieën van eerdere antwoorden in deze chat staan er alleen met hun grootte in. \
                Kan je chatprogramma zo'n lang bericht niet tonen, dan staat aan het eind dat het is afgekapt; vraag dan de coördinator om je volledige export.
                """, en: """
                Below is everything, exactly as it is stored, in JSON (a text format for data). Copies of earlier replies in this chat are listed by their size only. \
                If your chat app cannot show a message this long, the end says it was cut short; then ask the coordinator for your complete export.
                """))
            return lines.joined(separator: "\n")
        }

        private func pairText(_ language: Language) -> String {
            guard let pair else { return language.text(nl: "nog geen", en: "none yet") }
            let with = partnerName.map { language.text(nl: "met \($0)", en: "with \($0)") } ?? language.text(nl: "met een deelnemer die niet meer meedoet", en: "with a participant who no longer takes part")
            switch pair.status {
            case .proposed: return with + language.text(nl: ", voorgesteld en nog niet door jullie allebei bevestigd", en: ", proposed and not yet confirmed by both of you")
            case .confirmed: return with + language.text(nl: ", bevestigd", en: ", confirmed")
            case .closed: return with + language.text(nl: ", traject afgerond", en: ", trajectory completed")
            case .declined: return with + language.text(nl: ", voorstel afgewezen", en: ", proposal declined")
            }
        }

        private func evaluationText(_ language: Language) -> String {
            guard let evaluation else { return language.text(nl: "nog niet begonnen", en: "not started yet") }
            if evaluation.finishedAt != nil { return language.text(nl: "afgerond", en: "finished") }
            return language.text(nl: "begonnen", en: "started")
        }
    }

    /// The notice for a participant never matched who has been silent long: stay or be erased.
    static func unmatchedWarning(_ day: Date) -> LocalizedText {
        let date = LocalDate(day)
        let nl = date.formatted(in: .nl), en = date.formatted(in: .en)
        return LocalizedText(
            nl: "Je bent nog niet gematcht en we hebben al een tijd niets van je gehoord. Wil je blijven meedoen? Dan is dit bericht genoeg: je doet gewoon verder mee. Hoor je niets meer van ons en wij niets van jou, dan worden je gegevens na \(nl) verwijderd.",
            en: "You have not been matched yet and we have not heard from you for a while. Do you want to stay in the programme? Then this message is enough: you simply stay. If we do not hear from you, your data will be erased after \(en).")
    }
}
